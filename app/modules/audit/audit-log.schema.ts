import { z } from "zod";
import { isIsoDate } from "~/domain/case/dates";
import { normalizeReferenceCode } from "~/domain/reference-code/reference-code";

// The admin audit page's search form (a GET form: the filters live in the URL, so a search can be bookmarked and
// shared between administrators). Messages are translation keys, translated per request.

const text = (max: number) =>
  z
    .string()
    .trim()
    .refine((v) => v.length <= max, { message: "validation:tooLong", params: { maximum: max } })
    .optional();
const date = () => z.string().refine(isIsoDate, { message: "validation:invalidDate" }).optional();
const cursor = () => z.coerce.number().int().positive().optional();

export const auditSearchSchema = z
  .object({
    actor: text(200),
    // A referral's reference code, in any form a person types it (small letters, spaces, full width).
    code: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || normalizeReferenceCode(v) !== null, { message: "audit:errors.codeInvalid" }),
    action: text(100),
    subjectType: text(50),
    subjectId: text(100),
    from: date(),
    to: date(),
    // Keyset cursors: events older than `before`, or newer than `after` (by their sequence number).
    before: cursor(),
    after: cursor(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ["to"], message: "audit:errors.toBeforeFrom" });

export type AuditSearch = z.infer<typeof auditSearchSchema>;

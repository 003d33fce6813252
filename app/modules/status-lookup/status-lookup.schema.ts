// What a patient (or a system on their behalf) sends to look up a referral's status: the page and the JSON door
// validate with this one schema. Messages are translation keys of the "status" namespace.
import { z } from "zod";
import { isIsoDate } from "~/domain/case/dates";
import { normalizeReferenceCode } from "~/domain/reference-code/reference-code";

export const statusLookupKeys = {
  codeRequired: "status:errors.codeRequired",
  codeFormat: "status:errors.codeFormat",
  birthDateRequired: "status:errors.birthDateRequired",
  birthDateInvalid: "status:errors.birthDateInvalid",
} as const;

const K = statusLookupKeys;

export const statusLookupSchema = z.object({
  // Typed as people type it (spaces, dashes, small letters, full-width characters, O for 0): the canonical code
  // comes out, or the check symbol catches the typo before any lookup is made.
  referenceCode: z
    .string({ error: (issue) => (issue.input === undefined ? K.codeRequired : K.codeFormat) })
    .trim()
    .min(1, { error: K.codeRequired })
    .max(64, { error: K.codeFormat })
    .transform((value, ctx) => {
      const code = normalizeReferenceCode(value);
      if (!code) {
        ctx.addIssue({ code: "custom", message: K.codeFormat, input: value });
        return z.NEVER;
      }
      return code;
    }),
  birthDate: z
    .string({ error: (issue) => (issue.input === undefined ? K.birthDateRequired : K.birthDateInvalid) })
    .trim()
    .min(1, { error: K.birthDateRequired })
    .refine((value) => isIsoDate(value) && value >= "1900-01-01", { error: K.birthDateInvalid }),
});

export type StatusLookupInput = z.infer<typeof statusLookupSchema>;

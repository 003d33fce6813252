// The form that grants a staff exchange, and the one that revokes it. Pure: the page and the service read the same
// schemas. Messages are translation keys, translated per request. Rules across fields run even when a field has
// already failed (alwaysCheck), so every problem of the form shows at once.
import { z } from "zod";
import { isIsoDate } from "~/domain/case/dates";
import { daysInclusive, MAX_GRANT_DAYS } from "~/domain/staff-exchange/grant-window";
import { looksLikeNationalId, siteCodes } from "~/modules/accounts/accounts.schema";
import { alwaysCheck } from "~/utils/always-check";

export const NOTE_MAX_LENGTH = 500;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const date = (required: string) =>
  z.string({ message: required }).refine(isIsoDate, { message: "admin:exchange.errors.dateInvalid" });

export type GrantForm = {
  visitorId: string;
  hostSiteCode: (typeof siteCodes)[number];
  from: string;
  to: string;
  note?: string | undefined;
};

/**
 * `todayBySite` is each site's calendar date now: "not in the past" means the host's today. While the host is not
 * chosen yet, the earliest of the sites' todays is used, so the form never refuses a date the host would accept.
 */
export function grantSchema(todayBySite: Record<string, string>) {
  return z
    .object({
      visitorId: z
        .string({ message: "admin:exchange.errors.visitorRequired" })
        .regex(uuid, { message: "admin:exchange.errors.visitorRequired" }),
      hostSiteCode: z.enum(siteCodes, { message: "admin:exchange.errors.hostRequired" }),
      from: date("admin:exchange.errors.fromRequired"),
      to: date("admin:exchange.errors.toRequired"),
      note: z
        .string()
        .trim()
        .normalize("NFKC")
        .refine((v) => v.length <= NOTE_MAX_LENGTH, {
          message: "validation:tooLong",
          params: { maximum: NOTE_MAX_LENGTH },
        })
        // NOTE: privacy.md rule 1 — a note that looks like a national identifier is refused, never stored.
        .refine((v) => !looksLikeNationalId(v), { message: "auth:errors.nationalId" })
        .optional()
        .transform((v) => v || undefined),
    })
    .check(
      alwaysCheck<GrantForm>((value, ctx) => {
        const from = isIsoDate(value.from) ? value.from : null;
        const to = isIsoDate(value.to) ? value.to : null;
        const known = Object.values(todayBySite).sort();
        const today = (typeof value.hostSiteCode === "string" && todayBySite[value.hostSiteCode]) || known[0];
        if (from && today && from < today)
          ctx.addIssue({ code: "custom", path: ["from"], message: "admin:exchange.errors.fromInPast" });
        if (from && to && to < from)
          ctx.addIssue({ code: "custom", path: ["to"], message: "admin:exchange.errors.toBeforeFrom" });
        else if (from && to && daysInclusive(from, to) > MAX_GRANT_DAYS) {
          ctx.addIssue({
            code: "custom",
            path: ["to"],
            message: "admin:exchange.errors.tooLong",
            params: { maximum: MAX_GRANT_DAYS },
          });
        }
      }),
    );
}

/** Revoking names the grant; only a hand-made request lacks it. */
export const revokeSchema = z.object({ grantId: z.string().regex(uuid) });

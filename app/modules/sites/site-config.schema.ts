import { z } from "zod";
import { indications, type Indication } from "~/domain/case/vocabulary";

export const siteCodes = ["konyang", "qst"] as const;
export const siteLanguages = ["ko", "ja", "en"] as const;
export const MAX_WEEKLY_CAPACITY = 1000;
export const MAX_NOTE_LENGTH = 500;

/** Checkboxes post as `group.code = "true"` (one name per box, so the flat form parser keeps them all). */
function checkedCodes<T extends string>(codes: readonly T[]) {
  return z
    .record(z.string(), z.string())
    .optional()
    .transform((checked) => codes.filter((code) => checked?.[code] === "true"));
}

/**
 * The administrator's edit form for one site's configuration. Messages are translation keys (namespace "sites"),
 * translated per request; the same schema runs in the action.
 */
export const siteConfigFormSchema = z.object({
  siteCode: z.enum(siteCodes, { message: "sites:validation.site" }),
  baseVersion: z.coerce.number({ message: "sites:validation.baseVersion" }).int().min(1),
  acceptedIndications: checkedCodes<Indication>(indications),
  treatsOnSite: z.enum(["yes", "no"], { message: "sites:validation.treatsOnSite" }).transform((v) => v === "yes"),
  languages: checkedCodes(siteLanguages).refine((list) => list.length > 0, { message: "sites:validation.languages" }),
  // Absent (a client that predates the setting) keeps the value in force; the admin form always sends it.
  clinicalSignoff: z
    .enum(["yes", "no"], { message: "sites:validation.clinicalSignoff" })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "yes")),
  weeklyCapacity: z.coerce
    .number({ message: "sites:validation.capacity" })
    .int({ message: "sites:validation.capacity" })
    .min(0, { message: "sites:validation.capacity" })
    .max(MAX_WEEKLY_CAPACITY, { message: "sites:validation.capacity" }),
  note: z
    .string({ message: "sites:validation.noteRequired" })
    .trim()
    .min(1, { message: "sites:validation.noteRequired" })
    .refine((note) => note.length <= MAX_NOTE_LENGTH, {
      message: "sites:validation.noteTooLong",
      params: { maximum: MAX_NOTE_LENGTH },
    }),
});

type ParsedForm = z.output<typeof siteConfigFormSchema>;
export type SiteConfigForm = Omit<ParsedForm, "clinicalSignoff"> & { clinicalSignoff?: boolean };

import { z } from "zod";

export const MAX_CONTACT_TEXT = 300;
export const MAX_CONTACT_NOTE = 500;

const text = (message: string) =>
  z.string({ message }).trim().min(1, { message }).max(MAX_CONTACT_TEXT, { message: "contacts:validation.tooLong" });
const words = (message: string) => z.object({ ko: text(message), ja: text(message), en: text(message) }, { message });
/** A box ticked posts "yes"; an unticked box posts nothing. */
const confirmed = z
  .string()
  .optional()
  .transform((v) => v === "yes");

/**
 * The administrator's form for one site's contact details: every detail in force is posted again (a new version is
 * whole), each with "confirmed by the site". Messages are translation keys (namespace "contacts").
 */
export const siteContactsFormSchema = z.object({
  baseVersion: z.coerce.number({ message: "contacts:validation.baseVersion" }).int().min(1),
  contactName: words("contacts:validation.contactName"),
  phone: text("contacts:validation.phone"),
  phoneConfirmed: confirmed,
  email: z
    .email({ message: "contacts:validation.email" })
    .max(MAX_CONTACT_TEXT, { message: "contacts:validation.tooLong" }),
  emailConfirmed: confirmed,
  hours: words("contacts:validation.hours"),
  hoursConfirmed: confirmed,
  address: words("contacts:validation.address"),
  mapQuery: text("contacts:validation.mapQuery"),
  addressConfirmed: confirmed,
  note: z
    .string({ message: "contacts:validation.noteRequired" })
    .trim()
    .min(1, { message: "contacts:validation.noteRequired" })
    .max(MAX_CONTACT_NOTE, { message: "contacts:validation.noteTooLong" }),
});

export type SiteContactsForm = z.output<typeof siteContactsFormSchema>;

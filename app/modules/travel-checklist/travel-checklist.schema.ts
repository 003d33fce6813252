import { z } from "zod";

/** One press of "Mark as done" / "Not done after all" on the staff referral page. */
export const travelTickSchema = z
  .object({
    item: z.string().trim().min(1).max(64),
    done: z.enum(["yes", "no"]),
  })
  .transform(({ item, done }) => ({ itemKey: item, done: done === "yes" }));

export const MAX_ITEM_TITLE = 120;
export const MAX_ITEM_BODY = 1500;

const words = (max: number, message: string) =>
  z.object(
    {
      ko: z.string({ message }).trim().min(1, { message }).max(max, { message: "travel:validation.tooLong" }),
      ja: z.string({ message }).trim().min(1, { message }).max(max, { message: "travel:validation.tooLong" }),
      en: z.string({ message }).trim().min(1, { message }).max(max, { message: "travel:validation.tooLong" }),
    },
    { message },
  );

/** Official sources: one https address per line (blank lines ignored). */
const sources = z
  .string()
  .optional()
  .transform((text) =>
    (text ?? "")
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  )
  .refine((lines) => lines.every((line) => /^https:\/\/[^\s]+$/.test(line) && URL.canParse(line)), {
    message: "travel:validation.sources",
  });

/**
 * The administrator's form for a site's checklist wording: each item's title and text in ko/ja/en and its sources,
 * by item key (the items themselves, their keys and who they concern, stay as configured).
 */
export const travelChecklistFormSchema = z.object({
  baseVersion: z.coerce.number({ message: "travel:validation.baseVersion" }).int().min(1),
  items: z.record(
    z.string(),
    z.object({
      title: words(MAX_ITEM_TITLE, "travel:validation.title"),
      body: words(MAX_ITEM_BODY, "travel:validation.body"),
      sources,
    }),
  ),
  note: z
    .string({ message: "travel:validation.noteRequired" })
    .trim()
    .min(1, { message: "travel:validation.noteRequired" })
    .max(500, { message: "travel:validation.noteTooLong" }),
});

export type TravelChecklistForm = z.output<typeof travelChecklistFormSchema>;

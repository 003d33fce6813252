// The portal's own rules for typed answers, on top of the case contract: no national identifier in free text, a
// reading in katakana, a passport spelling in Latin letters, no date in the future, a phone number that exists.
// Pure: runs in the browser (the phone rule with full metadata is given on the server only).
import type { z } from "zod";
import { isIsoDate } from "~/domain/case/dates";
import { myNumberRefusedKey, nationalIdIn, nationalIdRefusedKey, rrnRefusedKey } from "~/domain/case/national-id";
import { getPath } from "~/domain/case/paths";
import { allFields, isFreeText, type IntakeField } from "./intake-fields";

/** Katakana, the long-vowel mark, the middle dot and spaces: what a フリガナ field holds. */
export function isKatakanaReading(text: string): boolean {
  return /^[\u30A1-\u30FA\u30FC\u30FB\u30FD\u30FE ]+$/.test(text);
}

/** Letters as a passport prints them (Latin script, spaces, hyphens, apostrophes). Typed, never derived from the native name. */
export function isPassportSpelling(text: string): boolean {
  return /^[A-Za-z][A-Za-z '\-]*$/.test(text);
}

/**
 * The server's check that a phone number exists (full metadata, app/utils/phone.server.ts): a message key and its
 * values when it does not. The browser has none and checks with the small metadata only, as a hint.
 */
export type PhoneRule = (e164: string) => { key: string; params?: Record<string, string> } | null;

export const intakeKeys = {
  rrn: rrnRefusedKey,
  myNumber: myNumberRefusedKey,
  reading: "intake:validation.reading",
  passport: "intake:validation.passport",
  future: "intake:validation.future",
  number: "intake:validation.number",
  date: "intake:validation.date",
  phone: "intake:validation.phone",
  consent: "intake:validation.consent",
  required: "intake:validation.required",
  choose: "intake:validation.choose",
  withdrawNote: "intake:validation.withdrawNote",
  tooLong: "intake:validation.tooLong",
} as const;

type Ctx = z.core.$RefinementCtx<unknown>;

/** The portal's own rules for typed answers, applied on top of the contract (and again to a whole case at submission). */
export function checkTypedAnswers(
  value: unknown,
  ctx: Ctx,
  today: string,
  fields: IntakeField[] = allFields,
  phoneRule?: PhoneRule,
) {
  for (const field of withRowFields(value, fields)) {
    const answer = getPath(value, field.path);
    if (typeof answer !== "string") continue;
    const path = field.path.split(".");
    const nationalId = isFreeText(field) ? nationalIdIn(answer) : null;
    if (nationalId) {
      ctx.addIssue({ code: "custom", path, message: nationalIdRefusedKey[nationalId], input: answer });
      continue;
    }
    if (field.kind.type === "text" && field.kind.variant === "reading" && !isKatakanaReading(answer)) {
      ctx.addIssue({ code: "custom", path, message: intakeKeys.reading, input: answer });
    } else if (field.kind.type === "text" && field.kind.variant === "latin" && !isPassportSpelling(answer)) {
      ctx.addIssue({ code: "custom", path, message: intakeKeys.passport, input: answer });
    } else if (field.kind.type === "date" && isIsoDate(answer) && answer > today) {
      ctx.addIssue({ code: "custom", path, message: intakeKeys.future, input: answer });
    } else if (field.kind.type === "phone" && phoneRule && answer.startsWith("+")) {
      const problem = phoneRule(answer);
      if (problem) ctx.addIssue({ code: "custom", path, message: problem.key, input: answer, params: problem.params });
    }
  }
}

/** The questions, a list's rows expanded into their fields ("history.radiotherapyCourses.0.region"). */
function withRowFields(value: unknown, fields: IntakeField[]): IntakeField[] {
  return fields.flatMap((field) => {
    if (field.kind.type !== "list") return [field];
    const rows = getPath(value, field.path);
    if (!Array.isArray(rows)) return [];
    const { item } = field.kind;
    return rows.flatMap((_, index) =>
      item.map((i) => ({ path: `${field.path}.${index}.${i.key}`, kind: i.kind, optional: !i.required })),
    );
  });
}

// The live pre-check of a referral being written: the screen of whatever the draft holds so far. A draft may hold
// answers that are not valid yet (a half-typed date, a number with a typo); those are left out, read as unknown,
// so the banner always shows the current outcome and what is missing. It never blocks anything. Pure.
import { screenCaseSchema, type ScreenCase } from "~/domain/case/schema";
import { deletePath } from "./intake-form";

/** The draft as a case the screen accepts (invalid answers dropped), or null before an indication is chosen. */
export function lenientScreenCase(draft: Record<string, unknown>, referredOn: string): ScreenCase | null {
  const candidate: Record<string, unknown> = { ...structuredClone(draft), referredOn };
  // Each round drops the answers zod names; a handful of rounds covers nested objects emptied by a drop.
  for (let round = 0; round < 10; round++) {
    const parsed = screenCaseSchema.safeParse(candidate);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join(".");
      if (path === "" || path === "diagnosis" || path === "diagnosis.indication" || path === "referredOn") return null;
      deletePath(candidate, path);
    }
  }
  return null;
}

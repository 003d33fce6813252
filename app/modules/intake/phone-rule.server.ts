import { phoneProblem } from "~/utils/phone.server";
import type { PhoneRule } from "./intake-form";

/** The referral form's phone rule on the server: a number the full metadata calls invalid is refused, with an example. */
export const serverPhoneRule: PhoneRule = (e164) => {
  const problem = phoneProblem(e164);
  if (!problem) return null;
  return problem.example
    ? { key: "intake:validation.phoneNotValid", params: { example: problem.example } }
    : { key: "intake:validation.phone" };
};

import type { UploadAnswer } from "~/components/intake/upload-form";
import type { FlatValues } from "~/modules/intake/intake-form";

/** What the referral page's action answers, one shape per form on the page. */
export type Answer =
  | { form: "upload"; upload: UploadAnswer }
  | { form: "answer"; errors: Record<string, string>; values: FlatValues; reply: string }
  | { form: "withdraw"; errors: Record<string, string>; reasonCode: string; note: string }
  | { form: "message"; errors: Record<string, string>; message: string }
  | { form: "closed" };

export type WithdrawAnswer = Extract<Answer, { form: "withdraw" }>;
export type MessageAnswer = Extract<Answer, { form: "message" }>;

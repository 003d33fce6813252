import type { DecisionJson } from "~/domain/screen";
import { precheckFields } from "~/modules/screening/precheck-form";
import type { FormValues } from "~/utils/form.server";

/** `screen`: the submit button (errors summarised); `live`: recomputing as fields change; `indication`: show its questions. */
export type Intent = "screen" | "live" | "indication";

export type PrecheckAnswer = {
  intent: Intent;
  values: FormValues;
  errors: Record<string, string>;
  formError?: string;
  decision: DecisionJson | null;
  /** After "add another" or "remove": the element to focus. */
  focus?: string;
};

/** The pre-check's repeatable lists, whose "add another" and "remove" buttons post the page. */
export const listFields = precheckFields.filter((f) => f.kind.type === "list");

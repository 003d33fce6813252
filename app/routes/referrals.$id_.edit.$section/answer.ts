import type { DecisionJson } from "~/domain/screen";
import type { FlatValues } from "~/modules/intake/intake-form";

export type SectionAnswer =
  | { kind: "autosave"; savedAt: string; errors: Record<string, string>; precheck: DecisionJson | null }
  | { kind: "invalid"; errors: Record<string, string>; values: FlatValues }
  /** After "add another" or "remove": the values as typed, rows changed, and where the focus goes. */
  | { kind: "rows"; values: FlatValues; focus: string; revision: string };

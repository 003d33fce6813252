// The types of the field catalogue (field-catalogue.ts): typed paths into the case, how a field is asked, where it
// is shown. Kept apart so the catalogue file is the data itself.
import type { ReferralCase } from "./schema";

// ── Paths typed against the schema: a path that is not a leaf of ReferralCase is a type error. ────────────────────

/** An object type without its index signature (loose zod objects add `[k: string]: unknown`). */
type Known<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]-?: T[K] };
type Leaves<T> = {
  [K in keyof Known<T> & string]: NonNullable<Known<T>[K]> extends readonly unknown[]
    ? K
    : NonNullable<Known<T>[K]> extends boolean | string | number
      ? K
      : `${K}.${Leaves<NonNullable<Known<T>[K]>>}`;
}[keyof Known<T> & string];

/** Every leaf of a case as a dotted path; a list (metastases, radiotherapy courses) is one leaf with items. */
export type CasePath = Leaves<ReferralCase>;
type ItemOf<P extends string, T = ReferralCase> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof Known<T>
    ? ItemOf<Rest, NonNullable<Known<T>[Head]>>
    : never
  : P extends keyof Known<T>
    ? NonNullable<Known<T>[P]> extends readonly (infer Item)[]
      ? Item
      : never
    : never;
/** The keys of a list's items, typed against the schema. */
export type ItemKey<P extends string> = keyof Known<ItemOf<P>> & string;

// ── What a field is ─────────────────────────────────────────────────────────────────────────────────────────────

export type Unit = "mm" | "ngMl" | "mgDl" | "gDl" | "gy";

/** A question's kind: how it is asked and how its value is put in words. `book`: where its codes' words live. */
export type FieldKind =
  | { type: "text"; variant?: "name" | "latin" | "reading" | "code"; multiline?: boolean }
  | { type: "email" }
  | { type: "phone" }
  | { type: "date" }
  | { type: "dateTime" }
  | { type: "select"; options: readonly string[]; book: string }
  | { type: "radio"; options: readonly string[]; book: string; numeric?: boolean; unknownOption?: boolean }
  | { type: "yesNoUnknown" }
  | { type: "number"; integer?: boolean; unit?: Unit }
  | { type: "country" }
  | { type: "language" }
  | { type: "site" }
  | { type: "consent" }
  | { type: "list"; item: readonly ItemField[]; max: number };

/** A field of one item of a list (a radiotherapy course's end date). `required`: an item needs it. */
export type ItemField = { key: string; kind: Exclude<FieldKind, { type: "list" }>; required?: boolean };

/** The case views' groups (staff page, physician's check-your-answers, printable summary), in reading order. */
export const viewGroups = ["patient", "consent", "diagnosis", "story", "history", "clinical", "referral"] as const;
export type ViewGroup = (typeof viewGroups)[number];

/** The physician's form sections that ask case fields (app/modules/intake/intake-form.ts). */
export type FormSectionId = "patient" | "consent" | "diagnosis" | "history";
/** The pre-check page's groups (app/modules/screening/precheck-form.ts). */
export type PrecheckGroup =
  "indication" | "diagnosis" | "extent" | "organs" | "liver" | "history" | "condition" | "routing";

export type CatalogueField = {
  path: CasePath;
  group: ViewGroup;
  kind: FieldKind;
  /** Required to submit a referral (the form marks the others optional). */
  required?: boolean;
  /** The intake section that asks it; absent: the physician does not type it (set by the portal or derived). */
  form?: FormSectionId;
  /** The pre-check group that asks it; absent: not on the pre-check. */
  precheck?: PrecheckGroup;
  /**
   * `read`: asked only when the rule set reads it for this case (indication, sex and age, metastasis to the liver),
   * found by evaluating the case (field-applicability.ts) — never a second copy of the rules. Default: always.
   */
  asked?: "read";
  /** Asked only when this consent is given (the patient's e-mail goes with the opt-in to status e-mails, issue #17). */
  askedIf?: "consent.statusUpdates";
  /** Asked when this other field is read (the Gleason patterns go with the Gleason score). */
  askedWith?: CasePath;
  /** A coordinator may ask the physician for it (a request for information). */
  requestable?: boolean;
  /** Shown on the case views (staff page, physician's pages). Default: shown. */
  staff?: false;
};

// Which questions apply to a case: a field marked `asked: "read"` in the catalogue is asked only when the rule set
// reads it for this case. The engine already knows (kq-2026-12 K2: a criterion that does not fit the case is
// `not_applicable` and then lists only what decided that, not the field it would read), so the answer is found by
// screening the few facts that decide applicability — no second copy of the rules lives here.
import { evaluate } from "../eligibility/evaluate";
import { isIsoDate } from "./dates";
import { catalogueField, type CatalogueField } from "./field-catalogue";
import { indications, metastasisOrgans, sexes, type Indication } from "./vocabulary";
import type { ScreenCase } from "./schema";

/** The facts applicability depends on: the indication, sex and age on the referral date, metastasis to the liver. */
export type ApplicabilityFacts = {
  indication?: unknown;
  sex?: unknown;
  birthDate?: unknown;
  metastases?: unknown;
  icd10?: unknown;
  referredOn?: unknown;
  /** The opt-in to status e-mails (issue #17): the e-mail address is asked only with it. */
  statusUpdates?: unknown;
};

export function isIndication(value: unknown): value is Indication {
  return typeof value === "string" && (indications as readonly string[]).includes(value);
}

/** Only well-formed facts are screened; anything else reads as unknown (which asks the question). */
function screenable(facts: ApplicabilityFacts, indication: Indication, today: string): ScreenCase {
  const referredOn = isIsoDate(facts.referredOn) ? facts.referredOn : today;
  const patient: Record<string, unknown> = {};
  if (typeof facts.sex === "string" && (sexes as readonly string[]).includes(facts.sex)) patient.sex = facts.sex;
  if (isIsoDate(facts.birthDate) && facts.birthDate <= referredOn) patient.birthDate = facts.birthDate;
  const diagnosis: Record<string, unknown> = { indication };
  if (Array.isArray(facts.metastases)) {
    diagnosis.metastases = facts.metastases.filter(
      (m): m is { organ: string } =>
        !!m &&
        typeof m === "object" &&
        (metastasisOrgans as readonly string[]).includes((m as { organ?: string }).organ ?? ""),
    );
  }
  if (typeof facts.icd10 === "string") diagnosis.icd10 = facts.icd10.trim().toUpperCase();
  return { diagnosis, patient, referredOn } as ScreenCase;
}

const cache = new Map<string, Set<string>>();

/** Every case path the rule set reads for these facts (criteria that do not apply read nothing but their reason). */
export function pathsRead(facts: ApplicabilityFacts, today: string): Set<string> {
  if (!isIndication(facts.indication)) return new Set();
  const c = screenable(facts, facts.indication, today);
  const key = JSON.stringify(c);
  let read = cache.get(key);
  if (!read) {
    read = new Set(evaluate(c).criteria.flatMap((r) => r.fields));
    if (cache.size > 500) cache.clear();
    cache.set(key, read);
  }
  return read;
}

/** Whether the form asks this field for a case with these facts (a field not marked `read` always is). */
export function isFieldAsked(field: CatalogueField | undefined, facts: ApplicabilityFacts, today: string): boolean {
  if (field?.askedIf === "consent.statusUpdates") return facts.statusUpdates === true;
  if (!field || field.asked !== "read") return true;
  const read = pathsRead(facts, today);
  return read.has(field.askedWith ?? field.path);
}

export function isPathAsked(path: string, facts: ApplicabilityFacts, today: string): boolean {
  return isFieldAsked(catalogueField(path), facts, today);
}

/** The indications that ask a field, for a patient of unknown sex and age with no metastasis stated. */
export function indicationsAsking(path: string, today: string): Indication[] {
  const field = catalogueField(path);
  return indications.filter((indication) => isFieldAsked(field, { indication }, today));
}

/** The facts of a (partial) case, as saved or as posted. */
export function factsOf(c: unknown): ApplicabilityFacts {
  const get = (path: string) =>
    path
      .split(".")
      .reduce<unknown>(
        (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
        c,
      );
  return {
    indication: get("diagnosis.indication"),
    sex: get("patient.sex"),
    birthDate: get("patient.birthDate"),
    metastases: get("diagnosis.metastases"),
    icd10: get("diagnosis.icd10"),
    referredOn: get("referredOn"),
    statusUpdates: get("consent.statusUpdates"),
  };
}

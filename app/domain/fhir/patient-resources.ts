// The Patient and the Consents of a referral's bundle. Names travel as written: the native script and the passport's
// Latin letters, each marked with its language (BCP 47 with script) and its ISO 21090 representation, so a Japanese
// system shows the kanji and a travel desk reads the Latin letters.
import type { Consent, Extension, HumanName, Patient } from "@medplum/fhirtypes";
import { getPath } from "./case-observations";
import { extensions, systems, type Ref } from "./vocabulary";

const str = (value: unknown) => (typeof value === "string" && value.trim() ? value : undefined);

/** The language of a name from its script: Hangul is Korean; kanji and kana are Japanese; anything else undetermined. */
export function nameLanguage(name: string): "ko" | "ja" | undefined {
  if (/\p{Script=Hangul}/u.test(name)) return "ko";
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(name)) return "ja";
  return undefined;
}

function marked(language: string | undefined, representation: "IDE" | "SYL" | "ABC"): Extension[] {
  const out: Extension[] = [{ url: extensions.nameRepresentation, valueCode: representation }];
  if (language) out.unshift({ url: extensions.language, valueCode: language });
  return out;
}

function namesOf(patient: Record<string, unknown>): HumanName[] {
  const names: HumanName[] = [];
  const family = str(patient.familyName);
  const given = str(patient.givenName);
  const native = nameLanguage(`${family ?? ""}${given ?? ""}`);
  if (family || given) {
    names.push({
      use: "official",
      family,
      given: given ? [given] : undefined,
      extension: marked(native ? `${native}-${native === "ko" ? "Kore" : "Jpan"}` : undefined, native ? "IDE" : "ABC"),
    });
  }
  const familyLatin = str(patient.familyNameLatin);
  const givenLatin = str(patient.givenNameLatin);
  if (familyLatin || givenLatin) {
    names.push({
      use: "official",
      family: familyLatin,
      given: givenLatin ? [givenLatin] : undefined,
      extension: marked(native ? `${native}-Latn` : undefined, "ABC"),
    });
  }
  const reading = str(patient.nameReading);
  if (reading) names.push({ use: "usual", text: reading, extension: marked("ja-Kana", "SYL") });
  return names;
}

const genders = new Set(["female", "male", "other", "unknown"]);

/**
 * The patient. `identity: false` (the partner site in a joint review, ADR 0018) leaves out everything that says
 * who the patient is: names, birth date, contacts and the referring hospital's record number.
 */
export function patientResource(caseData: Record<string, unknown>, identity: boolean): Patient {
  const patient = (getPath(caseData, "patient") ?? {}) as Record<string, unknown>;
  const sex = str(patient.sex);
  const resource: Patient = {
    resourceType: "Patient",
    gender: sex && genders.has(sex) ? (sex as Patient["gender"]) : undefined,
  };
  const country = str(patient.residenceCountry);
  if (country) resource.address = [{ country }];
  const language = str(patient.preferredLanguage);
  if (language)
    resource.communication = [{ language: { coding: [{ system: systems.bcp47, code: language }] }, preferred: true }];
  if (!identity) return resource;
  resource.name = namesOf(patient);
  resource.birthDate = str(patient.birthDate);
  const telecom = [
    ...(str(patient.phone) ? [{ system: "phone" as const, value: str(patient.phone) }] : []),
    ...(str(patient.email) ? [{ system: "email" as const, value: str(patient.email) }] : []),
  ];
  if (telecom.length) resource.telecom = telecom;
  const record = str(patient.referringHospitalId);
  if (record)
    resource.identifier = [
      {
        type: { coding: [{ system: systems.v2IdentifierType, code: "MR" }] },
        system: systems.referringRecord,
        value: record,
      },
    ];
  return resource;
}

export type ConsentItem = "sensitiveData" | "crossBorder" | "research";

const consentTitles: Record<ConsentItem, string> = {
  sensitiveData: "Processing of health data for this referral",
  crossBorder: "Provision of data to the partner hospital in the other country",
  research: "Use of de-identified data for joint research",
};

/** One Consent per consent item the case answers: active when given, rejected when refused. */
export function consentResources(
  caseData: Record<string, unknown>,
  patient: Ref,
  items: readonly ConsentItem[],
): Consent[] {
  const recordedAt = str(getPath(caseData, "consent.recordedAt"));
  const out: Consent[] = [];
  for (const item of items) {
    const given = getPath(caseData, `consent.${item}`);
    if (typeof given !== "boolean") continue;
    out.push({
      resourceType: "Consent",
      status: given ? "active" : "rejected",
      scope: { coding: [{ system: systems.consentScope, code: item === "research" ? "research" : "patient-privacy" }] },
      category: [
        {
          coding: [
            { system: systems.loinc, code: "59284-0", display: "Patient Consent" },
            { system: systems.consentItem, code: item },
          ],
          text: consentTitles[item],
        },
      ],
      patient,
      dateTime: recordedAt,
      // The portal's own consent wording, not a jurisdiction's coded policy (none of HL7's codes fits KR/JP law).
      policyRule: { text: consentTitles[item] },
      provision: { type: given ? "permit" : "deny" },
    });
  }
  return out;
}

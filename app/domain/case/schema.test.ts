import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import en from "../../../locales/en/screen.json";
import ja from "../../../locales/ja/screen.json";
import ko from "../../../locales/ko/screen.json";
import { baseCase, withField } from "./fixtures";
import { caseSchema, issuesOf, screenCaseSchema, validationKeys, type ReferralCase, type ScreenCase } from "./schema";

const minimal = { diagnosis: { indication: "icc" }, referredOn: "2026-11-20" };

function issues(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return issuesOf(result.error).map(({ path, messageKey, params }) => ({
    path,
    messageKey,
    ...(params ? { params } : {}),
  }));
}

describe("screenCaseSchema", () => {
  it("needs only the indication and the referral date", () => {
    expect(screenCaseSchema.safeParse(minimal).success).toBe(true);
    expect(issues(screenCaseSchema, {})).toEqual([
      { path: "diagnosis", messageKey: validationKeys.required },
      { path: "referredOn", messageKey: validationKeys.required },
    ]);
  });

  it("reads null as unknown and lets unknown extra fields through", () => {
    const parsed = screenCaseSchema.parse({ ...minimal, clinical: { ecog: null, note: "x" }, patient: null, extra: 1 });
    expect(parsed).toMatchObject({ clinical: { ecog: null, note: "x" }, extra: 1 });
  });

  it("accepts every complete fixture", () => {
    for (const indication of ["hcc", "prostate", "lung"] as const)
      expect(screenCaseSchema.safeParse(baseCase(indication)).success).toBe(true);
  });

  it.each([
    ["a date that does not exist", { referredOn: "2026-02-30" }, "referredOn", validationKeys.invalidDate],
    ["29 February in a common year", { referredOn: "2023-02-29" }, "referredOn", validationKeys.invalidDate],
    ["a date with a time", { referredOn: "2026-11-20T00:00:00Z" }, "referredOn", validationKeys.invalidDate],
    [
      "an unknown indication",
      { diagnosis: { indication: "brain" } },
      "diagnosis.indication",
      validationKeys.invalidChoice,
    ],
    ["ECOG 5", { clinical: { ecog: 5 } }, "clinical.ecog", validationKeys.tooBig],
    ["ECOG 1.5", { clinical: { ecog: 1.5 } }, "clinical.ecog", validationKeys.notInteger],
    ["ECOG as text", { clinical: { ecog: "1" } }, "clinical.ecog", validationKeys.invalidType],
    [
      "a negative diameter",
      { diagnosis: { indication: "icc", maxDiameterMm: -1 } },
      "diagnosis.maxDiameterMm",
      validationKeys.tooSmall,
    ],
    [
      "a negative PSA",
      { diagnosis: { indication: "prostate", psaNgMl: -0.1 } },
      "diagnosis.psaNgMl",
      validationKeys.tooSmall,
    ],
    [
      "a fractional site count",
      { diagnosis: { indication: "icc", distantMetastasisSites: 1.5 } },
      "diagnosis.distantMetastasisSites",
      validationKeys.notInteger,
    ],
    [
      "Gleason 11",
      { diagnosis: { indication: "prostate", gleasonScore: 11 } },
      "diagnosis.gleasonScore",
      validationKeys.tooBig,
    ],
    [
      "Child-Pugh D",
      { diagnosis: { indication: "hcc", childPugh: "D" } },
      "diagnosis.childPugh",
      validationKeys.invalidChoice,
    ],
    [
      "a lower-case country",
      { patient: { residenceCountry: "kr" } },
      "patient.residenceCountry",
      validationKeys.invalidCountry,
    ],
    [
      "a blank T category",
      { diagnosis: { indication: "lung", tnm: { t: " " } } },
      "diagnosis.tnm.t",
      validationKeys.required,
    ],
    [
      "a yes/no as text",
      { diagnosis: { indication: "icc", ascites: "no" } },
      "diagnosis.ascites",
      validationKeys.invalidType,
    ],
    [
      "a radiotherapy ending after the referral",
      { history: { priorRadiotherapy: "same_site", priorRadiotherapyEndedOn: "2026-12-01" } },
      "history.priorRadiotherapyEndedOn",
      validationKeys.dateAfterReferral,
    ],
  ])("rejects %s", (_name, change, path, messageKey) => {
    const input = {
      ...minimal,
      ...change,
      diagnosis: { ...minimal.diagnosis, ...((change as { diagnosis?: object }).diagnosis ?? {}) },
    };
    expect(issues(screenCaseSchema, input)).toEqual([expect.objectContaining({ path, messageKey })]);
  });

  it("ignores identity, contact and attachment fields it never reads, however they are written", () => {
    const odd = {
      ...minimal,
      patient: { phone: "010-1234-5678", email: "kim@", familyName: "" },
      diagnosis: { ...minimal.diagnosis, icd10: "c61" },
      attachments: [{ sha256: "tbd" }],
    };
    expect(screenCaseSchema.safeParse(odd).success).toBe(true);
  });

  it("validates the birth date and the ICD codes, which kq-2026-12 reads (pregnancy age, head and neck squamous)", () => {
    expect(issues(screenCaseSchema, { ...minimal, patient: { birthDate: "someday" } })).toEqual([
      expect.objectContaining({ path: "patient.birthDate" }),
    ]);
    expect(
      issues(screenCaseSchema, { ...minimal, diagnosis: { ...minimal.diagnosis, icdO3Morphology: "squamous" } }),
    ).toEqual([expect.objectContaining({ path: "diagnosis.icdO3Morphology" })]);
  });

  it("refuses metastases that disagree with their count, and an ascites grade that disagrees with ascites", () => {
    const metastases = [{ organ: "liver", lesions: 3 }];
    expect(
      issues(screenCaseSchema, {
        ...minimal,
        diagnosis: { ...minimal.diagnosis, metastases, distantMetastasisSites: 2 },
      }),
    ).toEqual([
      expect.objectContaining({
        path: "diagnosis.distantMetastasisSites",
        messageKey: validationKeys.metastasesCountMismatch,
      }),
    ]);
    expect(
      screenCaseSchema.safeParse({
        ...minimal,
        diagnosis: { ...minimal.diagnosis, metastases, distantMetastasisSites: 1 },
      }).success,
    ).toBe(true);
    expect(
      issues(screenCaseSchema, {
        ...minimal,
        diagnosis: { ...minimal.diagnosis, ascites: false, ascitesGrade: "mild" },
      }),
    ).toEqual([
      expect.objectContaining({ path: "diagnosis.ascitesGrade", messageKey: validationKeys.ascitesMismatch }),
    ]);
  });

  it("accepts 29 February in a leap year and E.164 phones", () => {
    expect(
      screenCaseSchema.safeParse({ ...minimal, referredOn: "2024-02-29", patient: { phone: "+819012345678" } }).success,
    ).toBe(true);
  });

  it("gives the bound a message interpolates", () => {
    expect(issues(screenCaseSchema, { ...minimal, clinical: { ecog: 7 } })).toEqual([
      { path: "clinical.ecog", messageKey: validationKeys.tooBig, params: { maximum: 4 } },
    ]);
  });
});

describe("caseSchema (a submission)", () => {
  const complete = {
    patient: {
      familyName: "김",
      givenName: "민준",
      birthDate: "1958-03-14",
      sex: "male",
      residenceCountry: "KR",
      preferredLanguage: "ko",
    },
    preferences: { site: "none" },
    consent: {
      sensitiveData: true,
      crossBorder: false,
      informedOfDiagnosis: true,
      recordedAt: "2026-11-20T09:00:00+09:00",
    },
    diagnosis: { indication: "icc", histology: "cholangiocarcinoma", status: "primary", resectable: "no" },
    history: { priorRadiotherapy: "none" },
    referredOn: "2026-11-20",
    urgency: "routine",
    attachments: [],
  };

  it("accepts a complete case", () => {
    expect(caseSchema.safeParse(complete).success).toBe(true);
  });

  it("requires the patient's identity, which the screen does without", () => {
    const { patient: _patient, ...anonymous } = complete;
    expect(issues(caseSchema, anonymous)).toEqual([{ path: "patient", messageKey: validationKeys.required }]);
    expect(screenCaseSchema.safeParse(anonymous).success).toBe(true);
  });

  it("requires both consents to be given", () => {
    const refused = {
      ...complete,
      consent: { ...complete.consent, sensitiveData: false, informedOfDiagnosis: undefined },
    };
    expect(issues(caseSchema, refused)).toEqual([
      expect.objectContaining({ path: "consent.sensitiveData", messageKey: validationKeys.consentRequired }),
      expect.objectContaining({ path: "consent.informedOfDiagnosis", messageKey: validationKeys.required }),
    ]);
  });

  it.each([
    ["a national phone number", { phone: "010-1234-5678" }, "patient.phone", validationKeys.invalidPhone],
    ["a phone of 16 digits", { phone: "+1234567890123456" }, "patient.phone", validationKeys.invalidPhone],
    ["an email without domain", { email: "kim@" }, "patient.email", validationKeys.invalidEmail],
    ["a birth after the referral", { birthDate: "2027-01-01" }, "patient.birthDate", validationKeys.dateAfterReferral],
  ])("rejects %s", (_name, change, path, messageKey) => {
    expect(issues(caseSchema, { ...complete, patient: { ...complete.patient, ...change } })).toEqual([
      expect.objectContaining({ path, messageKey }),
    ]);
  });

  it("rejects an ICD-10 code in lower case", () => {
    const input = { ...complete, diagnosis: { ...complete.diagnosis, icd10: "c61" } };
    expect(issues(caseSchema, input)).toEqual([
      expect.objectContaining({ path: "diagnosis.icd10", messageKey: validationKeys.invalidIcd10 }),
    ]);
  });

  it("checks attachments", () => {
    const bad = {
      ...complete,
      attachments: [{ kind: "x-ray", fileName: "a.pdf", mediaType: "application/pdf", sizeBytes: -1, sha256: "abc" }],
    };
    expect(issues(caseSchema, bad).map((i) => i.path)).toEqual([
      "attachments.0.kind",
      "attachments.0.sizeBytes",
      "attachments.0.sha256",
    ]);
  });

  it("a submission is always screenable", () => {
    expectTypeOf<ReferralCase>().toExtend<ScreenCase>();
  });
});

describe("issuesOf", () => {
  const lookup = (tree: unknown, key: string) =>
    key
      .replace(/^screen:/, "")
      .split(".")
      .reduce<unknown>(
        (node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined),
        tree,
      );

  it("every validation key has words in ko, ja and en", () => {
    for (const key of Object.values(validationKeys)) {
      for (const tree of [en, ko, ja]) expect(typeof lookup(tree, key), key).toBe("string");
    }
  });

  it("maps issues of schemas it did not build to keys too", () => {
    const foreign = z.object({ a: z.string(), b: z.number().min(3), c: z.enum(["x"]), d: z.string().max(2) }).strict();
    const result = foreign.safeParse({ b: 1, c: "y", d: "long", e: 1 });
    expect(issuesOf(result.error!).map(({ path, messageKey, params }) => ({ path, messageKey, params }))).toEqual([
      { path: "a", messageKey: validationKeys.required, params: undefined },
      { path: "b", messageKey: validationKeys.tooSmall, params: { minimum: 3 } },
      { path: "c", messageKey: validationKeys.invalidChoice, params: { values: "x" } },
      { path: "d", messageKey: validationKeys.tooLong, params: { maximum: 2 } },
      { path: "", messageKey: validationKeys.unrecognized, params: { keys: "e" } },
    ]);
  });

  it("keeps a message that is already a key", () => {
    const custom = z.string().refine(() => false, { error: "screen:validation.invalidDate" });
    expect(issuesOf(custom.safeParse("x").error!)[0]?.messageKey).toBe("screen:validation.invalidDate");
  });

  it("fixture helper sets nested paths", () => {
    expect(withField(baseCase("icc"), "diagnosis.tnm.t", "T2").diagnosis.tnm).toEqual({ t: "T2" });
  });
});

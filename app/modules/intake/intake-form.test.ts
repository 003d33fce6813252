import { describe, expect, it } from "vitest";
import { caseSchema } from "~/domain/case/schema";
import {
  answersOf,
  formValuesOf,
  isAsked,
  mergeSection,
  sectionCase,
  sectionStatus,
  submissionSchema,
  toE164,
  toKatakanaReading,
  validateSection,
} from "./intake-form";

const today = "2026-11-26";
const ctx = { today, saved: {} };

describe("typed answers become a case", () => {
  it("converts a hiragana reading to katakana, and refuses romaji or kanji as a reading", () => {
    expect(toKatakanaReading("たなか　はなこ")).toBe("タナカ ハナコ");
    expect(toKatakanaReading("やまもと ゆうゆ")).toBe("ヤマモト ユウユ");
    expect(toKatakanaReading("サトウ ミサキ")).toBe("サトウ ミサキ");
    const values = { "patient.nameReading": "たなか はなこ" };
    expect(sectionCase("patient", values, ctx)).toMatchObject({ patient: { nameReading: "タナカ ハナコ" } });
    const issues = (reading: string) =>
      validateSection("patient", { "patient.nameReading": reading }, ctx).filter(
        (i) => i.path === "patient.nameReading",
      );
    expect(issues("たなか")).toEqual([]);
    expect(issues("tanaka")).toEqual([{ path: "patient.nameReading", key: "intake:validation.reading" }]);
    expect(issues("田中")).toEqual([{ path: "patient.nameReading", key: "intake:validation.reading" }]);
  });

  it("parses phone numbers to E.164, reading local numbers in the country of residence", () => {
    expect(toE164("010-1234-5678", "KR")).toBe("+821012345678");
    expect(toE164("03-1234-5678", "JP")).toBe("+81312345678");
    expect(toE164("０９０−１２３４−５６７８", "JP")).toBe("+819012345678");
    expect(toE164("+82 10 1234 5678", "JP")).toBe("+821012345678");
    expect(toE164("12", "KR")).toBeNull();
    expect(
      sectionCase("patient", { "patient.residenceCountry": "JP", "patient.phone": "090-1234-5678" }, ctx),
    ).toMatchObject({ patient: { phone: "+819012345678" } });
    // An unparseable number is kept as typed (nothing is lost) and the schema names the problem.
    const saved = sectionCase("patient", { "patient.residenceCountry": "KR", "patient.phone": "call me" }, ctx);
    expect(saved).toMatchObject({ patient: { phone: "call me" } });
    expect(
      validateSection("patient", { "patient.residenceCountry": "KR", "patient.phone": "call me" }, ctx),
    ).toContainEqual({ path: "patient.phone", key: "intake:validation.phone" });
  });

  it("keeps family name first, passport spelling as typed, and a half-typed date as typed", () => {
    const values = {
      "patient.familyName": "김",
      "patient.givenName": "민준",
      "patient.familyNameLatin": "KIM",
      "patient.givenNameLatin": "MIN-JUN",
      "patient.birthDate.year": "1958",
      "patient.birthDate.month": "3",
      "patient.birthDate.day": "",
    };
    const patch = sectionCase("patient", values, ctx);
    expect(patch).toMatchObject({
      patient: {
        familyName: "김",
        givenName: "민준",
        familyNameLatin: "KIM",
        givenNameLatin: "MIN-JUN",
        birthDate: "1958-03-",
      },
    });
    expect(formValuesOf(patch)).toMatchObject({
      "patient.birthDate.year": "1958",
      "patient.birthDate.month": "3",
      "patient.birthDate.day": "",
    });
    const issues = validateSection("patient", { ...values, "patient.familyNameLatin": "김" }, ctx);
    expect(issues).toContainEqual({ path: "patient.birthDate", key: "intake:validation.date" });
    expect(issues).toContainEqual({ path: "patient.familyNameLatin", key: "intake:validation.passport" });
  });

  it("refuses anything shaped like a resident registration number in free text", () => {
    const issues = validateSection(
      "patient",
      { "patient.referringHospitalId": "８００１０１－１２３４５６７", "patient.familyName": "김 800101 1234567" },
      ctx,
    );
    expect(issues).toContainEqual({ path: "patient.referringHospitalId", key: "intake:validation.rrn" });
    expect(issues).toContainEqual({ path: "patient.familyName", key: "intake:validation.rrn" });
    const diagnosis = validateSection(
      "diagnosis",
      { "diagnosis.indication": "hcc", "diagnosis.stage": "8001011234567" },
      ctx,
    );
    expect(diagnosis).toContainEqual({ path: "diagnosis.stage", key: "intake:validation.rrn" });
  });

  it("asks an indication's own questions only, and drops the answers of another indication", () => {
    // Per field, whether each indication asks it. The diameter is asked once the indication says the rule set reads it
    // (not for prostate).
    const askedBy: Record<string, Record<string, boolean>> = {
      "diagnosis.psaNgMl": { prostate: true },
      "diagnosis.gleasonScore": { prostate: true },
      "diagnosis.childPugh": { prostate: false, hcc: true, icc: true },
      "diagnosis.subsite": { head_neck: true, prostate: false },
      "clinical.pregnant": { prostate: false },
      "diagnosis.maxDiameterMm": { lung: true, prostate: false },
    };
    for (const [path, byIndication] of Object.entries(askedBy))
      for (const [indication, asked] of Object.entries(byIndication))
        expect(isAsked(path, indication), `${path} for ${indication}`).toBe(asked);
    const patch = sectionCase(
      "diagnosis",
      {
        "diagnosis.indication": "prostate",
        "diagnosis.psaNgMl": "８.２",
        "diagnosis.childPugh": "B",
        "diagnosis.gleasonScore": "7",
      },
      ctx,
    );
    expect(patch).toEqual({ diagnosis: { indication: "prostate", psaNgMl: 8.2, gleasonScore: 7 } });
  });

  it("reports every required question of an empty section at once, not the first of each group", () => {
    const paths = (section: Parameters<typeof validateSection>[0]) =>
      validateSection(section, {}, ctx).map((i) => i.path);
    expect(paths("patient")).toEqual([
      "patient.familyName",
      "patient.givenName",
      "patient.birthDate",
      "patient.sex",
      "patient.residenceCountry",
      "patient.preferredLanguage",
      "preferences.site",
    ]);
    expect(paths("consent")).toEqual(["consent.sensitiveData", "consent.informedOfDiagnosis"]);
    expect(paths("diagnosis")).toEqual([
      "diagnosis.indication",
      "diagnosis.histology",
      "diagnosis.status",
      "diagnosis.resectable",
      "urgency",
    ]);
    expect(paths("history")).toEqual(["history.priorRadiotherapy"]);
    // A problem the portal's own rules find is reported together with the missing answers.
    const withBadReading = validateSection("patient", { "patient.nameReading": "tanaka" }, ctx).map((i) => i.path);
    expect(withBadReading).toEqual(
      expect.arrayContaining(["patient.familyName", "patient.nameReading", "preferences.site"]),
    );
    expect(withBadReading).toHaveLength(8);
  });

  it("validates a section with the case contract's own schema", () => {
    const issues = validateSection(
      "diagnosis",
      { "diagnosis.indication": "prostate", "diagnosis.psaNgMl": "eight", "diagnosis.gleasonScore": "11" },
      ctx,
    );
    expect(issues.map((i) => i.path)).toEqual([
      "diagnosis.histology",
      "diagnosis.status",
      "diagnosis.resectable",
      "diagnosis.psaNgMl",
      "diagnosis.gleasonScore",
      "urgency",
    ]);
    expect(issues.find((i) => i.path === "diagnosis.gleasonScore")).toMatchObject({
      key: "screen:validation.tooBig",
      params: { maximum: 10 },
    });
    expect(validateSection("consent", { "consent.sensitiveData": "true" }, ctx)).toEqual([
      { path: "consent.informedOfDiagnosis", key: "intake:validation.consent" },
    ]);
    expect(
      validateSection(
        "patient",
        { "patient.birthDate.year": "2030", "patient.birthDate.month": "1", "patient.birthDate.day": "1" },
        ctx,
      ),
    ).toContainEqual({ path: "patient.birthDate", key: "intake:validation.future" });
  });

  it("tells a section not started, in progress or completed, and the completed sections make a valid case", () => {
    let draft: Record<string, unknown> = {};
    expect(sectionStatus("patient", draft, today)).toBe("not_started");
    const patient = {
      "patient.familyName": "佐藤",
      "patient.givenName": "美咲",
      "patient.nameReading": "さとう みさき",
      "patient.birthDate.year": "1960",
      "patient.birthDate.month": "7",
      "patient.birthDate.day": "2",
      "patient.sex": "female",
      "patient.residenceCountry": "JP",
      "patient.preferredLanguage": "ja",
      "preferences.site": "none",
    };
    draft = mergeSection(draft, answersOf("patient", { ...patient, "patient.sex": "" }, { today, saved: draft }));
    expect(sectionStatus("patient", draft, today)).toBe("in_progress");
    draft = mergeSection(draft, answersOf("patient", patient, { today, saved: draft }));
    expect(sectionStatus("patient", draft, today)).toBe("completed");
    draft = mergeSection(
      draft,
      answersOf(
        "consent",
        { "consent.sensitiveData": "true", "consent.informedOfDiagnosis": "true" },
        { today, saved: draft },
      ),
    );
    draft = mergeSection(
      draft,
      answersOf(
        "diagnosis",
        {
          "diagnosis.indication": "hcc",
          "diagnosis.histology": "hepatocellular_carcinoma",
          "diagnosis.status": "primary",
          "diagnosis.resectable": "no",
          "diagnosis.childPugh": "A",
          urgency: "routine",
        },
        { today, saved: draft },
      ),
    );
    draft = mergeSection(
      draft,
      answersOf("history", { "history.priorRadiotherapy": "none", "clinical.ecog": "1" }, { today, saved: draft }),
    );
    for (const section of ["consent", "diagnosis", "history"] as const)
      expect(sectionStatus(section, draft, today)).toBe("completed");
    const full = {
      ...draft,
      consent: { ...(draft.consent as object), recordedAt: "2026-11-26T01:00:00.000Z" },
      referredOn: today,
      attachments: [],
    };
    expect(caseSchema.safeParse(full).success).toBe(true);
    expect(submissionSchema(today).safeParse(full).success).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { caseSchema } from "~/domain/case/schema";
import { fieldCatalogue } from "~/domain/case/field-catalogue";
import { caseSections } from "~/modules/queue/case-view";
import { requestableFields } from "~/modules/queue/queue.schema";
import { precheckFields } from "~/modules/screening/precheck-form";
import { tFor } from "~/i18n/i18n.server";
import {
  answersOf,
  formSections,
  getPath,
  formValuesOf,
  sectionCase,
  sectionFields,
  validateSection,
  type FlatValues,
} from "./intake-form";

const today = "2026-12-06";

describe("the four field lists come from the catalogue", () => {
  it("the intake form asks the catalogue's fields, section by section, in its order", () => {
    for (const section of formSections) {
      expect(sectionFields[section].map((f) => f.path)).toEqual(
        fieldCatalogue.filter((f) => f.form === section).map((f) => f.path),
      );
    }
  });
  it("a coordinator may request exactly the catalogue's requestable fields", () => {
    expect([...requestableFields]).toEqual(fieldCatalogue.filter((f) => f.requestable).map((f) => f.path));
  });
  it("the pre-check asks the catalogue's pre-check fields", () => {
    expect(precheckFields.map((f) => f.path).sort()).toEqual(
      fieldCatalogue
        .filter((f) => f.precheck)
        .map((f) => f.path)
        .sort(),
    );
  });
  it("the staff case view shows the catalogue's fields that have a value", () => {
    const t = tFor("en");
    const shown = caseSections(caseSchema.parse(fullCase()), t, "en", {}, "Asia/Tokyo").flatMap((s) =>
      s.rows.map((r) => r.path),
    );
    // Every shown row is a catalogue field; every catalogue field with a value is shown.
    expect(shown.every((p) => fieldCatalogue.some((f) => f.path === p && f.staff !== false))).toBe(true);
    const given = fieldCatalogue
      .filter((f) => f.staff !== false && getPath(fullCase(), f.path) !== undefined)
      .map((f) => f.path);
    expect(given.filter((p) => !shown.includes(p))).toEqual([]);
    expect(shown).toEqual(
      expect.arrayContaining([
        "diagnosis.metastases",
        "history.radiotherapyCourses",
        "history.surgeries",
        "history.clinicalSummary",
        "clinical.medicines",
      ]),
    );
  });
});

function fullCase() {
  return {
    patient: {
      familyName: "佐藤",
      givenName: "健",
      birthDate: "1951-04-02",
      sex: "male",
      residenceCountry: "JP",
      preferredLanguage: "ja",
      insurance: "jp_public",
    },
    preferences: { site: "qst" },
    consent: {
      sensitiveData: true,
      crossBorder: false,
      informedOfDiagnosis: true,
      recordedAt: "2026-12-01T10:00:00+09:00",
    },
    diagnosis: {
      indication: "prostate",
      histology: "adenocarcinoma",
      status: "primary",
      resectable: "unknown",
      tnm: { t: "T3a", n: "N0", m: "M0", edition: "UICC9" },
      gleasonPrimary: 4,
      gleasonSecondary: 3,
      gleasonScore: 7,
      psaNgMl: 12.4,
      imagingDate: "2026-11-20",
      metastases: [{ organ: "bone", lesions: 1 }],
      distantMetastasisSites: 1,
    },
    history: {
      priorRadiotherapy: "other_site",
      clinicalSummary: "Rising PSA after 2 years of ADT.\nMRI shows T3a.",
      referralReason: "Definitive carbon-ion therapy.",
      radiotherapyCourses: [
        {
          endedOn: "2019-05-01",
          region: "Left chest wall",
          doseGy: 50,
          fractions: 25,
          overlapsTarget: "no",
          outcome: "Controlled",
        },
      ],
      surgeries: [{ date: "2018-03-01", procedure: "Mastectomy", outcome: "R0" }],
      systemicTherapies: [{ startedOn: "2024-01-10", drug: "Degarelix", line: 1, outcome: "PSA response" }],
    },
    clinical: { ecog: 1, comorbidities: "Type 2 diabetes", medicines: "Metformin 500 mg" },
    referredOn: "2026-12-06",
    urgency: "routine",
    attachments: [],
  };
}

describe("the new fields on the intake form", () => {
  it("round-trip: form strings → case → form strings", () => {
    const c = fullCase();
    for (const section of ["patient", "diagnosis", "history"] as const) {
      const values = formValuesOf(c, sectionFields[section]);
      const back = sectionCase(section, values, { today, saved: c });
      const again = formValuesOf(back, sectionFields[section]);
      expect(again).toEqual(values);
      expect(validateSection(section, values, { today, saved: c })).toEqual([]);
    }
    const history = sectionCase("history", formValuesOf(c, sectionFields.history), { today, saved: c }) as {
      history: Record<string, unknown>;
      clinical: Record<string, unknown>;
    };
    expect(history.history.radiotherapyCourses).toEqual(c.history.radiotherapyCourses);
    expect(history.history.surgeries).toEqual(c.history.surgeries);
    expect(history.clinical.medicines).toBe("Metformin 500 mg");
  });

  it("reads rows, drops blank ones, keeps bad input as typed and names it", () => {
    const values: FlatValues = {
      "diagnosis.indication": "metastasis",
      "diagnosis.metastases.0.organ": "liver",
      "diagnosis.metastases.0.lesions": "２",
      "diagnosis.metastases.1.organ": "",
      "diagnosis.metastases.1.lesions": "",
      "diagnosis.metastases.2.organ": "lung",
      "diagnosis.metastases.2.lesions": "many",
    };
    const answers = answersOf("diagnosis", values, { today, saved: {} });
    expect(answers.get("diagnosis.metastases")).toEqual([
      { organ: "liver", lesions: 2 },
      { organ: "lung", lesions: "many" },
    ]);
    const issues = validateSection("diagnosis", values, { today, saved: {} });
    expect(issues).toContainEqual({ path: "diagnosis.metastases.1.lesions", key: "intake:validation.number" });
  });

  it("computes the Gleason score from the patterns", () => {
    const answers = answersOf(
      "diagnosis",
      { "diagnosis.indication": "prostate", "diagnosis.gleasonPrimary": "4", "diagnosis.gleasonSecondary": "3" },
      { today, saved: {} },
    );
    expect(answers.get("diagnosis.gleasonScore")).toBe(7);
  });

  it("does not ask what does not apply: pregnancy for a man, a diameter for prostate, liver values outside the liver", () => {
    const man = { patient: { sex: "male", birthDate: "1980-01-01" }, diagnosis: { indication: "lung" } };
    expect(
      answersOf("history", { "clinical.pregnant": "yes" }, { today, saved: man }).get("clinical.pregnant"),
    ).toBeUndefined();
    const woman = { patient: { sex: "female", birthDate: "1990-01-01" }, diagnosis: { indication: "lung" } };
    expect(answersOf("history", { "clinical.pregnant": "no" }, { today, saved: woman }).get("clinical.pregnant")).toBe(
      false,
    );
    const prostate = answersOf(
      "diagnosis",
      { "diagnosis.indication": "prostate", "diagnosis.maxDiameterMm": "30" },
      { today, saved: {} },
    );
    expect(prostate.get("diagnosis.maxDiameterMm")).toBeUndefined();
    const lung = answersOf(
      "diagnosis",
      { "diagnosis.indication": "lung", "diagnosis.labs.bilirubinMgDl": "1.1" },
      { today, saved: {} },
    );
    expect(lung.get("diagnosis.labs.bilirubinMgDl")).toBeUndefined();
    const hcc = answersOf(
      "diagnosis",
      { "diagnosis.indication": "hcc", "diagnosis.labs.bilirubinMgDl": "1.1" },
      { today, saved: {} },
    );
    expect(hcc.get("diagnosis.labs.bilirubinMgDl")).toBe(1.1);
  });
});

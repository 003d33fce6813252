import { beforeEach, describe, expect, it } from "vitest";
import { tFor } from "~/i18n/i18n.server";
import { precheckLimiter } from "~/modules/screening/screen-door.server";
import { answerOf, args } from "../../../tests/factories/accounts";
import { formRequest } from "../../../tests/setup/request";
import { action, loader } from "./route";

// The answers a physician gives for a localised prostate cancer in a Korean resident (tests/fixtures/cases/prostate-localised-kr.json).
const prostate = {
  "diagnosis.indication": "prostate",
  "referredOn.year": "2026",
  "referredOn.month": "11",
  "referredOn.day": "20",
  "diagnosis.histologicallyConfirmed": "yes",
  "diagnosis.haematological": "no",
  "diagnosis.maxDiameterMm": "18",
  "diagnosis.tnm.t": "T2b",
  "diagnosis.tnm.n": "N0",
  "diagnosis.tnm.m": "M0",
  "diagnosis.psaNgMl": "８.２", // full-width digits, as a Japanese IME types them
  "diagnosis.gleasonScore": "7",
  "diagnosis.distantMetastasisSites": "0",
  "diagnosis.peritonealOrMeningealSpread": "no",
  "diagnosis.invadesGiTract": "no",
  "diagnosis.abutsGiTract": "no",
  "diagnosis.invadesSpinalCord": "no",
  "history.priorRadiotherapy": "none",
  "clinical.ecog": "1",
  "clinical.canLieStill30Min": "yes",
  "clinical.activeInfectionInField": "no",
  "clinical.metalImplantInField": "no",
  "clinical.cardiacDevice": "no",
  "patient.residenceCountry": "KR",
  "preferences.site": "none",
  "consent.crossBorder": "no",
};

beforeEach(() => precheckLimiter.reset());

describe("the pre-check page", () => {
  it("offers today's date, the site names and countries in the page language, to anyone", async () => {
    const { status, data } = await answerOf(loader(args(new Request("http://localhost/precheck?lng=ja"))));
    expect(status).toBe(200);
    expect(data.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(data.siteNames.qst.ja).toBe("QST病院");
    expect(data.countries.slice(0, 2)).toEqual([
      { value: "KR", label: "韓国" },
      { value: "JP", label: "日本" },
    ]);
  });

  it("screens the typed answers without JavaScript and keeps them for the next page", async () => {
    const { status, data } = await answerOf(action(args(formRequest("/precheck", { ...prostate, intent: "screen" }))));
    expect(status).toBe(200);
    expect(data.decision).toMatchObject({
      outcome: "likely_eligible",
      coverage: "jp_insurance",
      route: { site: "konyang" },
    });
    expect(data.decision.route.reasons).toContain("residence_kr");
    expect(data.errors).toEqual({});
    expect(data.values["diagnosis.psaNgMl"]).toBe("８.２");
  });

  it("ignores answers the chosen indication does not ask for", async () => {
    // A PSA typed before switching to hepatocellular carcinoma is hidden, kept, and neither screened nor an error.
    const { data } = await answerOf(
      action(
        args(
          formRequest("/precheck", {
            ...prostate,
            "diagnosis.indication": "hcc",
            "diagnosis.psaNgMl": "abc",
            intent: "screen",
          }),
        ),
      ),
    );
    expect(data.errors).toEqual({});
    expect(data.decision.criteria.map((c: { id: string }) => c.id)).toContain("liver_function");
    expect(data.values["diagnosis.psaNgMl"]).toBe("abc");
  });

  it("answers mistakes with translated messages per field, keeps what was typed, and never a 500", async () => {
    const fields = {
      ...prostate,
      "diagnosis.psaNgMl": "-4",
      "referredOn.day": "31",
      "referredOn.month": "2",
      "diagnosis.gleasonScore": "seven",
      intent: "screen",
    };
    const { status, data } = await answerOf(action(args(formRequest("/precheck", fields, { lng: "ko" }))));
    expect(status).toBe(400);
    expect(data.decision).toBeNull();
    const ko = tFor("ko");
    expect(data.errors).toEqual({
      referredOn: ko("screen:validation.invalidDate"),
      "diagnosis.psaNgMl": ko("screen:validation.tooSmall", { minimum: 0 }),
      "diagnosis.gleasonScore": ko("screen:validation.invalidNumber"),
    });
    expect(data.values["diagnosis.psaNgMl"]).toBe("-4");
  });

  it("stays quiet while recomputing before an indication is chosen", async () => {
    const { status, data } = await answerOf(
      action(args(formRequest("/precheck", { "diagnosis.maxDiameterMm": "30", intent: "live" }))),
    );
    expect(status).toBe(200);
    expect(data).toMatchObject({ errors: {}, decision: null, intent: "live" });
    const explicit = await answerOf(action(args(formRequest("/precheck", { intent: "screen" }, { lng: "ja" }))));
    expect(explicit.status).toBe(400);
    expect(explicit.data.errors["diagnosis.indication"]).toBe(tFor("ja")("screen:validation.required"));
  });
});

import { describe, expect, it } from "vitest";
import { MAX_API_BODY_BYTES } from "~/modules/api/api-door.server";
import { revokeApiToken } from "~/modules/api/api-tokens.service.server";
import { action as screenAction } from "~/routes/api.v1.screen/route";
import { getDb, type Database } from "~/utils/db.server";
import { refusalIssues } from "../../../tests/factories/api-refusals";
import { createAccount, sessionCookieFor } from "../../../tests/factories/accounts";
import { sharedCase, sharedCases } from "../../../tests/factories/referrals";
import { loader as notPost } from "./route";

import {
  BASE,
  bearer,
  counts,
  en,
  freshLimits,
  ja,
  ko,
  physicianWithToken,
  post,
  submit,
} from "../../../tests/fixtures/api-doors";

freshLimits();

/** Sends `request` to the door: a 400 naming exactly `issues`, and not a row more in the database. */
async function expectRefusedAndNothingStored(db: Database, request: Request, issues: unknown[]) {
  const before = await counts(db);
  const response = await submit(request);
  expect(response.status).toBe(400);
  expect((await response.json()).issues).toEqual(issues);
  expect(await counts(db)).toEqual(before);
}

describe("POST /api/v1/referrals", () => {
  it("submits every shared example case: 201, a reference code, and the very decision the screen door gives", async () => {
    const db = await getDb();
    const { token } = await physicianWithToken(db);
    const examples = sharedCases();
    expect(examples.length).toBeGreaterThanOrEqual(8);
    for (const example of examples) {
      // The screen door, asked just before, with the same queues the submission will see.
      const screened = (await screenAction({
        request: post(JSON.stringify(example.case)),
        params: {},
        context: {},
      })) as Response;
      const decision = await screened.json();
      const response = await submit(post(JSON.stringify(example.case), bearer(token)));
      expect(response.status, example.name).toBe(201);
      const body = await response.json();
      expect(body.referenceCode).toMatch(/^KQ-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
      expect(body.status).toBe("triage");
      expect(body.decision).toEqual(decision);
      expect(body.decision.outcome).toBe(example.expected.outcome);
      expect(response.headers.get("Location")).toBe(`/api/v1/referrals/${body.referenceCode}`);
      expect(Object.keys(body).sort()).toEqual(["decision", "referenceCode", "status"]);
    }
    expect((await counts(db)).referrals).toBe(examples.length);
  });

  it("refuses an invalid case with 400, every issue translated per Accept-Language, and stores nothing", async () => {
    const db = await getDb();
    const { token } = await physicianWithToken(db);
    const invalid = sharedCase("prostate-localised-kr") as any;
    invalid.consent.sensitiveData = false;
    delete invalid.patient.birthDate;
    invalid.diagnosis.maxDiameterMm = -5;
    const before = await counts(db);
    for (const [lng, t] of [
      ["ko", ko],
      ["ja", ja],
      ["en", en],
    ] as const) {
      const response = await submit(
        post(JSON.stringify(invalid), { ...bearer(token), "Accept-Language": `${lng},en;q=0.5` }),
      );
      expect(await refusalIssues(response, "invalid_case", t("api:errors.invalid_case"))).toEqual(
        expect.arrayContaining([
          { path: "consent.sensitiveData", message: t("screen:validation.consentRequired") },
          { path: "patient.birthDate", message: t("screen:validation.required") },
          { path: "diagnosis.maxDiameterMm", message: t("screen:validation.tooSmall", { minimum: 0 }) },
        ]),
      );
    }
    // The words really differ by language (no English left in the Korean or Japanese answer).
    expect(ko("screen:validation.consentRequired")).not.toBe(en("screen:validation.consentRequired"));
    expect(ja("api:errors.invalid_case")).not.toBe(en("api:errors.invalid_case"));
    expect(await counts(db)).toEqual(before);
  });

  it("requires both consents: a case without the diagnosis disclosure is refused", async () => {
    const db = await getDb();
    const { token } = await physicianWithToken(db);
    const invalid = sharedCase("larynx-scc") as any;
    invalid.consent.informedOfDiagnosis = false;
    await expectRefusedAndNothingStored(db, post(JSON.stringify(invalid), bearer(token)), [
      { path: "consent.informedOfDiagnosis", message: en("screen:validation.consentRequired") },
    ]);
  });

  it("refuses a phone number that does not exist in its country, with an example, and stores nothing", async () => {
    const db = await getDb();
    const { token } = await physicianWithToken(db);
    const body = sharedCase("prostate-localised-kr") as any;
    body.patient.phone = "+81901234567";
    await expectRefusedAndNothingStored(db, post(JSON.stringify(body), { ...bearer(token), "Accept-Language": "en" }), [
      { path: "patient.phone", message: en("api:errors.phoneNotValid", { example: "+819012345678" }) },
    ]);
  });

  it("refuses anything that looks like a resident registration number, wherever it is typed, and stores nothing", async () => {
    const db = await getDb();
    const { token } = await physicianWithToken(db);
    const before = await counts(db);
    const inHospitalId = sharedCase("prostate-localised-kr") as any;
    inHospitalId.patient.referringHospitalId = "800101-1234567";
    const inExtraField = sharedCase("prostate-localised-kr") as any;
    inExtraField.patient.remarks = "주민번호 ８００１０１－２２３４５６７"; // full-width, in a field the contract does not name
    for (const [body, path] of [
      [inHospitalId, "patient.referringHospitalId"],
      [inExtraField, "patient.remarks"],
    ] as const) {
      const response = await submit(post(JSON.stringify(body), { ...bearer(token), "Accept-Language": "ko" }));
      expect(response.status).toBe(400);
      expect((await response.json()).issues).toEqual([{ path, message: ko("api:errors.nationalId") }]);
    }
    // A Japanese My Number (valid check digit), in the record number and in a name, has its own words.
    const myNumber = sharedCase("prostate-localised-kr") as any;
    myNumber.patient.referringHospitalId = "1234-5678-9018";
    myNumber.patient.familyName = "田中 ９８７６５４３２１０９３";
    const refused = await submit(post(JSON.stringify(myNumber), { ...bearer(token), "Accept-Language": "ja" }));
    expect(refused.status).toBe(400);
    const issues = (await refused.json()).issues as { path: string; message: string }[];
    expect(
      issues
        .filter((i) => i.message === ja("api:errors.myNumber"))
        .map((i) => i.path)
        .sort(),
    ).toEqual(["patient.familyName", "patient.referringHospitalId"]);
    expect(await counts(db)).toEqual(before);
    // A hospital record number, a phone number and a checksum are not taken for one.
    const fine = sharedCase("prostate-localised-kr") as any;
    fine.patient.referringHospitalId = "CNUH-2026-0012345";
    fine.patient.phone = "+821012345678";
    expect((await submit(post(JSON.stringify(fine), bearer(token)))).status).toBe(201);
  });

  it("answers 401 with a Bearer challenge for a missing, unknown, malformed or revoked token, or an account no longer active", async () => {
    const db = await getDb();
    const { physician, token, tokenId } = await physicianWithToken(db);
    const suspended = await physicianWithToken(db, { status: "suspended" });
    const body = JSON.stringify(sharedCase("larynx-scc"));
    await revokeApiToken(db, { id: physician.id, role: "physician", status: "active" }, tokenId, {
      ip: null,
      now: new Date(),
    });
    const before = await counts(db);

    const missing = await submit(post(body));
    expect(missing.status).toBe(401);
    expect(missing.headers.get("WWW-Authenticate")).toBe('Bearer realm="kq-portal"');
    expect(await missing.json()).toEqual({ error: "unauthorized", message: en("api:errors.unauthorized") });

    for (const headers of [
      bearer("kq_" + "x".repeat(43)),
      bearer("not-a-token"),
      { Authorization: `Basic ${btoa("a:b")}` },
      bearer(token),
      bearer(suspended.token),
    ]) {
      const response = await submit(post(body, { ...headers, "Accept-Language": "ja" }));
      expect(response.status).toBe(401);
      expect(response.headers.get("WWW-Authenticate")).toBe('Bearer realm="kq-portal", error="invalid_token"');
      expect(await response.json()).toEqual({ error: "unauthorized", message: ja("api:errors.unauthorized") });
    }
    expect(await counts(db)).toEqual(before);
  });

  it("never reads cookies: a signed-in browser session opens no door", async () => {
    const db = await getDb();
    const physician = await createAccount(db, { role: "physician" });
    const cookie = await sessionCookieFor(db, physician.id);
    const response = await submit(
      post(JSON.stringify(sharedCase("larynx-scc")), { Cookie: `${cookie}; kq_csrf=${"t".repeat(43)}` }),
    );
    expect(response.status).toBe(401);
  });

  it("answers malformed JSON with 400, another content type with 415 and a body over 1 MB with 413", async () => {
    const db = await getDb();
    const { token } = await physicianWithToken(db);
    const before = await counts(db);

    const malformed = await submit(post("{ not json", bearer(token)));
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error).toBe("invalid_json");

    const form = await submit(
      post(new URLSearchParams({ a: "b" }), { ...bearer(token), "Content-Type": "application/x-www-form-urlencoded" }),
    );
    expect(form.status).toBe(415);
    expect((await form.json()).error).toBe("unsupported_media_type");

    const huge = JSON.stringify({ ...sharedCase("larynx-scc"), padding: "x".repeat(MAX_API_BODY_BYTES) });
    const declared = await submit(post(huge, bearer(token)));
    expect(declared.status).toBe(413);
    // Without a Content-Length (chunked), the door stops reading at the limit.
    const chunks = [new TextEncoder().encode(huge.slice(0, 600_000)), new TextEncoder().encode(huge.slice(600_000))];
    const stream = new ReadableStream({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const streamed = await submit(
      new Request(BASE, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...bearer(token) },
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).error).toBe("payload_too_large");
    expect(await counts(db)).toEqual(before);
  });

  it("takes only POST", async () => {
    const response = (await notPost({ request: new Request(BASE) })) as Response;
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe("POST");
  });
});

import { describe, expect, it } from "vitest";
import { tFor } from "~/i18n/i18n.server";
import { API_TOKEN_LIMIT } from "~/modules/api/api-door.server";
import { getDb } from "~/utils/db.server";
import { sharedCase } from "../../../tests/factories/referrals";
import { action as notGet } from "../api.v1.referrals.$referenceCode/route";

import {
  BASE,
  bearer,
  counts,
  freshLimits,
  ko,
  physicianWithToken,
  post,
  read,
  submit,
} from "../../../tests/fixtures/api-doors";

freshLimits();

describe("GET /api/v1/referrals/{referenceCode}", () => {
  it("gives the owning physician the referral, its decision and its history, without internal notes", async () => {
    const db = await getDb();
    const { token } = await physicianWithToken(db);
    const created = await (
      await submit(post(JSON.stringify(sharedCase("prostate-localised-kr")), bearer(token)))
    ).json();
    // A coordinator's internal note on the referral's history must not leave through the door.
    const referral = await db
      .selectFrom("referrals")
      .select("id")
      .where("reference_code", "=", created.referenceCode)
      .executeTakeFirstOrThrow();
    await db
      .updateTable("referral_events")
      .set({ note: "internal: call the family doctor", reason_code: "internal_reason" })
      .where("referral_id", "=", referral.id)
      .execute();

    const response = await read(created.referenceCode, bearer(token));
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({ referenceCode: created.referenceCode, status: "triage", decision: created.decision });
    expect(body.history).toEqual([
      { action: "submit", from: "draft", to: "submitted", at: expect.any(String) },
      { action: "route", from: "submitted", to: "triage", at: expect.any(String) },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/internal/);
    // The code may be typed as a person would: lower case, spaces.
    const typed = await read(created.referenceCode.toLowerCase().replace(/-/g, " "), bearer(token));
    expect((await typed.json()).referenceCode).toBe(created.referenceCode);
    // Each read is in the audit log.
    const reads = await db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "referral.viewed_via_api")
      .where("subject_id", "=", referral.id)
      .execute();
    expect(reads).toHaveLength(2);
    expect(reads[0]).toMatchObject({ actor_role: "physician", ip: "198.51.100.7" });
  });

  it("answers another physician's referral exactly as an unknown code: 404", async () => {
    const db = await getDb();
    const owner = await physicianWithToken(db);
    const other = await physicianWithToken(db);
    const created = await (await submit(post(JSON.stringify(sharedCase("larynx-scc")), bearer(owner.token)))).json();
    const unknownCode = "KQ-00000-00000-00000";
    for (const lng of ["ko", "ja", "en"]) {
      const theirs = await read(created.referenceCode, { ...bearer(other.token), "Accept-Language": lng });
      const unknown = await read(unknownCode, { ...bearer(other.token), "Accept-Language": lng });
      const garbage = await read("not-a-code", { ...bearer(other.token), "Accept-Language": lng });
      expect(theirs.status).toBe(404);
      const bodies = [await theirs.text(), await unknown.text(), await garbage.text()];
      expect(new Set(bodies).size).toBe(1);
      expect(JSON.parse(bodies[0]!)).toEqual({
        error: "not_found",
        message: tFor(lng as "ko", "api")("errors.not_found"),
      });
      expect([...theirs.headers.entries()]).toEqual([...unknown.headers.entries()]);
    }
    const ownRead = await read(created.referenceCode, bearer(owner.token));
    expect(ownRead.status).toBe(200);
  });

  it("answers 401 without a valid token, and takes only GET", async () => {
    const db = await getDb();
    const { token } = await physicianWithToken(db);
    const created = await (await submit(post(JSON.stringify(sharedCase("larynx-scc")), bearer(token)))).json();
    const anonymous = await read(created.referenceCode);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("WWW-Authenticate")).toMatch(/^Bearer /);
    const wrongMethod = (await notGet({
      request: new Request(`${BASE}/${created.referenceCode}`, { method: "DELETE" }),
    })) as Response;
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("Allow")).toBe("GET");
  });
});

describe("the per-token rate limit", () => {
  it("answers 429 with Retry-After once a token has made its requests for the minute; other tokens go on", async () => {
    const db = await getDb();
    const busy = await physicianWithToken(db);
    const calm = await physicianWithToken(db);
    const created = await (await submit(post(JSON.stringify(sharedCase("larynx-scc")), bearer(busy.token)))).json();
    for (let i = 1; i < API_TOKEN_LIMIT.limit; i++)
      expect((await read(created.referenceCode, bearer(busy.token))).status).toBe(200);
    const limited = await read(created.referenceCode, { ...bearer(busy.token), "Accept-Language": "ko" });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toEqual({
      error: "rate_limited",
      message: ko("api:errors.rate_limited", { seconds: retryAfter }),
    });
    // The limit covers submissions too, and stores nothing.
    const before = await counts(db);
    expect((await submit(post(JSON.stringify(sharedCase("larynx-scc")), bearer(busy.token)))).status).toBe(429);
    expect(await counts(db)).toEqual(before);
    // Someone else's token is not slowed down.
    expect((await read("KQ-00000-00000-00000", bearer(calm.token))).status).toBe(404);
  });
});

describe("the CSRF guard", () => {
  it("leaves the JSON doors alone (they trust no cookie) and wraps every other action", async () => {
    const { withCsrfGuard } = await import("../../../server/csrf-guard");
    const apiAction = async () => new Response(null, { status: 201 });
    const pageAction = async () => new Response(null, { status: 200 });
    const build = {
      routes: {
        "routes/api.v1.referrals": { id: "routes/api.v1.referrals", module: { action: apiAction } },
        "routes/account_.tokens": { id: "routes/account_.tokens", module: { action: pageAction } },
      },
    } as any;
    const guarded = withCsrfGuard(build);
    expect(guarded.routes["routes/api.v1.referrals"]!.module.action).toBe(apiAction);
    expect(guarded.routes["routes/account_.tokens"]!.module.action).not.toBe(pageAction);
  });
});

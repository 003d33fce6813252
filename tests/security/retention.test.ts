import { describe, expect, it } from "vitest";
import { tFor } from "~/i18n/i18n.server";
import { insertStatusSession } from "~/modules/status-lookup/status-lookup.repository.server";
import { runRetention } from "~/modules/retention/retention.service.server";
import { getDb } from "~/utils/db.server";
import { createAccount, sessionCookieFor } from "../factories/accounts";
import { referralAt } from "../factories/queue";
import { portalForThisFile } from "./app-server";

const portal = portalForThisFile();

const now = new Date();
const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();
const ahead = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString();

describe("the housekeeping job", () => {
  it("removes expired counters, status sessions, device records and challenges, keeps live ones and every audit event", async () => {
    const db = await getDb();
    const user = await createAccount(db, { role: "physician" });
    const referral = await referralAt(db, user, { site: "konyang", now });
    await db
      .insertInto("rate_limits")
      .values([
        { key: "sign-in:pair:old", count: 7, window_started_at: ago(30) },
        { key: "sign-in:pair:fresh", count: 3, window_started_at: ago(2) },
      ])
      .execute();
    for (const [id, ended, expires] of [
      ["s-ended", ago(1), ahead(1)],
      ["s-expired", null, ago(1)],
      ["s-live", null, ahead(1)],
    ] as const) {
      await insertStatusSession(db, {
        id,
        referral_id: referral.id,
        created_at: ago(3),
        last_seen_at: ago(1),
        expires_at: expires,
        ended_at: ended,
      });
    }
    await db
      .insertInto("sign_in_devices")
      .values([
        { token_hash: "d-old", user_id: user.id, created_at: ago(5000), expires_at: ago(1) },
        { token_hash: "d-live", user_id: user.id, created_at: ago(1), expires_at: ahead(4000) },
      ])
      .execute();
    await db
      .insertInto("mfa_challenges")
      .values([
        { id: "c-old", user_id: user.id, created_at: ago(1), expires_at: ago(0.5), attempts: 0 },
        { id: "c-live", user_id: user.id, created_at: now.toISOString(), expires_at: ahead(0.05), attempts: 0 },
      ])
      .execute();
    const auditBefore = await db.selectFrom("audit_events").select("id").execute();

    expect(await runRetention(db, now)).toEqual({
      rateLimitCounters: 1,
      statusLookupSessions: 2,
      signInDevices: 1,
      signInChallenges: 1,
      referralsPurged: 0,
      attachmentFilesRemoved: 0,
    });
    expect(
      (await db.selectFrom("rate_limits").select("key").where("key", "like", "sign-in:pair:%").execute()).map(
        (r) => r.key,
      ),
    ).toEqual(["sign-in:pair:fresh"]);
    expect(
      (await db.selectFrom("status_sessions").select("id").where("referral_id", "=", referral.id).execute()).map(
        (r) => r.id,
      ),
    ).toEqual(["s-live"]);
    expect(
      (await db.selectFrom("sign_in_devices").select("token_hash").where("user_id", "=", user.id).execute()).map(
        (r) => r.token_hash,
      ),
    ).toEqual(["d-live"]);
    expect(
      (await db.selectFrom("mfa_challenges").select("id").where("user_id", "=", user.id).execute()).map((r) => r.id),
    ).toEqual(["c-live"]);
    expect(await db.selectFrom("audit_events").select("id").execute()).toHaveLength(auditBefore.length);
  });

  it("shows administrators when it last ran and what it removed, in counts only, and runs on demand", async () => {
    const db = await getDb();
    const admin = await createAccount(db, { role: "admin" });
    const cookie = await sessionCookieFor(db, admin.id);
    const physician = await createAccount(db, { role: "physician" });
    expect(
      (await portal.fetch("/admin/retention", { headers: { Cookie: await sessionCookieFor(db, physician.id) } }))
        .status,
    ).toBe(403);
    await db
      .insertInto("rate_limits")
      .values({ key: "sign-in:pair:stale", count: 5, window_started_at: ago(48) })
      .execute();
    const run = await portal.postForm("/admin/retention", {}, { cookie });
    expect(run.status).toBe(302);
    const html = await (await portal.fetch("/admin/retention", { headers: { Cookie: `${cookie}; lng=ja` } })).text();
    const ja = tFor("ja");
    expect(html).toContain(ja("security:retention.kinds.rateLimitCounters"));
    expect(html).toMatch(/data-kind="rateLimitCounters"><th scope="row">[^<]+<\/th><td>1<\/td>/);
    expect(
      await db.selectFrom("audit_events").select("actor_user_id").where("action", "=", "retention.run").execute(),
    ).toEqual([{ actor_user_id: admin.id }]);
  });
});

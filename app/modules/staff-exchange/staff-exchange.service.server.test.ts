import { describe, expect, it } from "vitest";
import { getSessionUser, type SessionUser } from "~/modules/accounts/session.server";
import { siteTeam } from "~/modules/queue/site-team.server";
import { referralForStaff } from "~/modules/queue/triage.service.server";
import type { Staff } from "~/modules/queue/staff.server";
import { getDb, type Database } from "~/utils/db.server";
import { createAccount, getRequest, sessionCookieFor } from "../../../tests/factories/accounts";
import { referralAt } from "../../../tests/factories/queue";
import { exchangeGrants, grantExchange, revokeExchange } from "./staff-exchange.service.server";
import { switchWorkingSite, workingSiteCode } from "./working-site.server";

// Every moment is written as the host's wall clock: QST is in Japan (UTC+9, no daylight saving).
const tokyo = (local: string) => new Date(`${local}+09:00`);
const ctx = (now: Date) => ({ now, ip: "192.0.2.1" });

async function signedIn(
  db: Database,
  role: SessionUser["role"],
  site: string | null,
  status = "active",
): Promise<SessionUser> {
  const account = await createAccount(db, { role, site, status });
  // The session is opened at the real time; these tests read its working-site choice, never its expiry.
  const user = await getSessionUser(getRequest("/", { cookie: await sessionCookieFor(db, account.id) }));
  if (user) return user;
  // A suspended account has no live session: the services still receive who it is.
  return {
    id: account.id,
    email: account.email,
    familyName: account.familyName,
    givenName: account.givenName,
    role,
    siteCode: site,
    status: status as SessionUser["status"],
    preferredLanguage: "ko",
    institution: "",
    country: "KR",
    sessionId: "none",
  };
}

/** The visitor as requireStaff makes them at `now`: bound to their working site. */
async function staffAt(db: Database, visitor: SessionUser, now: Date): Promise<Staff> {
  const home = visitor as Staff;
  return { ...home, siteCode: await workingSiteCode(db, home, now), homeSiteCode: home.siteCode };
}

const events = (db: Database, action: string, subjectId: string) =>
  db
    .selectFrom("audit_events")
    .selectAll()
    .where("action", "=", action)
    .where("subject_id", "=", subjectId)
    .orderBy("seq")
    .execute();

type Site = "konyang" | "qst";

/** The id of the grant the administrator makes at `now`; the test fails if it is refused. */
async function granted(db: Database, admin: SessionUser, input: Parameters<typeof grantExchange>[2], now: Date) {
  const result = await grantExchange(db, admin, input, ctx(now));
  expect(result.kind).toBe("granted");
  return result.kind === "granted" ? result.id : "";
}

/**
 * An administrator, a visitor signed in at their home site, a referral waiting at the host site, and the exchange the
 * administrator granted the visitor there at `grantedAt`.
 */
async function visitGrantedAtHost(
  db: Database,
  visit: { role: "coordinator" | "reviewer"; home: Site; host: Site; from: string; to: string; note?: string },
  grantedAt: Date,
) {
  const { role, home, host, ...days } = visit;
  const admin = await signedIn(db, "admin", null);
  const visitor = await signedIn(db, role, home);
  const physician = await createAccount(db, { role: "physician" });
  const atHost = await referralAt(db, physician, { site: host, now: tokyo("2026-12-01T10:00:00") });
  const grantId = await granted(db, admin, { visitorId: visitor.id, hostSiteCode: host, ...days }, grantedAt);
  return { admin, visitor, atHost, grantId };
}

describe("a staff exchange", () => {
  it("opens the host's team on the grant's first day and closes it after the last, by the host's clock", async () => {
    const db = await getDb();
    const visit = {
      role: "coordinator",
      home: "konyang",
      host: "qst",
      from: "2026-12-10",
      to: "2026-12-12",
      note: "短期研修",
    } as const;
    const { admin, visitor, atHost, grantId } = await visitGrantedAtHost(db, visit, tokyo("2026-12-01T09:00:00"));
    const [grantedEvent] = await events(db, "staff_exchange.granted", visitor.id);
    expect(grantedEvent).toMatchObject({ actor_user_id: admin.id, subject_type: "user" });
    expect(JSON.parse(grantedEvent!.detail)).toMatchObject({
      grantId,
      hostSite: "qst",
      homeSite: "konyang",
      from: "2026-12-10",
      to: "2026-12-12",
    });

    // 9 December, one second before midnight in Tokyo: not yet. The switch is refused and the referral is not there.
    const eve = tokyo("2026-12-09T23:59:59");
    expect(await switchWorkingSite(db, visitor, "qst", ctx(eve))).toEqual({ kind: "refused" });
    expect((await staffAt(db, visitor, eve)).siteCode).toBe("konyang");
    expect(await referralForStaff(db, await staffAt(db, visitor, eve), atHost.id)).toBeNull();
    expect((await siteTeam(db, "qst", eve)).map((p) => p.id)).not.toContain(visitor.id);

    // 10 December, midnight in Tokyo: the visitor may work for QST, and does once they switch.
    const first = tokyo("2026-12-10T00:00:00");
    expect((await staffAt(db, visitor, first)).siteCode).toBe("konyang");
    expect(await switchWorkingSite(db, visitor, "qst", ctx(first))).toEqual({ kind: "switched", siteCode: "qst" });
    expect(await switchWorkingSite(db, visitor, "qst", ctx(first))).toEqual({ kind: "unchanged" });
    expect((await referralForStaff(db, await staffAt(db, visitor, first), atHost.id))?.id).toBe(atHost.id);
    // A member of the host's team: QST's coordinators can assign them a referral on these days.
    expect((await siteTeam(db, "qst", first)).map((p) => p.id)).toContain(visitor.id);
    // Acting for the host is audited once per switch, not once per request.
    expect(
      await events(db, "staff_exchange.acting_for_host", "qst").then((rows) =>
        rows.filter((r) => r.actor_user_id === visitor.id),
      ),
    ).toHaveLength(1);

    // 12 December, the last minute of the grant: still QST.
    const last = tokyo("2026-12-12T23:59:59");
    expect((await staffAt(db, visitor, last)).siteCode).toBe("qst");
    expect(await referralForStaff(db, await staffAt(db, visitor, last), atHost.id)).not.toBeNull();

    // 13 December: the very next request is home again, with no job run and no one acting.
    const after = tokyo("2026-12-13T00:00:00");
    expect((await staffAt(db, visitor, after)).siteCode).toBe("konyang");
    expect(await referralForStaff(db, await staffAt(db, visitor, after), atHost.id)).toBeNull();
    expect(await switchWorkingSite(db, visitor, "qst", ctx(after))).toEqual({ kind: "refused" });
    expect((await siteTeam(db, "qst", after)).map((p) => p.id)).not.toContain(visitor.id);
    // The lapsed choice was cleared, so even a later grant does not switch the session by itself.
    const row = await db
      .selectFrom("sessions")
      .select("working_site_code")
      .where("id", "=", visitor.sessionId)
      .executeTakeFirstOrThrow();
    expect(row.working_site_code).toBeNull();

    const listed = (await exchangeGrants(db, admin, after)).find((g) => g.id === grantId);
    expect(listed?.state).toBe("ended");
    expect(await revokeExchange(db, admin, grantId, ctx(after))).toEqual({ kind: "conflict" });
  });

  it("ends at once when revoked", async () => {
    const db = await getDb();
    const visit = { role: "reviewer", home: "qst", host: "konyang", from: "2026-12-10", to: "2026-12-20" } as const;
    const { admin, visitor, atHost, grantId } = await visitGrantedAtHost(db, visit, tokyo("2026-12-02T09:00:00"));
    const noon = tokyo("2026-12-15T12:00:00");
    await switchWorkingSite(db, visitor, "konyang", ctx(noon));
    expect(await referralForStaff(db, await staffAt(db, visitor, noon), atHost.id)).not.toBeNull();

    expect(await revokeExchange(db, admin, grantId, ctx(noon))).toEqual({ kind: "revoked" });
    const minuteLater = new Date(noon.getTime() + 60_000);
    expect((await staffAt(db, visitor, minuteLater)).siteCode).toBe("qst");
    expect(await referralForStaff(db, await staffAt(db, visitor, minuteLater), atHost.id)).toBeNull();
    expect(await revokeExchange(db, admin, grantId, ctx(minuteLater))).toEqual({ kind: "conflict" });
    const [revoked] = await events(db, "staff_exchange.revoked", visitor.id);
    expect(JSON.parse(revoked!.detail)).toMatchObject({ grantId, hostSite: "konyang", wasInForce: true });
  });

  it("is granted only to an active coordinator or reviewer of the other site", async () => {
    const db = await getDb();
    const admin = await signedIn(db, "admin", null);
    const when = ctx(tokyo("2026-12-01T09:00:00"));
    const grant = (visitorId: string) =>
      grantExchange(db, admin, { visitorId, hostSiteCode: "qst", from: "2026-12-10", to: "2026-12-12" }, when);
    const physician = await createAccount(db, { role: "physician" });
    const sameSite = await createAccount(db, { role: "coordinator", site: "qst" });
    const suspended = await createAccount(db, { role: "reviewer", site: "konyang", status: "suspended" });
    const otherAdmin = await createAccount(db, { role: "admin" });
    for (const [visitor, error] of [
      [physician, "visitorNotStaff"],
      [sameSite, "visitorSameSite"],
      [suspended, "visitorNotStaff"],
      [otherAdmin, "visitorNotStaff"],
    ] as const)
      expect(await grant(visitor.id), visitor.role).toEqual({
        kind: "invalid",
        errors: { visitorId: `admin:exchange.errors.${error}` },
      });
    expect(
      await db
        .selectFrom("staff_exchange_grants")
        .selectAll()
        .where("user_id", "in", [physician.id, sameSite.id, suspended.id, otherAdmin.id])
        .execute(),
    ).toEqual([]);
  });

  it("refuses a start in the host's past and a second grant over the same days", async () => {
    const db = await getDb();
    const admin = await signedIn(db, "admin", null);
    const visitor = await createAccount(db, { role: "coordinator", site: "konyang" });
    // Grants to QST from `from` to `to`, asked for at 08:00 on 10 December in Tokyo.
    const grantFrom = (from: string, to: string) =>
      grantExchange(
        db,
        admin,
        { visitorId: visitor.id, hostSiteCode: "qst", from, to },
        ctx(tokyo("2026-12-10T08:00:00")),
      );
    expect(await grantFrom("2026-12-09", "2026-12-12")).toEqual({
      kind: "invalid",
      errors: { from: "admin:exchange.errors.fromInPast" },
    });
    expect((await grantFrom("2026-12-10", "2026-12-12")).kind).toBe("granted");
    expect(await grantFrom("2026-12-12", "2026-12-14")).toEqual({
      kind: "invalid",
      errors: { from: "admin:exchange.errors.overlaps" },
    });
  });

  it("is granted and revoked by administrators only, never by the host's coordinators or reviewers", async () => {
    const db = await getDb();
    const admin = await signedIn(db, "admin", null);
    const visitor = await createAccount(db, { role: "coordinator", site: "konyang" });
    const input = { visitorId: visitor.id, hostSiteCode: "qst" as const, from: "2026-12-10", to: "2026-12-12" };
    const when = ctx(tokyo("2026-12-01T09:00:00"));
    for (const [role, site] of [
      ["coordinator", "qst"],
      ["reviewer", "qst"],
      ["physician", null],
    ] as const) {
      const someone = await signedIn(db, role, site);
      expect(await grantExchange(db, someone, input, when)).toEqual({ kind: "forbidden" });
    }
    const grantId = await granted(db, admin, input, when.now);
    const hostCoordinator = await signedIn(db, "coordinator", "qst");
    expect(await revokeExchange(db, hostCoordinator, grantId, when)).toEqual({ kind: "notFound" });
    expect(await exchangeGrants(db, hostCoordinator, when.now)).toEqual([]);
  });
});

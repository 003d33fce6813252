// Which site a coordinator or reviewer works for on this request. Their home site, unless they chose a host site
// on this session AND a staff-exchange grant at that host is in force on the host's today at `now`. Asked afresh on
// every request, so a grant that ends or is revoked takes effect on the very next one, with no job to run.
// docs/decisions/0017-staff-exchange.md
import { grantInForce } from "~/domain/staff-exchange/grant-window";
import { setWorkingSiteOfSession, workingSiteOfSession } from "~/modules/accounts/session.repository.server";
import type { SessionUser } from "~/modules/accounts/session.server";
import { auditBy } from "~/modules/audit/audit.service.server";
import type { Database } from "~/utils/db.server";
import { openGrantsOf, type GrantRow } from "./staff-exchange.repository.server";
import { todayBySite } from "./site-today.server";

export type WorkingSite = {
  /** The site every query of this request is bound to. */
  siteCode: string;
  home: string;
  /** Host sites whose grant is in force now (the visitor may switch to these); empty for almost everyone. */
  hosts: { siteCode: string; grantId: string; to: string }[];
};

const isStaff = (user: SessionUser) =>
  (user.role === "coordinator" || user.role === "reviewer") && user.status === "active" && !!user.siteCode;

/** The grants of this person in force now, each checked against its own host's today. */
export async function grantsInForce(db: Database, userId: string, now: Date): Promise<GrantRow[]> {
  const todays = await todayBySite(db, now);
  const earliest = Object.values(todays).sort()[0];
  if (!earliest) return [];
  const open = await openGrantsOf(db, userId, earliest);
  return open.filter((grant) => {
    const today = todays[grant.host_site_code];
    return today !== undefined && grantInForce(grant, today);
  });
}

type Staff = SessionUser & { siteCode: string };

/** Host sites whose grant for this person is in force now, with the grant that opens each. */
export async function hostsInForce(db: Database, user: Staff, now: Date): Promise<WorkingSite["hosts"]> {
  const grants = await grantsInForce(db, user.id, now);
  // A grant at one's own home site cannot be made; skipping it here keeps a hand-made row harmless too.
  return grants
    .filter((g) => g.host_site_code !== user.siteCode)
    .map((g) => ({ siteCode: g.host_site_code, grantId: g.id, to: g.to_date }));
}

/** The site this request works for; a choice whose grant has lapsed is cleared, so it cannot come back by itself. */
export async function workingSiteCode(db: Database, user: Staff, now: Date): Promise<string> {
  const chosen = await workingSiteOfSession(db, user.sessionId);
  // The common case on every staff request: no choice stored, nothing more to look up.
  if (chosen === null || chosen === user.siteCode) return user.siteCode;
  if ((await hostsInForce(db, user, now)).some((h) => h.siteCode === chosen)) return chosen;
  await setWorkingSiteOfSession(db, user.sessionId, null, chosen);
  return user.siteCode;
}

/** The working site with the choices the "working for" switch offers. */
export async function resolveWorkingSite(db: Database, user: Staff, now: Date): Promise<WorkingSite> {
  const siteCode = await workingSiteCode(db, user, now);
  return { siteCode, home: user.siteCode, hosts: await hostsInForce(db, user, now) };
}

/**
 * What the "working for" switch offers to staff already bound to `siteCode` for this request (requireStaff's answer):
 * null for everyone with no grant in force, which is nearly everyone, so their pages show no switch at all.
 */
export async function workingSiteSwitch(
  db: Database,
  staff: Staff & { homeSiteCode?: string },
  now: Date,
): Promise<WorkingSite | null> {
  const home = staff.homeSiteCode ?? staff.siteCode;
  const hosts = await hostsInForce(db, { ...staff, siteCode: home }, now);
  if (hosts.length === 0 && staff.siteCode === home) return null;
  return { siteCode: staff.siteCode, home, hosts };
}

/** The user as this request's checks should see them: staff bound to their working site, anyone else unchanged. */
export async function asWorkingUser<U extends SessionUser>(db: Database, user: U, now: Date): Promise<U> {
  if (!isStaff(user)) return user;
  const siteCode = await workingSiteCode(db, user as U & { siteCode: string }, now);
  return siteCode === user.siteCode ? user : { ...user, siteCode };
}

export type SwitchResult = { kind: "switched"; siteCode: string } | { kind: "unchanged" } | { kind: "refused" };

/**
 * Switches this session to `target`: the home site always, a host site only while a grant there is in force. Acting
 * for a host is audited once per switch (the referrals they then touch are audited as usual).
 */
export async function switchWorkingSite(
  db: Database,
  user: SessionUser,
  target: string,
  context: { now: Date; ip: string | null },
): Promise<SwitchResult> {
  if (!isStaff(user)) return { kind: "refused" };
  const staff = user as Staff;
  return db.transaction().execute(async (trx): Promise<SwitchResult> => {
    const current = await resolveWorkingSite(trx, staff, context.now);
    if (target === current.siteCode) return { kind: "unchanged" };
    if (target === current.home) {
      await setWorkingSiteOfSession(trx, staff.sessionId, null);
      return { kind: "switched", siteCode: target };
    }
    const host = current.hosts.find((h) => h.siteCode === target);
    if (!host) return { kind: "refused" };
    await setWorkingSiteOfSession(trx, staff.sessionId, target);
    const audit = auditBy(trx, staff, context);
    await audit("staff_exchange.acting_for_host", ["site", target], { grantId: host.grantId, homeSite: current.home });
    return { kind: "switched", siteCode: target };
  });
}

// Granting and revoking staff exchanges: who may, whom, and the audit record of each (ADR 0017).
import { grantState } from "~/domain/staff-exchange/grant-window";
import { activeSiteStaff, findUserById } from "~/modules/accounts/accounts.repository.server";
import type { SessionUser } from "~/modules/accounts/session.server";
import { auditBy } from "~/modules/audit/audit.service.server";
import { siteCodes } from "~/modules/accounts/accounts.schema";
import type { Database } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";
import type { GrantForm } from "./staff-exchange.schema";
import {
  findGrant,
  grantsAtHosts,
  insertGrant,
  overlappingGrant,
  revokeGrant,
} from "./staff-exchange.repository.server";
import { todayBySite } from "./site-today.server";
import {
  toExchangeCandidate,
  toExchangeGrant,
  toRevocableGrant,
  type ExchangeCandidate,
  type ExchangeGrant,
  type RevocableGrant,
} from "./staff-exchange.mapper.server";

export type ExchangeContext = { now: Date; ip: string | null };

const LIST_LIMIT = 200;

/**
 * The host sites this person administers for staff exchange. Letting someone into a site's patient records is the
 * same power as opening a staff account there, which only administrators hold: an administrator with a site
 * administers that site, one without a site (the portal's administrators today) administers both.
 * Coordinators approve physicians only, who see nothing but their own referrals, so they do not grant.
 */
export function exchangeHostsOf(actor: Pick<SessionUser, "role" | "status" | "siteCode">): string[] {
  if (actor.role !== "admin" || actor.status !== "active") return [];
  return actor.siteCode ? [actor.siteCode] : [...siteCodes];
}

/** A field and the translation key that explains what is wrong with it. */
export type GrantRefusal = Partial<Record<keyof GrantForm, string>>;

export type GrantResult =
  { kind: "granted"; id: string } | { kind: "forbidden" } | { kind: "invalid"; errors: GrantRefusal };

/**
 * Grants a visitor time-boxed membership of a host site's team. The schema already checked the form; what needs the
 * database or the clock is checked again here, where it cannot be skipped.
 */
export async function grantExchange(
  db: Database,
  actor: SessionUser,
  input: GrantForm,
  context: ExchangeContext,
): Promise<GrantResult> {
  if (!exchangeHostsOf(actor).includes(input.hostSiteCode)) return { kind: "forbidden" };
  const today = (await todayBySite(db, context.now))[input.hostSiteCode];
  return db.transaction().execute(async (trx): Promise<GrantResult> => {
    const errors: GrantRefusal = {};
    const visitor = await findUserById(trx, input.visitorId);
    const homeSite =
      visitor && visitor.status === "active" && (visitor.role === "coordinator" || visitor.role === "reviewer")
        ? visitor.site_code
        : null;
    if (!homeSite) errors.visitorId = "admin:exchange.errors.visitorNotStaff";
    // The exchange is between the two sites: a member of the host's own team needs no grant.
    else if (homeSite === input.hostSiteCode) errors.visitorId = "admin:exchange.errors.visitorSameSite";
    if (!today || input.from < today) errors.from = "admin:exchange.errors.fromInPast";
    if (input.to < input.from) errors.to = "admin:exchange.errors.toBeforeFrom";
    if (
      !errors.visitorId &&
      !errors.to &&
      (await overlappingGrant(trx, input.visitorId, input.hostSiteCode, input.from, input.to))
    ) {
      errors.from = "admin:exchange.errors.overlaps";
    }
    if (Object.keys(errors).length > 0) return { kind: "invalid", errors };
    const id = newId();
    await insertGrant(trx, {
      id,
      user_id: input.visitorId,
      host_site_code: input.hostSiteCode,
      from_date: input.from,
      to_date: input.to,
      note: input.note ?? null,
      granted_by: actor.id,
      granted_at: context.now.toISOString(),
      revoked_at: null,
      revoked_by: null,
    });
    const audit = auditBy(trx, actor, context);
    await audit("staff_exchange.granted", ["user", input.visitorId], {
      grantId: id,
      hostSite: input.hostSiteCode,
      homeSite,
      from: input.from,
      to: input.to,
      ...(input.note ? { note: input.note } : {}),
    });
    return { kind: "granted", id };
  });
}

export type RevokeResult = { kind: "revoked" } | { kind: "notFound" } | { kind: "conflict" };

/**
 * Ends a grant now: the visitor's next request works for their home site again. A grant that has ended by itself
 * or was revoked already is left as it is (conflict). Someone else's host's grant is not found, not forbidden.
 */
export async function revokeExchange(
  db: Database,
  actor: SessionUser,
  grantId: string,
  context: ExchangeContext,
): Promise<RevokeResult> {
  const hosts = exchangeHostsOf(actor);
  const todays = await todayBySite(db, context.now);
  return db.transaction().execute(async (trx): Promise<RevokeResult> => {
    const grant = await findGrant(trx, grantId);
    if (!grant || !hosts.includes(grant.host_site_code)) return { kind: "notFound" };
    const state = grantState(grant, todays[grant.host_site_code] ?? "");
    if (state === "revoked" || state === "ended") return { kind: "conflict" };
    if (!(await revokeGrant(trx, grant.id, actor.id, context.now.toISOString()))) return { kind: "conflict" };
    const audit = auditBy(trx, actor, context);
    await audit("staff_exchange.revoked", ["user", grant.user_id], {
      grantId: grant.id,
      hostSite: grant.host_site_code,
      from: grant.from_date,
      to: grant.to_date,
      wasInForce: state === "current",
    });
    return { kind: "revoked" };
  });
}

/** The grants this administrator's hosts hold, each with where it stands on its host's today. */
export async function exchangeGrants(db: Database, actor: SessionUser, now: Date): Promise<ExchangeGrant[]> {
  const todays = await todayBySite(db, now);
  const rows = await grantsAtHosts(db, exchangeHostsOf(actor), LIST_LIMIT);
  return rows.map((row) => toExchangeGrant(row, grantState(row, todays[row.host_site_code] ?? "")));
}

/** Whom an administrator may choose as a visitor: active coordinators and reviewers (their home site is shown). */
export async function exchangeCandidates(db: Database): Promise<ExchangeCandidate[]> {
  return (await activeSiteStaff(db)).map(toExchangeCandidate);
}

/** One grant for the revoke confirmation page, when this administrator may revoke it now; null otherwise (404). */
export async function revocableGrant(
  db: Database,
  actor: SessionUser,
  grantId: string,
  now: Date,
): Promise<RevocableGrant | null> {
  const grant = await findGrant(db, grantId);
  if (!grant || !exchangeHostsOf(actor).includes(grant.host_site_code)) return null;
  const state = grantState(grant, (await todayBySite(db, now))[grant.host_site_code] ?? "");
  if (state !== "current" && state !== "upcoming") return null;
  const visitor = await findUserById(db, grant.user_id);
  if (!visitor) return null;
  return toRevocableGrant(grant, state, {
    familyName: visitor.family_name,
    givenName: visitor.given_name,
    email: visitor.email,
    role: visitor.role,
    homeSiteCode: visitor.site_code,
  });
}

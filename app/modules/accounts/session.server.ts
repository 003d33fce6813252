import { cookieName, readCookie, serializeCookie } from "~/utils/cookies.server";
import { getDb, type Database } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { randomToken, sha256Hex } from "~/utils/tokens.server";
import {
  findLiveSessionWithUser,
  insertSession,
  revokeSession,
  revokeUserSessions,
  touchSession,
} from "./session.repository.server";

export type Role = "physician" | "coordinator" | "reviewer" | "admin" | "researcher";

export type SessionUser = {
  id: string;
  email: string;
  familyName: string;
  givenName: string;
  role: Role;
  siteCode: string | null;
  status: "pending" | "active" | "suspended" | "rejected";
  preferredLanguage: string;
  institution: string;
  country: string;
  sessionId: string;
};

const sessionCookie = () => cookieName("kq_session");
/**
 * Coordinators, reviewers and administrators see many patients' records: their sessions end after 15 minutes without
 * a request and 8 hours after sign-in, whichever comes first (ASVS 5.0 level 2; docs/decisions/0021-asvs-level-2.md).
 * Physicians keep the configured limits (SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS).
 */
export const STAFF_SESSION_LIMITS = { idleMinutes: 15, absoluteHours: 8 };

function sessionLimits(row: { role: string; last_seen_at: string; session_created_at: string; expires_at: string }) {
  const { SESSION_IDLE_MINUTES } = env();
  const staff = row.role !== "physician";
  const idleMinutes = staff ? Math.min(STAFF_SESSION_LIMITS.idleMinutes, SESSION_IDLE_MINUTES) : SESSION_IDLE_MINUTES;
  const absolute = new Date(row.expires_at).getTime();
  const staffAbsolute = new Date(row.session_created_at).getTime() + STAFF_SESSION_LIMITS.absoluteHours * 3_600_000;
  return {
    idleEnds: new Date(row.last_seen_at).getTime() + idleMinutes * 60_000,
    absoluteEnds: staff ? Math.min(absolute, staffAbsolute) : absolute,
  };
}

// Writing last_seen_at on every request would serialise reads behind writes; a minute's precision is enough.
const TOUCH_EVERY_MS = 60_000;

/** Opens a server-side session: the cookie holds a random token, the database only its hash. */
export async function openSession(db: Database, userId: string, now: Date, ip: string | null): Promise<string> {
  const token = randomToken();
  const { SESSION_ABSOLUTE_HOURS } = env();
  await insertSession(db, {
    id: sha256Hex(token),
    user_id: userId,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + SESSION_ABSOLUTE_HOURS * 3_600_000).toISOString(),
    ip,
  });
  return serializeCookie(sessionCookie(), token);
}

/** The id (token hash) of the session the request's cookie names, live or not; null without a cookie. */
export function sessionIdFrom(request: Request): string | null {
  const token = readCookie(request, sessionCookie());
  return token ? sha256Hex(token) : null;
}

export function clearSessionCookie(): string {
  return serializeCookie(sessionCookie(), "", { maxAgeSeconds: 0 });
}

/** The signed-in user, or null when there is no session or it has expired (idle or absolute). */
export async function getSessionUser(request: Request, now = new Date()): Promise<SessionUser | null> {
  const token = readCookie(request, sessionCookie());
  if (!token) return null;
  const db = await getDb();
  const row = await findLiveSessionWithUser(db, sha256Hex(token));
  if (!row) return null;
  const { idleEnds, absoluteEnds } = sessionLimits(row);
  // A suspended or rejected account's sessions were revoked when that happened; this is the second lock.
  const disabled = row.status === "suspended" || row.status === "rejected";
  if (disabled || now.getTime() > idleEnds || now.getTime() > absoluteEnds) {
    await revokeSession(db, row.session_id, now.toISOString());
    return null;
  }
  if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
    await touchSession(db, row.session_id, now.toISOString());
  }
  return { ...identityOf(row), sessionId: row.session_id };
}

type UserColumns = {
  id: string;
  email: string;
  family_name: string;
  given_name: string;
  role: string;
  site_code: string | null;
  status: string;
  preferred_language: string;
  institution: string;
  country: string;
};

/** Who a user row is, as every signed-in door (session cookie or API token) sees it. */
export function identityOf(row: UserColumns): Omit<SessionUser, "sessionId"> {
  return {
    id: row.id,
    email: row.email,
    familyName: row.family_name,
    givenName: row.given_name,
    role: row.role as Role,
    siteCode: row.site_code,
    status: row.status as SessionUser["status"],
    preferredLanguage: row.preferred_language,
    institution: row.institution,
    country: row.country,
  };
}

export async function endSession(user: SessionUser, now = new Date()) {
  await revokeSession(await getDb(), user.sessionId, now.toISOString());
}

export async function endAllSessions(userId: string, now = new Date()): Promise<number> {
  return revokeUserSessions(await getDb(), userId, now.toISOString());
}

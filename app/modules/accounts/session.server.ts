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
  const idleLimit = new Date(row.last_seen_at).getTime() + env().SESSION_IDLE_MINUTES * 60_000;
  // A suspended or rejected account's sessions were revoked when that happened; this is the second lock.
  const disabled = row.status === "suspended" || row.status === "rejected";
  if (disabled || now.getTime() > idleLimit || now.toISOString() > row.expires_at) {
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

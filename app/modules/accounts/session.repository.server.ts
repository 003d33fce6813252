import type { Database } from "~/utils/db.server";
import { findRow, updateRows } from "~/utils/db-rows.server";

export type SessionRow = {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
};

export async function insertSession(db: Database, row: Omit<SessionRow, "revoked_at"> & { ip: string | null }) {
  await db
    .insertInto("sessions")
    .values({ ...row, revoked_at: null })
    .execute();
}

/** What a signed-in visitor's account shows about them, whether they came with a session or an API token. */
export const signedInAccountColumns = [
  "users.id",
  "users.email",
  "users.family_name",
  "users.given_name",
  "users.role",
  "users.site_code",
  "users.status",
  "users.preferred_language",
  "users.institution",
  "users.country",
] as const;

export async function findLiveSessionWithUser(db: Database, sessionId: string) {
  return db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id as session_id",
      "sessions.created_at as session_created_at",
      "sessions.last_seen_at",
      "sessions.expires_at",
      ...signedInAccountColumns,
    ])
    .where("sessions.id", "=", sessionId)
    .where("sessions.revoked_at", "is", null)
    .executeTakeFirst();
}

export async function touchSession(db: Database, sessionId: string, at: string) {
  await updateRows(db, "sessions", { where: { id: sessionId }, set: { last_seen_at: at } });
}

export async function revokeSession(db: Database, sessionId: string, at: string) {
  await updateRows(db, "sessions", { where: { id: sessionId, revoked_at: null }, set: { revoked_at: at } });
}

/** Revokes every live session of a user; answers how many there were. */
export async function revokeUserSessions(db: Database, userId: string, at: string): Promise<number> {
  return updateRows(db, "sessions", { where: { user_id: userId, revoked_at: null }, set: { revoked_at: at } });
}

/** Revokes every live session of a user but one (the one that asked); answers how many there were. */
export async function revokeOtherUserSessions(
  db: Database,
  userId: string,
  keepSessionId: string,
  at: string,
): Promise<number> {
  const result = await db
    .updateTable("sessions")
    .set({ revoked_at: at })
    .where("user_id", "=", userId)
    .where("id", "!=", keepSessionId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The site the session's visitor chose to work for (staff exchange); null when they work for their home site. */
export async function workingSiteOfSession(db: Database, sessionId: string): Promise<string | null> {
  const session = await findRow(db, "sessions", { id: sessionId });
  return session?.working_site_code ?? null;
}

/** Records the choice; `expected` makes clearing a lapsed choice a no-op when another request changed it first. */
export async function setWorkingSiteOfSession(
  db: Database,
  sessionId: string,
  siteCode: string | null,
  expected?: string,
): Promise<void> {
  // Without `expected`, any choice is replaced.
  const where = expected === undefined ? { id: sessionId } : { id: sessionId, working_site_code: expected };
  await updateRows(db, "sessions", {
    where,
    set: { working_site_code: siteCode },
  });
}

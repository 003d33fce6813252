import type { Database } from "~/utils/db.server";

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

export async function findLiveSessionWithUser(db: Database, sessionId: string) {
  return db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id as session_id",
      "sessions.created_at as session_created_at",
      "sessions.last_seen_at",
      "sessions.expires_at",
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
    ])
    .where("sessions.id", "=", sessionId)
    .where("sessions.revoked_at", "is", null)
    .executeTakeFirst();
}

export async function touchSession(db: Database, sessionId: string, at: string) {
  await db.updateTable("sessions").set({ last_seen_at: at }).where("id", "=", sessionId).execute();
}

export async function revokeSession(db: Database, sessionId: string, at: string) {
  await db
    .updateTable("sessions")
    .set({ revoked_at: at })
    .where("id", "=", sessionId)
    .where("revoked_at", "is", null)
    .execute();
}

/** Revokes every live session of a user; answers how many there were. */
export async function revokeUserSessions(db: Database, userId: string, at: string): Promise<number> {
  const result = await db
    .updateTable("sessions")
    .set({ revoked_at: at })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
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
  const row = await db
    .selectFrom("sessions")
    .select("working_site_code")
    .where("id", "=", sessionId)
    .executeTakeFirst();
  return row?.working_site_code ?? null;
}

/** Records the choice; `expected` makes clearing a lapsed choice a no-op when another request changed it first. */
export async function setWorkingSiteOfSession(
  db: Database,
  sessionId: string,
  siteCode: string | null,
  expected?: string,
): Promise<void> {
  let query = db.updateTable("sessions").set({ working_site_code: siteCode }).where("id", "=", sessionId);
  if (expected !== undefined) query = query.where("working_site_code", "=", expected);
  await query.execute();
}

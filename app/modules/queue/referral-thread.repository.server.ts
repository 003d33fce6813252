import type { Insertable } from "kysely";
import type { Database } from "~/utils/db.server";
import { authorName, authorNameAndRole, postsWithAuthors } from "~/utils/db-posts.server";
import type { ReferralMessages, ReferralNotes } from "../../../db/types";

// The people of a site and the conversation around a referral: its staff, internal notes, messages and history.

/** The staff of a site who can hold a referral (active coordinators and reviewers). */
export async function siteStaff(db: Database, siteCode: string) {
  return db
    .selectFrom("users")
    .select(["id", "family_name", "given_name", "role"])
    .where("site_code", "=", siteCode)
    .where("role", "in", ["coordinator", "reviewer"])
    .where("status", "=", "active")
    .orderBy("family_name")
    .orderBy("given_name")
    .execute();
}

export async function usersByIds(db: Database, ids: string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom("users")
    .select(["id", "family_name", "given_name", "role", "email", "preferred_language", "site_code", "status"])
    .where("id", "in", ids)
    .execute();
}

// --- Notes and messages --------------------------------------------------------------------------------------------

export async function insertNote(db: Database, row: Insertable<ReferralNotes>) {
  await db.insertInto("referral_notes").values(row).execute();
}

export async function notesOf(db: Database, referralId: string) {
  return postsWithAuthors(db, "referral_notes", {
    thread: ["referral_id", referralId],
    post: ["id", "body", "created_at"],
    author: authorNameAndRole,
  });
}

export async function insertMessage(db: Database, row: Insertable<ReferralMessages>) {
  await db.insertInto("referral_messages").values(row).execute();
}

/** A message records the role its author wrote in (physician or staff), so only the author's name is read. */
export async function messagesOf(db: Database, referralId: string) {
  return postsWithAuthors(db, "referral_messages", {
    thread: ["referral_id", referralId],
    post: ["id", "body", "created_at", "author_role"],
    author: authorName,
  });
}

/** The history with each actor's name (the system has none). */
export async function eventsWithActors(db: Database, referralId: string) {
  return db
    .selectFrom("referral_events as e")
    .leftJoin("users as u", "u.id", "e.actor_user_id")
    .select([
      "e.id",
      "e.seq",
      "e.occurred_at",
      "e.actor_role",
      "e.action",
      "e.from_status",
      "e.to_status",
      "e.site_code",
      "e.reason_code",
      "e.note",
      "e.data",
      "u.family_name",
      "u.given_name",
    ])
    .where("e.referral_id", "=", referralId)
    .orderBy("e.seq", "asc")
    .execute();
}

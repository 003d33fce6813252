import type { Insertable } from "kysely";
import type { Database } from "~/utils/db.server";
import type { MailOutbox } from "../../../db/types";

// The mail outbox: written in the transaction of the change it reports, read by the sender after commit.

export async function insertMail(db: Database, row: Insertable<MailOutbox>) {
  await db.insertInto("mail_outbox").values(row).execute();
}

export async function dueMail(db: Database, nowIso: string, limit: number) {
  return db
    .selectFrom("mail_outbox")
    .selectAll()
    .where("status", "=", "pending")
    .where("next_attempt_at", "<=", nowIso)
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", nowIso)]))
    .orderBy("next_attempt_at")
    .limit(limit)
    .execute();
}

/** Takes a message for sending; false when another sender (another process) holds it. */
export async function claimMail(db: Database, id: string, nowIso: string, untilIso: string): Promise<boolean> {
  const result = await db
    .updateTable("mail_outbox")
    .set({ locked_until: untilIso })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", nowIso)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markMail(
  db: Database,
  id: string,
  patch: {
    status: string;
    attempts: number;
    next_attempt_at: string;
    sent_at: string | null;
    last_error: string | null;
  },
) {
  await db
    .updateTable("mail_outbox")
    .set({ ...patch, locked_until: null })
    .where("id", "=", id)
    .execute();
}

export async function mailFor(db: Database, referralId: string) {
  return db.selectFrom("mail_outbox").selectAll().where("referral_id", "=", referralId).orderBy("created_at").execute();
}

import fs from "node:fs";
import path from "node:path";
import { purgeCase } from "~/domain/retention/purge-case";
import { attachmentsRoot } from "~/modules/intake/attachments.service.server";
import type { Database } from "~/utils/db.server";

// Privacy rule 5 (docs/decisions/0025-retention-purge.md): a referral closed, declined or withdrawn longer ago than the
// retention period loses its personal fields, free text and files; its anonymous statistics stay. One transaction per
// referral, so a failure leaves each referral either whole or purged; files go after their referral's commit (a file
// left behind by a crash between the two stays: a known gap, ADR 0025).

const ENDED_STATUSES = ["closed", "declined", "withdrawn"] as const;

export type PurgeCounts = { referralsPurged: number; attachmentFilesRemoved: number };

async function purgeOne(db: Database, referralId: string, caseJson: string, at: string): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const files = await trx
      .selectFrom("attachments")
      .select("storage_key")
      .where("referral_id", "=", referralId)
      .execute();
    // The update trigger of migration 0007 rebuilds the name-search keys from the emptied columns: none remain.
    await trx
      .updateTable("referrals")
      .set({
        case_json: JSON.stringify(purgeCase(JSON.parse(caseJson))),
        patient_family_name: null,
        patient_given_name: null,
        patient_latin_name: null,
        patient_birth_date: null,
        purged_at: at,
      })
      .where("id", "=", referralId)
      .execute();
    await trx.deleteFrom("referral_search_keys").where("referral_id", "=", referralId).execute();
    await trx
      .updateTable("attachments")
      .set({ file_name: "", sha256: "" })
      .where("referral_id", "=", referralId)
      .execute();
    await trx
      .updateTable("attachments")
      .set({ removed_at: at })
      .where("referral_id", "=", referralId)
      .where("removed_at", "is", null)
      .execute();
    await trx.updateTable("referral_notes").set({ body: "" }).where("referral_id", "=", referralId).execute();
    await trx.updateTable("referral_messages").set({ body: "" }).where("referral_id", "=", referralId).execute();
    await trx.updateTable("referral_events").set({ note: null }).where("referral_id", "=", referralId).execute();
    const jointReviews = trx.selectFrom("joint_reviews").select("id").where("referral_id", "=", referralId);
    await trx.updateTable("joint_messages").set({ body: "" }).where("joint_review_id", "in", jointReviews).execute();
    await trx.updateTable("joint_reviews").set({ question: "" }).where("referral_id", "=", referralId).execute();
    // The outbox is a transport queue, not a record: its copies of what was sent (to the patient's address too) go.
    for (const table of [
      "mail_outbox",
      "status_sessions",
      "patient_notification_tokens",
      "patient_notification_stops",
    ] as const) {
      await trx.deleteFrom(table).where("referral_id", "=", referralId).execute();
    }
    return files.map((file) => file.storage_key);
  });
}

async function removeFile(storageKey: string): Promise<boolean> {
  const filePath = path.join(attachmentsRoot(), storageKey);
  if (!fs.existsSync(filePath)) return false;
  await fs.promises.rm(filePath, { force: true });
  return true;
}

/** Purges every ended referral whose last status change is older than `retentionDays` before `now`. */
export async function purgeEndedReferrals(db: Database, now: Date, retentionDays: number): Promise<PurgeCounts> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const due = await db
    .selectFrom("referrals")
    .select(["id", "case_json"])
    .where("status", "in", ENDED_STATUSES)
    .where("status_changed_at", "<", cutoff)
    .where("purged_at", "is", null)
    .execute();
  const counts: PurgeCounts = { referralsPurged: 0, attachmentFilesRemoved: 0 };
  for (const referral of due) {
    const storageKeys = await purgeOne(db, referral.id, referral.case_json, now.toISOString());
    counts.referralsPurged += 1;
    for (const key of storageKeys) if (await removeFile(key)) counts.attachmentFilesRemoved += 1;
  }
  return counts;
}

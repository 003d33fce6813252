import { type Insertable, type Selectable } from "kysely";
import type { Database } from "~/utils/db.server";
import { countRows, deleteRows, findRow, rowsWhere, updateRows } from "~/utils/db-rows.server";
import type { Attachments, Referrals } from "../../../db/types";
import { insertionOrder } from "../../../db/dialect";

export type AttachmentRow = Selectable<Attachments>;

// Drafts are rows of the core's `referrals` table with status "draft" and no reference code; their case_json is the
// partial case typed so far. Every write below names status = 'draft', so a submitted referral is never touched here.

type DraftColumns = Pick<
  Insertable<Referrals>,
  | "patient_family_name"
  | "patient_given_name"
  | "patient_latin_name"
  | "patient_birth_date"
  | "patient_language"
  | "indication"
>;

/** What a new draft starts with; a draft made again from an earlier referral also names it and the patient. */
export type NewDraft = Pick<Insertable<Referrals>, "id" | "physician_id" | "case_json" | "created_at"> &
  Partial<Pick<Insertable<Referrals>, "previous_referral_id" | "urgency" | keyof DraftColumns>>;

/** A new draft: status draft, no reference code and no site yet. */
export async function insertDraft(db: Database, row: NewDraft): Promise<void> {
  await db
    .insertInto("referrals")
    .values({
      ...row,
      status: "draft",
      reference_code: null,
      site_code: null,
      updated_at: row.created_at,
      status_changed_at: row.created_at,
    })
    .execute();
}

/** Saves a draft's partial case; false when the row is no longer a draft. */
export async function updateDraft(
  db: Database,
  id: string,
  caseJson: string,
  columns: DraftColumns & { urgency?: string },
  at: string,
): Promise<boolean> {
  const saved = await updateRows(db, "referrals", {
    where: { id, status: "draft" },
    set: { case_json: caseJson, ...columns, updated_at: at },
  });
  return saved === 1;
}

/** Deletes a draft with its history and file records (call inside a transaction); false when it is not a draft. */
export async function deleteDraft(db: Database, id: string): Promise<boolean> {
  if ((await countRows(db, "referrals", { id, status: "draft" })) === 0) return false;
  await deleteRows(db, "attachments", { referral_id: id });
  await deleteRows(db, "referral_events", { referral_id: id });
  await deleteRows(db, "referral_screens", { referral_id: id });
  await deleteRows(db, "referrals", { id, status: "draft" });
  return true;
}

/** A physician's referrals and drafts, most recently changed first. */
export async function referralsOfPhysician(db: Database, physicianId: string) {
  return db
    .selectFrom("referrals")
    .select([
      "id",
      "reference_code",
      "status",
      "site_code",
      "patient_family_name",
      "patient_given_name",
      "indication",
      "urgency",
      "screen_outcome",
      "created_at",
      "updated_at",
      "status_changed_at",
      "submitted_at",
    ])
    .where("physician_id", "=", physicianId)
    .orderBy("updated_at", "desc")
    .orderBy("id")
    .limit(500)
    .execute();
}

export async function insertAttachment(db: Database, row: Insertable<Attachments>) {
  await db.insertInto("attachments").values(row).execute();
}

/** A referral's files in the order they arrived (removed ones left out). */
export async function attachmentsOf(db: Database, referralId: string) {
  return rowsWhere(db, "attachments", { referral_id: referralId, removed_at: null })
    .orderBy("uploaded_at")
    .orderBy(insertionOrder(db))
    .execute();
}

export async function findAttachment(db: Database, referralId: string, attachmentId: string) {
  return findRow(db, "attachments", { id: attachmentId, referral_id: referralId, removed_at: null });
}

export async function markAttachmentRemoved(db: Database, attachmentId: string, at: string) {
  await updateRows(db, "attachments", { where: { id: attachmentId }, set: { removed_at: at } });
}

/** Bytes a referral's files take together, for its size limit. */
export async function bytesUsed(db: Database, referralId: string): Promise<number> {
  const row = await db
    .selectFrom("attachments")
    .select((eb) => eb.fn.sum<number>("size_bytes").as("total"))
    .where("referral_id", "=", referralId)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

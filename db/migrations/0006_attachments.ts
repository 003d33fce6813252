import type { Kysely } from "kysely";

// Frozen once landed: add a new numbered migration instead of editing this one.
//
// The files of a referral (letters, reports, DICOM, laboratory results). The bytes live outside the database under
// ${DATA_DIR}/attachments/, named by their id; this table holds what the portal knows about them: the kind the
// physician gave, the name it came with, the media type found from its content, its size and SHA-256, who added it.
// A file removed from a draft keeps its row with removed_at (the audit log names it), its bytes are deleted.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("attachments")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("referral_id", "text", (c) => c.notNull().references("referrals.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("media_type", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    // Relative to ${DATA_DIR}/attachments: the database never holds an absolute path of one machine.
    .addColumn("storage_key", "text", (c) => c.notNull().unique())
    .addColumn("uploaded_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("uploaded_at", "text", (c) => c.notNull())
    .addColumn("removed_at", "text")
    .execute();
  await db.schema
    .createIndex("attachments_referral_idx")
    .on("attachments")
    .columns(["referral_id", "uploaded_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("attachments").execute();
}

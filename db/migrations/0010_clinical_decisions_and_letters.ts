import { sql, type Kysely } from "kysely";
import { isPostgres } from "../dialect";

// PostgreSQL's words for "this table is append-only" (added with the PostgreSQL engine, ADR 0027).
async function appendOnlyPostgres(db: Kysely<unknown>, table: "clinical_decisions" | "decision_letters") {
  await sql`create trigger ${sql.raw(`${table}_no_update`)} before update on ${sql.table(table)}
    for each row execute function append_only_table()`.execute(db);
}

// Frozen once landed. The reviewer's clinical decision record, the decision letters to referring physicians, the
// link from a referral made again to the one it follows, and the sites' clinical sign-off setting
// (docs/decisions/0012-clinical-decision-and-letter.md).
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db))
    await sql`create function append_only_table() returns trigger language plpgsql as $$
      begin raise exception '% is append-only', TG_TABLE_NAME; end $$`.execute(db);
  // One row per recording: a reviewer who changes their mind records again, and the newest row of the site counts.
  // Never updated, so what a coordinator acted on stays readable.
  await db.schema
    .createTable("clinical_decisions")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("referral_id", "text", (c) => c.notNull().references("referrals.id"))
    // The site the reviewer belongs to: after a redirect the receiving site decides afresh.
    .addColumn("site_code", "text", (c) => c.notNull().references("sites.code"))
    .addColumn("reviewer_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("recommendation", "text", (c) => c.notNull()) // accept | decline | redirect | more_info
    // A decline's or redirect's reason code (queue.schema's lists): what the coordinator's action then starts from.
    .addColumn("reason_code", "text")
    .addColumn("rationale", "text", (c) => c.notNull())
    .addColumn("approach", "text") // where accepted: carbon_ion | workup_first | other_radiotherapy
    .addColumn("approach_detail", "text") // dose / fractionation intent, free text
    .addColumn("alternatives", "text") // what the reviewer suggests instead, for the letter
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("clinical_decisions_referral_idx")
    .on("clinical_decisions")
    .columns(["referral_id", "site_code", "recorded_at"])
    .execute();
  if (isPostgres(db)) await appendOnlyPostgres(db, "clinical_decisions");
  else
    await sql`create trigger clinical_decisions_no_update before update on clinical_decisions
    begin select raise(abort, 'clinical_decisions is append-only'); end`.execute(db);

  // The facts of each letter are kept as issued (decision, reasons, the clinical record it used, the language), so the
  // letter reads the same whenever it is opened; its words come from locales/ in the stored language.
  await db.schema
    .createTable("decision_letters")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("referral_id", "text", (c) => c.notNull().references("referrals.id"))
    .addColumn("site_code", "text", (c) => c.notNull().references("sites.code")) // the site that decided and writes
    .addColumn("decision", "text", (c) => c.notNull()) // accepted | declined | redirected
    .addColumn("language", "text", (c) => c.notNull()) // the physician's account language when it was issued
    .addColumn("reason_code", "text")
    .addColumn("note", "text") // the coordinator's text to the physician
    .addColumn("target_site", "text") // a redirect's receiving site
    .addColumn("clinical_decision_id", "text", (c) => c.references("clinical_decisions.id"))
    .addColumn("issued_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("issued_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("decision_letters_referral_idx")
    .on("decision_letters")
    .columns(["referral_id", "issued_at"])
    .execute();
  if (isPostgres(db)) await appendOnlyPostgres(db, "decision_letters");
  else
    await sql`create trigger decision_letters_no_update before update on decision_letters
    begin select raise(abort, 'decision_letters is append-only'); end`.execute(db);

  // A referral made again after a decline names the one it follows.
  await db.schema
    .alterTable("referrals")
    .addColumn("previous_referral_id", "text", (c) => c.references("referrals.id"))
    .execute();
  await db.schema.createIndex("referrals_previous_idx").on("referrals").columns(["previous_referral_id"]).execute();

  // On by default: accepting or declining waits for a reviewer's clinical decision unless a site turns it off.
  await db.schema
    .alterTable("site_config_versions")
    .addColumn("clinical_signoff_required", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("site_config_versions").dropColumn("clinical_signoff_required").execute();
  await db.schema.dropIndex("referrals_previous_idx").execute();
  await db.schema.alterTable("referrals").dropColumn("previous_referral_id").execute();
  const on = (table: string) => (isPostgres(db) ? sql` on ${sql.table(table)}` : sql``);
  await sql`drop trigger decision_letters_no_update${on("decision_letters")}`.execute(db);
  await db.schema.dropTable("decision_letters").execute();
  await sql`drop trigger clinical_decisions_no_update${on("clinical_decisions")}`.execute(db);
  await db.schema.dropTable("clinical_decisions").execute();
  if (isPostgres(db)) await sql`drop function append_only_table()`.execute(db);
}

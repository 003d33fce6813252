import { sql, type Kysely } from "kysely";
import { isPostgres } from "../dialect";

// Frozen once landed. The staff side of a referral (docs/decisions/0009-site-queue.md): saved queue views, internal
// notes, messages with the physician, the mail outbox, name-search keys, and the indexes that keep the site queue
// fast at a million referrals.
//
// The queue sorts by expressions, and SQLite uses an expression index only when the query repeats the expression
// exactly: app/modules/queue/queue.repository.server.ts holds the same three texts (a test checks the query plan).
// Frozen as migrated; app/domain/workflow/queue-tabs.test.ts checks it against the domain's status → tab mapping.
export const TAB = `CASE WHEN status IN ('submitted', 'triage', 'redirected') THEN 'triage' WHEN status = 'in_review' THEN 'in_review' WHEN status = 'info_requested' THEN 'info_requested' WHEN status = 'accepted' THEN 'accepted' WHEN status = 'consultation_scheduled' THEN 'scheduled' WHEN status IN ('declined', 'withdrawn', 'closed') THEN 'closed' END`;
const URGENCY_RANK = `CASE WHEN urgency = 'urgent' THEN 0 ELSE 1 END`;
const DUE = `COALESCE(clock_due_on, '9999-12-31')`;

// Name-search keys: lower-case (ASCII), no spaces, in every order a person might type a name.
const norm = (expr: string) => `lower(replace(replace(${expr}, ' ', ''), '　', ''))`;
const keysOf = (row: string) => `
  SELECT ${row}.id, COALESCE(${row}.site_code, ''), k FROM (
    SELECT ${norm(`${row}.patient_family_name || ${row}.patient_given_name`)} AS k
    UNION SELECT ${norm(`${row}.patient_given_name || ${row}.patient_family_name`)}
    UNION SELECT ${norm(`${row}.patient_given_name`)}
    UNION SELECT ${norm(`json_extract(${row}.case_json, '$.patient.familyNameLatin') || json_extract(${row}.case_json, '$.patient.givenNameLatin')`)}
    UNION SELECT ${norm(`json_extract(${row}.case_json, '$.patient.givenNameLatin') || json_extract(${row}.case_json, '$.patient.familyNameLatin')`)}
    UNION SELECT ${norm(`json_extract(${row}.case_json, '$.patient.givenNameLatin')`)}
    UNION SELECT ${norm(`${row}.patient_latin_name`)}
    UNION SELECT ${norm(`json_extract(${row}.case_json, '$.patient.nameReading')`)}
  ) WHERE k IS NOT NULL AND k <> ''`;

// The same keys in PostgreSQL's words (added with the PostgreSQL engine, docs/decisions/0027-postgresql.md): jsonb
// paths for json_extract, a named subquery, and one trigger function for insert and update.
const pgJson = (row: string, key: string) => `(${row}.case_json::jsonb #>> '{patient,${key}}')`;
const keysOfPostgres = (row: string) => `
  SELECT ${row}.id, COALESCE(${row}.site_code, ''), k FROM (
    SELECT ${norm(`${row}.patient_family_name || ${row}.patient_given_name`)} AS k
    UNION SELECT ${norm(`${row}.patient_given_name || ${row}.patient_family_name`)}
    UNION SELECT ${norm(`${row}.patient_given_name`)}
    UNION SELECT ${norm(`${pgJson(row, "familyNameLatin")} || ${pgJson(row, "givenNameLatin")}`)}
    UNION SELECT ${norm(`${pgJson(row, "givenNameLatin")} || ${pgJson(row, "familyNameLatin")}`)}
    UNION SELECT ${norm(pgJson(row, "givenNameLatin"))}
    UNION SELECT ${norm(`${row}.patient_latin_name`)}
    UNION SELECT ${norm(pgJson(row, "nameReading"))}
  ) AS keys WHERE k IS NOT NULL AND k <> ''`;

async function createSearchKeyTriggersPostgres(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `CREATE FUNCTION referral_search_keys_refresh() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        IF TG_OP = 'UPDATE' THEN DELETE FROM referral_search_keys WHERE referral_id = OLD.id; END IF;
        INSERT INTO referral_search_keys (referral_id, site_code, key) ${keysOfPostgres("NEW")} ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`,
    )
    .execute(db);
  await sql`CREATE TRIGGER referral_search_keys_insert AFTER INSERT ON referrals
    FOR EACH ROW EXECUTE FUNCTION referral_search_keys_refresh()`.execute(db);
  await sql`CREATE TRIGGER referral_search_keys_update AFTER UPDATE OF patient_family_name, patient_given_name, patient_latin_name, site_code, case_json ON referrals
    FOR EACH ROW EXECUTE FUNCTION referral_search_keys_refresh()`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("queue_views")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("name", "text", (c) => c.notNull())
    // The queue's own query string (tab, filters, search), never a cursor.
    .addColumn("query", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("queue_views_user_name", ["user_id", "name"])
    .execute();

  // Staff-only notes: never shown to the physician or the patient.
  await db.schema
    .createTable("referral_notes")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("referral_id", "text", (c) => c.notNull().references("referrals.id"))
    .addColumn("author_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("referral_notes_referral_idx")
    .on("referral_notes")
    .columns(["referral_id", "created_at"])
    .execute();

  // Messages between the site's staff and the referring physician (both see them).
  await db.schema
    .createTable("referral_messages")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("referral_id", "text", (c) => c.notNull().references("referrals.id"))
    .addColumn("author_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("author_role", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("referral_messages_referral_idx")
    .on("referral_messages")
    .columns(["referral_id", "created_at"])
    .execute();

  // Mail written in the same transaction as the change it reports, sent after commit, retried until it goes.
  await db.schema
    .createTable("mail_outbox")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("referral_id", "text", (c) => c.references("referrals.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body_text", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // pending | sent | failed
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("locked_until", "text")
    .addColumn("sent_at", "text")
    .addColumn("last_error", "text") // an error code only, never content
    .execute();
  await db.schema.createIndex("mail_outbox_due_idx").on("mail_outbox").columns(["status", "next_attempt_at"]).execute();

  // The queue: open tabs sort by urgency then due date; decided tabs by the latest change. Keyset pages walk these.
  // The trailing columns are the queue's filters: SQLite tests them on the index entry and reads the table row
  // only for entries that pass, so a filtered page or count does not fetch every referral of a tab.
  const filters = "indication, screen_outcome, urgency, assignee_id, clock_used_days";
  await sql
    .raw(
      `CREATE INDEX referrals_queue_open_idx ON referrals (site_code, (${TAB}), (${URGENCY_RANK}), (${DUE}), id, ${filters})`,
    )
    .execute(db);
  await sql
    .raw(`CREATE INDEX referrals_queue_done_idx ON referrals (site_code, (${TAB}), status_changed_at, id, ${filters})`)
    .execute(db);
  // The dashboard reads the decisions of a period from the history.
  await db.schema
    .createIndex("referral_events_action_idx")
    .on("referral_events")
    .columns(["action", "occurred_at"])
    .execute();

  const searchKeys = db.schema
    .createTable("referral_search_keys")
    .addColumn("site_code", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("referral_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("referral_search_keys_pk", ["site_code", "key", "referral_id"]);
  // A PostgreSQL table is a heap with its primary key beside it: "without rowid" is SQLite's clustering only.
  await (isPostgres(db) ? searchKeys : searchKeys.modifyEnd(sql`without rowid`)).execute();
  await db.schema
    .createIndex("referral_search_keys_referral_idx")
    .on("referral_search_keys")
    .column("referral_id")
    .execute();
  // Triggers, so every path that writes a referral (submission, drafts, redirects, purges) keeps the keys right.
  if (isPostgres(db)) await createSearchKeyTriggersPostgres(db);
  else await createSearchKeyTriggersSqlite(db);
  // Referrals written before this migration: naming site_code in an UPDATE fires the update trigger for each row.
  await sql`UPDATE referrals SET site_code = site_code`.execute(db);
}

async function createSearchKeyTriggersSqlite(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `CREATE TRIGGER referral_search_keys_insert AFTER INSERT ON referrals BEGIN
        INSERT OR IGNORE INTO referral_search_keys (referral_id, site_code, key) ${keysOf("NEW")};
      END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER referral_search_keys_update AFTER UPDATE OF patient_family_name, patient_given_name, patient_latin_name, site_code, case_json ON referrals BEGIN
        DELETE FROM referral_search_keys WHERE referral_id = OLD.id;
        INSERT OR IGNORE INTO referral_search_keys (referral_id, site_code, key) ${keysOf("NEW")};
      END`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`DROP TRIGGER referral_search_keys_update ON referrals`.execute(db);
    await sql`DROP TRIGGER referral_search_keys_insert ON referrals`.execute(db);
    await sql`DROP FUNCTION referral_search_keys_refresh()`.execute(db);
  } else {
    await sql`DROP TRIGGER referral_search_keys_update`.execute(db);
    await sql`DROP TRIGGER referral_search_keys_insert`.execute(db);
  }
  await db.schema.dropTable("referral_search_keys").execute();
  for (const index of ["referral_events_action_idx", "referrals_queue_done_idx", "referrals_queue_open_idx"])
    await db.schema.dropIndex(index).execute();
  for (const table of ["mail_outbox", "referral_messages", "referral_notes", "queue_views"])
    await db.schema.dropTable(table).execute();
}

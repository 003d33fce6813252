import type { Kysely } from "kysely";

// Frozen once landed. Privacy rule 5 (docs/decisions/0025-retention-purge.md): a referral closed, declined or withdrawn
// is kept for REFERRAL_RETENTION_DAYS, then its personal fields and files are purged and its anonymous statistics kept.
// `purged_at` says when, so the pages can say so and the job never takes the same referral twice.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("referrals").addColumn("purged_at", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("referrals").dropColumn("purged_at").execute();
}

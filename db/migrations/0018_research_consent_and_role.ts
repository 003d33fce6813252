import { sql, type Kysely } from "kysely";
import { isPostgres } from "../dialect";

// Frozen once landed. Research use (issue #11; docs/decisions/0022-fhir-and-research-export.md).
// The consent item lives in the case (`consent.research`), as the other consents do: a referral stored before it has
// no such item and so counts as not consented, with no rewrite of stored cases. The research export reads the
// consented, submitted referrals; this partial expression index answers that question without reading every case.
// The `researcher` role needs no schema change: users.role is free text checked by the application.
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    // The same index on PostgreSQL (ADR 0027): the expression app/modules/research asks with, jsonb's `#>`.
    await sql`create index referrals_research_consent_idx on referrals (((case_json::jsonb) #> '{consent,research}')) where reference_code is not null`.execute(
      db,
    );
    return;
  }
  await sql`create index referrals_research_consent_idx on referrals (json_extract(case_json, '$.consent.research')) where reference_code is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists referrals_research_consent_idx`.execute(db);
}

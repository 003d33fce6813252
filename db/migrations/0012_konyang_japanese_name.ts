import type { Kysely } from "kysely";
import { sql } from "kysely";

// Frozen once landed. Konyang's name in Japanese is 建陽大学校病院 (the clinical review of kq-2026-12, wording fixes):
// 大学校 is part of the university's name, as in Korean (건양대학교).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE sites SET name_ja = ${"建陽大学校病院"} WHERE code = ${"konyang"}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE sites SET name_ja = ${"建陽大学病院"} WHERE code = ${"konyang"}`.execute(db);
}

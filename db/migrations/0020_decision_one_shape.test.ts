import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { toDecisionJson } from "~/domain/screen";
import { toReferral } from "~/modules/referrals/referral.mapper.server";
import { findReferral } from "~/modules/referrals/referrals.repository.server";
import { openDatabase } from "~/utils/db.server";
import { submittedReferral } from "../../tests/factories/status-lookup";
import { migrateToLatest } from "../migrate";
import { screenCase } from "~/modules/screening/screening.service.server";
import { sharedCase } from "../../tests/factories/referrals";

const now = new Date("2026-12-06T03:00:00Z");

describe("migration 0020: the decision is stored in the contract's shape only", () => {
  it("rewrites referrals and screens stored with the full decision, and the mapper then reads them", async () => {
    const db = openDatabase(`${process.env.DATA_DIR}/decision-shape-${crypto.randomUUID()}.sqlite`);
    await migrateToLatest(db);
    const { id } = await submittedReferral(db, { now });
    // The shape written before 0020: the whole in-memory decision, each criterion with its fields and source.
    const full = (await screenCase(db, sharedCase("prostate-localised-kr"))).decision;
    expect(full.criteria.some((c) => c.fields.length > 0)).toBe(true);
    await db
      .updateTable("referrals")
      .set({ decision_json: JSON.stringify(full) })
      .where("id", "=", id)
      .execute();
    await db
      .updateTable("referral_screens")
      .set({ decision_json: JSON.stringify(full) })
      .where("referral_id", "=", id)
      .execute();
    const old = await findReferral(db, id);
    expect(JSON.parse(old!.decision_json!).criteria[0].fields).toBeDefined();

    // Run 0020 again through the registry, as on a database that had not taken it yet.
    await sql`delete from kysely_migration where name = '0020_decision_one_shape'`.execute(db);
    expect(await migrateToLatest(db)).toEqual(["0020_decision_one_shape"]);

    const expected = toDecisionJson(full);
    const row = await findReferral(db, id);
    expect(JSON.parse(row!.decision_json!)).toEqual(expected);
    const screens = await db
      .selectFrom("referral_screens")
      .select("decision_json")
      .where("referral_id", "=", id)
      .execute();
    for (const s of screens) expect(JSON.parse(s.decision_json)).toEqual(expected);
    expect(toReferral(row!).decision).toEqual(expected);
    await db.destroy();
  });

  it("leaves a decision already in the contract's shape as it was", async () => {
    const db = openDatabase(`${process.env.DATA_DIR}/decision-shape-${crypto.randomUUID()}.sqlite`);
    await migrateToLatest(db);
    const { id } = await submittedReferral(db, { now });
    const before = (await findReferral(db, id))!.decision_json;
    // Submitting now writes the contract's shape: no criterion carries the screen's internal fields.
    const criteria = JSON.parse(before!).criteria as Record<string, unknown>[];
    expect(criteria.length).toBeGreaterThan(0);
    expect(criteria.filter((c) => "fields" in c || "source" in c || "cap" in c)).toEqual([]);
    await sql`delete from kysely_migration where name = '0020_decision_one_shape'`.execute(db);
    await migrateToLatest(db);
    expect((await findReferral(db, id))!.decision_json).toBe(before);
    await db.destroy();
  });
});

import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "~/utils/db.server";
import { migrateToLatest } from "../../../db/migrate";
import { seedDemoDataIfEmpty } from "../../../db/seed";
import { decisionFrom, toReferral } from "./referral.mapper.server";

describe("the referral mapper", () => {
  it("reads every demo referral: the case through the case schema, the decision in the contract's shape", async () => {
    const db = openDatabase(path.join(process.env.DATA_DIR!, "mapper.sqlite"));
    await migrateToLatest(db);
    await seedDemoDataIfEmpty(db, new Date("2026-12-07T03:00:00Z"));
    const rows = await db.selectFrom("referrals").selectAll().execute();
    const referrals = rows.map(toReferral);
    const submitted = referrals.filter((r) => r.status !== "draft");
    expect(submitted.length).toBeGreaterThan(50);
    for (const r of submitted) {
      expect(r.case?.patient.familyName).toBe(r.patient.familyName);
      expect(r.decision?.outcome).toBe(r.screenOutcome);
      expect(r.referenceCode).toMatch(/^KQ-/);
    }
    const drafts = referrals.filter((r) => r.status === "draft");
    expect(drafts.length).toBeGreaterThan(0);
    for (const d of drafts) {
      expect(d.case).toBeNull();
      expect(d.decision).toBeNull();
    }
    const booked = referrals.find((r) => r.status === "consultation_scheduled");
    expect(booked?.consultation?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await db.destroy();
  });

  it("reads a decision that is not in the contract's shape as none, rather than guessing", () => {
    expect(decisionFrom(null)).toBeNull();
    expect(decisionFrom("not json")).toBeNull();
    expect(decisionFrom(JSON.stringify({ outcome: "likely_eligible" }))).toBeNull();
  });
});

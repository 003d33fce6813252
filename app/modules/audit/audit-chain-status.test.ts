import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/factories/fresh-database";
import { auditChainStatus, FULL_CHECK_MS } from "./audit-log.service.server";
import { recordAudit } from "./audit.service.server";

const freshDb = () => freshDatabase("audit-chain");

const record = (db: Awaited<ReturnType<typeof freshDb>>, n: number) =>
  recordAudit(db, {
    actor: { id: "u1", role: "admin" },
    action: "referral.viewed",
    subjectType: "test",
    subjectId: `s${n}`,
    at: new Date("2026-12-06T00:00:00Z"),
  });

const start = Date.parse("2026-12-06T09:00:00Z");

/** A fresh database whose audit events can be edited (the guard trigger dropped), holding events 1 to `count`. */
async function editableChain(count: number) {
  const db = await freshDb();
  await sql`drop trigger audit_events_no_update`.execute(db);
  for (let n = 1; n <= count; n++) await record(db, n);
  return db;
}

/** Rewrites event `seq`'s detail behind the portal's back. */
const forge = (db: Awaited<ReturnType<typeof freshDb>>, seq: number) =>
  sql`update audit_events set detail = '{"forged":true}' where seq = ${seq}`.execute(db);

describe("the audit page's chain status", () => {
  it("finds at once an edit to an event added since the last visit, and keeps saying so", async () => {
    const db = await editableChain(3);
    expect(await auditChainStatus(db, start)).toEqual({ events: 3, brokenAt: null });

    // Events added since the last visit are checked at once.
    for (let n = 4; n <= 6; n++) await record(db, n);
    await forge(db, 5);
    expect(await auditChainStatus(db, start + 1_000)).toEqual({ events: 6, brokenAt: 5 });

    // Once broken, every visit checks the whole chain again and keeps saying so.
    expect(await auditChainStatus(db, start + 2_000)).toEqual({ events: 6, brokenAt: 5 });
    await db.destroy();
  });

  it("shows an edit to an already checked event within the whole-check interval", async () => {
    const db = await editableChain(4);
    expect((await auditChainStatus(db, start)).brokenAt).toBeNull();
    await forge(db, 2);
    await record(db, 5);
    expect((await auditChainStatus(db, start + FULL_CHECK_MS)).brokenAt).toBe(2);
    await db.destroy();
  });

  it("checks the whole chain again when the last checked event has changed", async () => {
    const db = await editableChain(3);
    expect((await auditChainStatus(db, start)).brokenAt).toBeNull();
    await forge(db, 3);
    expect((await auditChainStatus(db, start + 1_000)).brokenAt).toBe(3);
    await db.destroy();
  });
});

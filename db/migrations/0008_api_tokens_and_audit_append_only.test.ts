import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { recordAudit, verifyAuditChain } from "~/modules/audit/audit.service.server";
import { getDb } from "~/utils/db.server";

describe("migration 0008: the audit log is append-only in the database", () => {
  it("refuses to update or delete an audit event, whoever asks, and keeps the chain intact", async () => {
    const db = await getDb();
    const at = new Date("2026-11-26T00:00:00Z");
    for (const action of ["account.approved", "account.suspended"]) {
      await recordAudit(db, { actor: { id: "u1", role: "admin" }, action, subjectType: "user", subjectId: "u2", at });
    }
    await expect(sql`update audit_events set detail = '{"forged":true}' where seq = 1`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(db.updateTable("audit_events").set({ ip: "10.0.0.1" }).execute()).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events where seq = 2`.execute(db)).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom("audit_events").execute()).rejects.toThrow(/append-only/);
    const rows = await db.selectFrom("audit_events").selectAll().orderBy("seq").execute();
    expect(rows.map((r) => [r.seq, r.action, r.ip, r.detail])).toEqual([
      [1, "account.approved", null, "{}"],
      [2, "account.suspended", null, "{}"],
    ]);
    expect(await verifyAuditChain(db)).toBeNull();
    // Appending goes on as before.
    await recordAudit(db, { actor: null, action: "account.sign_in_failed", subjectType: "user", subjectId: "u2", at });
    expect(await verifyAuditChain(db)).toBeNull();
  });

  it("fails the whole change when its audit record cannot be written, so no change goes unrecorded", async () => {
    const db = await getDb();
    await recordAudit(db, { actor: null, action: "first", subjectType: "test", subjectId: null, at: new Date() });
    const before = await db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    // A transaction that changes something and then tries to rewrite history is rolled back as a whole.
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`insert into users (id, email, password_hash, family_name, given_name, role, institution, country, preferred_language, status, created_at)
          values ('x', 'x@example.test', 'h', '김', '민준', 'physician', 'H', 'KR', 'ko', 'active', '2026-11-26')`.execute(
          trx,
        );
        await sql`delete from audit_events`.execute(trx);
      }),
    ).rejects.toThrow(/append-only/);
    const after = await db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

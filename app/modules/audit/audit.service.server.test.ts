import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { auditEventsFor } from "./audit.repository.server";
import { recordAudit, verifyAuditChain } from "./audit.service.server";
import { allowAuditEdits } from "../../../tests/factories/tamper";

describe("audit log", () => {
  it("chains events and detects a silent edit", async () => {
    const db = await getDb();
    const at = new Date("2026-11-26T00:00:00Z");
    for (const action of ["site.config.changed", "account.approved", "account.suspended"]) {
      await recordAudit(db, {
        actor: { id: "u1", role: "admin" },
        action,
        subjectType: "test",
        subjectId: "s1",
        detail: { n: action },
        at,
      });
    }
    expect(await verifyAuditChain(db)).toBeNull();
    expect((await auditEventsFor(db, "test", "s1")).map((e) => e.action)).toEqual([
      "site.config.changed",
      "account.approved",
      "account.suspended",
    ]);

    // The database refuses edits (migration 0008); someone holding the file can still drop the trigger first.
    await allowAuditEdits(db);
    await sql`update audit_events set detail = '{"n":"forged"}' where seq = 2`.execute(db);
    expect(await verifyAuditChain(db)).toEqual({ seq: 2 });
  });
});

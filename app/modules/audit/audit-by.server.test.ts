import { describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/factories/fresh-database";
import { auditEventsInOrder } from "./audit.repository.server";
import { auditBy, recordAudit, verifyAuditChain } from "./audit.service.server";
import { readingsBy, recordReading } from "./read-audit.server";

const freshDb = () => freshDatabase("audit-by");

/** What an event stores, without the row's own random id and the hashes that cover it. */
async function storedEvents(db: Awaited<ReturnType<typeof freshDb>>) {
  return (await auditEventsInOrder(db)).map(({ id: _id, hash: _hash, prev_hash: _prev, ...stored }) => stored);
}

const now = new Date("2026-12-07T03:00:00Z");
// A signed-in account carries more than its id and role; the log must keep only those two.
const coordinator = { id: "u-coordinator", role: "coordinator", email: "lee@example.test", siteCode: "KONYANG" };

describe("events told by actor, context, action, subject and detail", () => {
  it("store exactly what the same events spelled out in full store, on an intact chain", async () => {
    const ip = "203.0.113.7";
    const told = await freshDb();
    const audit = auditBy(told, coordinator, { now, ip });
    await audit("referral.noted", ["referral", "r-1"], { noteId: "n-1" });
    await auditBy(told, null, { now })("retention.run", ["retention", null]);
    await readingsBy(told, coordinator, { now, ip: null })("referral.viewed", ["referral", "r-1"], { site: "KONYANG" });

    const spelled = await freshDb();
    const actor = { id: "u-coordinator", role: "coordinator" };
    const referral = { subjectType: "referral", subjectId: "r-1" };
    await recordAudit(spelled, {
      actor,
      action: "referral.noted",
      ...referral,
      detail: { noteId: "n-1" },
      ip,
      at: now,
    });
    await recordAudit(spelled, {
      actor: null,
      action: "retention.run",
      subjectType: "retention",
      subjectId: null,
      at: now,
    });
    await recordReading(spelled, {
      actor,
      action: "referral.viewed",
      ...referral,
      detail: { site: "KONYANG" },
      at: now,
    });

    const stored = await storedEvents(told);
    expect(stored).toEqual(await storedEvents(spelled));
    expect(stored.map((e) => [e.actor_user_id, e.actor_role, e.ip, e.detail])).toEqual([
      ["u-coordinator", "coordinator", "203.0.113.7", '{"noteId":"n-1"}'],
      [null, null, null, "{}"],
      ["u-coordinator", "coordinator", null, '{"site":"KONYANG"}'],
    ]);
    expect(await verifyAuditChain(told)).toBeNull();
  });
});

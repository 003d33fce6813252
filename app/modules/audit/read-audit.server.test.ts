import { describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { auditEventsFor } from "./audit.repository.server";
import { verifyAuditChain } from "./audit.service.server";
import { recordReading } from "./read-audit.server";

describe("readings written to the audit log together", () => {
  it("commits every one of many simultaneous readings, in order, on one intact chain, before answering", async () => {
    const db = await getDb();
    const at = new Date("2026-12-06T09:00:00Z");
    const readers = Array.from({ length: 25 }, (_, n) => `reader-${n}`);
    await Promise.all(
      readers.map(async (id) => {
        await recordReading(db, {
          actor: { id, role: "coordinator" },
          action: "referral.viewed",
          subjectType: "referral",
          subjectId: "r-1",
          at,
        });
        // Answered only once its own event can be read back.
        const events = await auditEventsFor(db, "referral", "r-1");
        expect(events.some((e) => e.actor_user_id === id)).toBe(true);
      }),
    );
    const events = await auditEventsFor(db, "referral", "r-1");
    expect(events.map((e) => e.actor_user_id)).toEqual(readers);
    expect(await verifyAuditChain(db)).toBeNull();
  });

  it("tells each reader when its reading could not be written", async () => {
    const db = await getDb();
    const at = new Date("2026-12-06T09:00:00Z");
    // A moment that is no date fails inside the batch's transaction: no reading of that moment goes unaudited.
    const broken = recordReading(db, {
      actor: { id: "a", role: "coordinator" },
      action: "referral.viewed",
      subjectType: "referral",
      subjectId: "r-2",
      at: new Date(Number.NaN),
    });
    const fine = recordReading(db, {
      actor: { id: "b", role: "coordinator" },
      action: "referral.viewed",
      subjectType: "referral",
      subjectId: "r-2",
      at,
    });
    await expect(broken).rejects.toThrow();
    await expect(fine).rejects.toThrow();
    expect(await auditEventsFor(db, "referral", "r-2")).toEqual([]);
  });
});

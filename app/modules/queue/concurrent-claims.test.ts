import { describe, expect, it } from "vitest";
import { getSessionUser } from "~/modules/accounts/session.server";
import { auditEventsFor } from "~/modules/audit/audit.repository.server";
import { verifyAuditChain } from "~/modules/audit/audit.service.server";
import type { Staff } from "~/modules/queue/staff.server";
import { performStaffAction } from "~/modules/queue/triage.service.server";
import { findReferral, referralEvents } from "~/modules/referrals/referrals.repository.server";
import { getDb, type Database } from "~/utils/db.server";
import { createAccount, getRequest, sessionCookieFor } from "../../../tests/factories/accounts";
import { referralAt } from "../../../tests/factories/queue";

// Two coordinators claim the same referral at the same moment. On PostgreSQL (`npm run test:unit:pg`) the two claims
// run on two pooled connections at once, as they would from two app servers; on SQLite one writer goes after the other.
// Either way exactly one wins and the other is told the referral has moved on.

const ctx = () => ({ now: new Date(), ip: "192.0.2.1", portalUrl: "https://portal.test" });

async function coordinator(db: Database): Promise<Staff> {
  const account = await createAccount(db, { role: "coordinator", site: "konyang" });
  return (await getSessionUser(getRequest("/", { cookie: await sessionCookieFor(db, account.id) }))) as Staff;
}

describe("two coordinators claiming the same referral at once", () => {
  it("gives it to one of them, tells the other it has moved on, and keeps one history and one audit chain", async () => {
    const db = await getDb();
    const physician = await createAccount(db, { role: "physician" });
    const [first, second] = [await coordinator(db), await coordinator(db)];
    for (let round = 0; round < 5; round += 1) {
      const { id } = await referralAt(db, physician, { site: "konyang", now: new Date() });
      const results = await Promise.all([
        performStaffAction(db, first, id, "claim", {}, ctx()),
        performStaffAction(db, second, id, "claim", {}, ctx()),
      ]);
      const winners = results.filter((r) => r.ok);
      expect(winners).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: "illegal_transition" });
      const winner = results[0]!.ok ? first : second;
      expect(await findReferral(db, id)).toMatchObject({ status: "in_review", assignee_id: winner.id });
      expect((await referralEvents(db, id)).filter((e) => e.action === "claim")).toHaveLength(1);
      expect((await auditEventsFor(db, "referral", id)).filter((e) => e.action.includes("claim"))).toHaveLength(1);
    }
    expect(await verifyAuditChain(db)).toBeNull();
  });
});

import { CompiledQuery } from "kysely";
import { describe, expect, it } from "vitest";
import { defaultTargets } from "~/domain/workflow/clock";
import { getDb, type Database } from "~/utils/db.server";
import { createAccount } from "../../../tests/factories/accounts";
import { referralAt } from "../../../tests/factories/queue";
import {
  queuePage,
  queuePageQueries,
  queueTabCounts,
  resolveNameSearch,
  type QueueCriteria,
} from "./queue.repository.server";
import { queueTabs } from "./queue.schema";
import type { QueueTab } from "./queue.schema";
import { onPostgres } from "../../../tests/setup/engine";

const now = new Date("2026-11-19T01:00:00Z");

/** The query plans of the statements a page runs, one string each. */
async function plansOf(
  db: Database,
  criteria: QueueCriteria,
  tab: QueueTab,
  after: (string | number)[] | null,
): Promise<string[]> {
  const plans: string[] = [];
  for (const part of queuePageQueries(db, criteria, tab, after, 25)) {
    const query = part.compile();
    expect(query.sql).not.toMatch(/offset/i);
    const plan = await db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]),
    );
    plans.push(plan.rows.map((r) => r.detail).join(" | "));
  }
  return plans;
}

describe("queue repository", () => {
  // SQLite's query plans: PostgreSQL plans by its own statistics (ADR 0027), so there is no such plan to check there.
  it.skipIf(onPostgres)(
    "walks the queue indexes in order for a first page and after a cursor: no sort step, no OFFSET",
    async () => {
      const db = await getDb();
      const criteria: QueueCriteria = { siteCode: "konyang", targets: defaultTargets };
      const cases: [QueueTab, (string | number)[] | null, string][] = [
        ["triage", null, "referrals_queue_open_idx"],
        ["in_review", [1, "2026-12-01", "x"], "referrals_queue_open_idx"],
        ["closed", ["2026-11-19T01:00:00.000Z", "x"], "referrals_queue_done_idx"],
        ["accepted", null, "referrals_queue_done_idx"],
      ];
      for (const [tab, after, index] of cases) {
        const plans = await plansOf(db, { ...criteria, indication: "pancreas", breachedOn: "2026-11-19" }, tab, after);
        expect(plans).toHaveLength(after ? after.length : 1);
        for (const [i, plan] of plans.entries()) {
          expect(plan, `${tab} part ${i}`).toContain(`USING INDEX ${index} (site_code=? AND <expr>=?`);
          expect(plan, `${tab} part ${i}`).not.toMatch(/TEMP B-TREE/);
          // After a cursor every part is a range of the index, never a walk from the tab's first row.
          if (after) expect(plan, `${tab} part ${i}`).toMatch(/[<>]\?\)$/);
        }
      }
    },
  );

  it("keeps name-search keys for every script and order, and moves them with a redirect", async () => {
    const db = await getDb();
    const physician = await createAccount(db, { role: "physician" });
    const ja = await referralAt(db, physician, { site: "qst", patient: "ja", now });
    const keys = await db
      .selectFrom("referral_search_keys")
      .select(["site_code", "key"])
      .where("referral_id", "=", ja.id)
      .execute();
    expect(keys.map((k) => k.key).sort()).toEqual(
      ["hanako", "hanakosato", "satohanako", "サトウハナコ", "佐藤花子", "花子", "花子佐藤"].sort(),
    );
    expect(new Set(keys.map((k) => k.site_code))).toEqual(new Set(["qst"]));
    await db.updateTable("referrals").set({ site_code: "konyang" }).where("id", "=", ja.id).execute();
    const moved = await db
      .selectFrom("referral_search_keys")
      .select("site_code")
      .distinct()
      .where("referral_id", "=", ja.id)
      .execute();
    expect(moved).toEqual([{ site_code: "konyang" }]);
  });

  it("looks a narrow name search up by id and walks the tab's index for broader ones, with the same answer", async () => {
    const db = await getDb();
    const physician = await createAccount(db, { role: "physician" });
    const ids = [];
    for (let i = 0; i < 3; i += 1) ids.push((await referralAt(db, physician, { site: "qst", patient: "ja2", now })).id);
    const search: QueueCriteria = { siteCode: "qst", targets: defaultTargets, namePrefix: "ヤマダ" };
    const narrow = await resolveNameSearch(db, search, 5);
    expect(narrow.nameMatches?.sort()).toEqual([...ids].sort());
    const broad = await resolveNameSearch(db, search, 2);
    expect(broad).toEqual({ ...search, nameProbe: "list" });
    const broadest = await resolveNameSearch(db, search, 1, 2);
    expect(broadest).toEqual({ ...search, nameProbe: "row" });
    if (!onPostgres) {
      // SQLite's plan (PostgreSQL chooses its own from its statistics, ADR 0027): the tab's index leads.
      const [broadPlan] = await plansOf(db, broad, "triage", null);
      expect(broadPlan).toContain("USING INDEX referrals_queue_open_idx (site_code=? AND <expr>=?)");
      expect(broadPlan).not.toMatch(/TEMP B-TREE/);
      expect((await plansOf(db, broadest, "triage", null))[0]).toContain(
        "USING INDEX referrals_queue_open_idx (site_code=? AND <expr>=?)",
      );
    }
    const rows = async (criteria: QueueCriteria) =>
      (await queuePage(db, criteria, "triage", null, 25)).rows.map((r) => r.id);
    expect(await rows(narrow)).toEqual(await rows(broad));
    expect(await rows(broadest)).toEqual(await rows(broad));
    expect((await rows(broad)).sort()).toEqual([...ids].sort());
    // Counted from the matches, grouped by tab, in every plan; past the sample the counts are lower bounds.
    for (const criteria of [narrow, broad, broadest]) {
      expect(await queueTabCounts(db, criteria, queueTabs, 1000)).toEqual({
        counts: { triage: 3, in_review: 0, info_requested: 0, accepted: 0, scheduled: 0, closed: 0 },
        atLeast: false,
      });
    }
    expect(await queueTabCounts(db, broadest, queueTabs, 1000, 2)).toMatchObject({
      counts: { triage: 2 },
      atLeast: true,
    });
    // A search that matches nothing is an empty list, not "everything".
    expect(await rows(await resolveNameSearch(db, { ...search, namePrefix: "ンンン" }))).toEqual([]);
  });
});

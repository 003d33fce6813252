// Re-screening stored referrals with the rule set now in force (issue #9, part 4; eligibility.md K10). Both decisions
// are kept: the new one is appended to the referral's screens and becomes its current decision; the old one stays.
import type { ScreenCase } from "~/domain/case/schema";
import { compareDecisions, type DecisionComparison, type Direction } from "~/domain/decision-compare";
import { ruleSetInForce } from "~/domain/eligibility/rulesets";
import { toDecisionJson, type Decision, type DecisionJson, type Outcome } from "~/domain/screen";
import { auditBy } from "~/modules/audit/audit.service.server";
import type { SessionUser } from "~/modules/accounts/session.server";
import type { Staff } from "~/modules/queue/staff.server";
import { canSeeReferral } from "~/modules/referrals/access.server";
import { rulesToday } from "./rules.service.server";
import {
  findReferral,
  insertReferralEvent,
  insertReferralScreen,
  updateReferral,
  type ReferralRow,
} from "~/modules/referrals/referrals.repository.server";
import { screenCase } from "~/modules/screening/screening.service.server";
import type { Database } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";
import { latestScreens, openReferralIds } from "./rescreen.repository.server";

export type RescreenContext = { now: Date; ip: string | null };
type Actor = { id: string; role: string };

function decisionJsonOf(text: string | null): DecisionJson | null {
  if (!text) return null;
  try {
    // Older rows hold the full Decision; toDecisionJson gives both the contract's shape.
    return toDecisionJson(JSON.parse(text) as Decision);
  } catch {
    return null;
  }
}

/** Screens one stored referral again inside `trx`; writes the screen, the referral's new decision and a history event. */
async function rescreenRow(
  trx: Database,
  referral: ReferralRow,
  actor: Actor,
  now: Date,
): Promise<DecisionComparison | null> {
  const before = decisionJsonOf(referral.decision_json);
  if (!before) return null;
  const caseData = JSON.parse(referral.case_json) as ScreenCase;
  // The set in force for this case's referral date among those published by today (the domain reads no clock).
  const ruleset = ruleSetInForce(caseData.referredOn, rulesToday(now));
  const record = await screenCase(trx, caseData, ruleset);
  const after = toDecisionJson(record.decision);
  const at = now.toISOString();
  await insertReferralScreen(trx, {
    id: newId(),
    referral_id: referral.id,
    screened_at: at,
    outcome: after.outcome,
    ruleset_version: record.rulesetVersion,
    site_config_versions: JSON.stringify(record.siteConfigVersions),
    decision_json: JSON.stringify(after),
  });
  // The referral stays where it is (re-screening changes the screen, not the route a person already acted on).
  await updateReferral(trx, referral.id, {
    screen_outcome: after.outcome,
    decision_json: JSON.stringify(after),
    updated_at: at,
  });
  await insertReferralEvent(trx, {
    id: newId(),
    referral_id: referral.id,
    occurred_at: at,
    actor_user_id: actor.id,
    actor_role: actor.role,
    action: "rescreen",
    from_status: referral.status,
    to_status: referral.status,
    site_code: referral.site_code,
    reason_code: null,
    note: null,
    data: JSON.stringify({
      from: before.rulesetVersion,
      to: after.rulesetVersion,
      outcomeBefore: before.outcome,
      outcomeAfter: after.outcome,
    }),
  });
  return compareDecisions(before, after);
}

/**
 * A coordinator or reviewer re-screens one referral of their own site. Another site's referral, a draft or an unknown
 * id is null (the route answers an empty 404); the site is read again inside the transaction.
 */
export async function rescreenReferral(
  db: Database,
  staff: Staff,
  id: string,
  ctx: RescreenContext,
): Promise<DecisionComparison | null> {
  return db.transaction().execute(async (trx) => {
    const referral = await findReferral(trx, id);
    if (!referral || !canSeeReferral(staff, referral)) return null;
    const comparison = await rescreenRow(trx, referral, { id: staff.id, role: staff.role }, ctx.now);
    if (!comparison) return null;
    const audit = auditBy(trx, staff, ctx);
    await audit("referral.rescreened", ["referral", referral.id], {
      from: comparison.before.rulesetVersion,
      to: comparison.after.rulesetVersion,
      outcomeBefore: comparison.before.outcome,
      outcomeAfter: comparison.after.outcome,
    });
    return comparison;
  });
}

/** The staff page's comparison: the referral's two latest screens, when it has been screened more than once. */
export async function latestComparison(db: Database, referralId: string): Promise<DecisionComparison | null> {
  const [newest, previous] = await latestScreens(db, referralId);
  const after = newest ? decisionJsonOf(newest.decision_json) : null;
  const before = previous ? decisionJsonOf(previous.decision_json) : null;
  return after && before ? compareDecisions(before, after) : null;
}

export type BulkRescreenReport = {
  total: number;
  directions: Record<Direction, number>;
  /** How many went from one outcome to another, e.g. { from: "not_eligible", to: "needs_review", count: 3 }. */
  pairs: { from: Outcome; to: Outcome; count: number }[];
  /** The rule sets the re-screened decisions had before, with counts. */
  fromVersions: Record<string, number>;
  toVersion: string;
};

/**
 * An administrator re-screens every open referral with the set now in force, in one transaction (all or nothing),
 * and is told how many outcomes changed and which way. One audit event holds the counts; each referral's history
 * holds its own re-screen.
 */
export async function rescreenAllOpen(
  db: Database,
  admin: SessionUser,
  ctx: RescreenContext,
): Promise<BulkRescreenReport> {
  return db.transaction().execute(async (trx) => {
    const report: BulkRescreenReport = {
      total: 0,
      directions: { improved: 0, worsened: 0, unchanged: 0 },
      pairs: [],
      fromVersions: {},
      toVersion: ruleSetInForce(undefined, rulesToday(ctx.now)).version,
    };
    for (const id of await openReferralIds(trx)) {
      const referral = await findReferral(trx, id);
      if (!referral) continue;
      const comparison = await rescreenRow(trx, referral, { id: admin.id, role: admin.role }, ctx.now);
      if (!comparison) continue;
      report.total++;
      report.directions[comparison.direction]++;
      report.fromVersions[comparison.before.rulesetVersion] =
        (report.fromVersions[comparison.before.rulesetVersion] ?? 0) + 1;
      const { outcome: from } = comparison.before;
      const { outcome: to } = comparison.after;
      const pair = report.pairs.find((p) => p.from === from && p.to === to);
      if (pair) pair.count++;
      else report.pairs.push({ from, to, count: 1 });
    }
    report.pairs.sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
    const audit = auditBy(trx, admin, ctx);
    await audit("rules.rescreened_all", ["rule_set", report.toVersion], report);
    return report;
  });
}

import { isSiteCode } from "~/domain/routing/site-facts";
import type { ScreenCase } from "~/domain/case/schema";
import type { RuleSet } from "~/domain/eligibility/types";
import { screen, toDecisionJson, type Decision, type SiteCode } from "~/domain/screen";
import { openCountsBySite } from "~/modules/referrals/referrals.repository.server";
import { currentSiteConfigs } from "~/modules/sites/sites.service.server";
import type { Database } from "~/utils/db.server";

/** What a referral stores with a screen: the decision and exactly which rules and site configurations made it. */
export type ScreeningRecord = {
  decision: Decision;
  rulesetVersion: string;
  siteConfigVersions: Partial<Record<SiteCode, number>>;
};

/** Referrals waiting at each site (submitted and not yet decided), for the router's capacity step. */
async function openQueue(db: Database): Promise<Partial<Record<SiteCode, number>>> {
  const queue: Partial<Record<SiteCode, number>> = {};
  for (const row of await openCountsBySite(db)) {
    if (isSiteCode(row.site_code)) queue[row.site_code] = Number(row.open);
  }
  return queue;
}

/**
 * Screens a case with the sites' configuration in force and their open queues: the one screen behind the
 * pre-check, the JSON door, submission and re-screening. Pass the transaction when the record is stored, so the
 * configuration read and the referral written belong to the same moment. Without a rule set, the one in force on the
 * case's referral date screens it.
 */
export async function screenCase(db: Database, caseData: ScreenCase, ruleset?: RuleSet): Promise<ScreeningRecord> {
  const [sites, queue] = await Promise.all([currentSiteConfigs(db), openQueue(db)]);
  const decision = screen(caseData, { sites, openQueue: queue }, ruleset);
  return {
    decision,
    rulesetVersion: decision.rulesetVersion,
    siteConfigVersions: Object.fromEntries(sites.map((s) => [s.code, s.version])) as Partial<Record<SiteCode, number>>,
  };
}

/** The decision exactly as the contract (shared/domain/referral-case.md) and the command line give it. */
export async function screenCaseToJson(db: Database, caseData: ScreenCase): Promise<unknown> {
  return toDecisionJson((await screenCase(db, caseData)).decision);
}

// The screen: eligibility (rules as data) and routing (site policy) combined into one decision.
// The same function serves the live pre-check, submission, re-screening, the command line and the JSON API.
// Pure: the case and the site configuration come in, the decision goes out; no zod here (callers validate).
import type { ScreenCase } from "./case/schema";
import { evaluate } from "./eligibility/evaluate";
import { resolveKey } from "./eligibility/resolve-key";
import { fundingOf, type Funding } from "./eligibility/funding";
import { ruleSetInForce } from "./eligibility/rulesets";
import type { RuleSet } from "./eligibility/types";
import type { Coverage, CriterionResult, CriterionStatus, CriterionValue, Outcome } from "./eligibility/types";
import { routeCase } from "./routing/route";
import type { Route, ScreenContext, SiteCode } from "./routing/sites";

export type { Coverage, CriterionResult, CriterionStatus, Outcome } from "./eligibility/types";
export type { Funding, PatientPays } from "./eligibility/funding";
export type { Route, ScreenContext, SiteCode, SiteConfig } from "./routing/sites";
export { defaultSiteConfigs } from "./routing/sites";

export type Decision = {
  rulesetVersion: string;
  outcome: Outcome;
  coverage: Coverage;
  criteria: CriterionResult[];
  missing: string[];
  route: Route;
  /** What this patient would pay (kq-2026-12 on); absent from decisions stored under jp-2024-06. */
  funding?: Funding;
};

/**
 * Screens a case with the rule set in force on its referral date, or with the one given (re-screening a stored
 * referral under a named set).
 */
export function screen(c: ScreenCase, ctx: ScreenContext, ruleset: RuleSet = ruleSetInForce(c.referredOn)): Decision {
  const evaluation = evaluate(c, ruleset);
  const routed = routeCase(c, ctx);
  // NOTE: routing.md step 6 — without a candidate site the outcome is at best needs_review.
  const outcome: Outcome =
    routed.site === null && evaluation.outcome === "likely_eligible" ? "needs_review" : evaluation.outcome;
  const missing = evaluation.missing;
  for (const path of routed.missing) if (!missing.includes(path)) missing.push(path);
  const decision: Decision = {
    rulesetVersion: evaluation.rulesetVersion,
    outcome,
    coverage: evaluation.coverage,
    criteria: evaluation.criteria,
    missing,
    route: { site: routed.site, reasons: routed.reasons, alternatives: routed.alternatives },
  };
  // NOTE: jp-2024-06 had no funding block; its decisions keep their shape.
  if (ruleset.version !== "jp-2024-06") decision.funding = fundingOf(c, evaluation.coverage, routed.site);
  return decision;
}

export type DecisionJson = {
  rulesetVersion: string;
  outcome: Outcome;
  coverage: Coverage;
  criteria: {
    id: string;
    status: CriterionStatus;
    value?: CriterionValue;
    expected?: string;
    resolve?: string;
    details?: Readonly<Record<string, string | number>>;
  }[];
  missing: string[];
  route: { site: SiteCode | null; reasons: string[]; alternatives: SiteCode[] };
  funding?: Funding;
};

/** The decision in the contract's shape (shared/domain/referral-case.md), for the command line, the API and storage. */
export function toDecisionJson(d: Decision): DecisionJson {
  return {
    rulesetVersion: d.rulesetVersion,
    outcome: d.outcome,
    coverage: d.coverage,
    criteria: d.criteria.map((r) => {
      const out: DecisionJson["criteria"][number] = { id: r.id, status: r.status };
      if (r.value !== undefined) out.value = r.value;
      if (r.expected !== undefined) out.expected = r.expected;
      if (r.resolve !== undefined) out.resolve = r.resolve;
      if (r.details !== undefined) out.details = r.details;
      return out;
    }),
    missing: [...d.missing],
    route: { site: d.route.site, reasons: [...d.route.reasons], alternatives: [...d.route.alternatives] },
    ...(d.funding
      ? { funding: { tier: d.funding.tier, patientPays: d.funding.patientPays, notes: [...d.funding.notes] } }
      : {}),
  };
}

export type ChangeHint = {
  id: string;
  status: Exclude<CriterionStatus, "met" | "not_applicable">;
  /** Translation key of the sentence that says what would change the answer. */
  hintKey: string;
  /** The case paths to look at: the missing ones for `unknown`, every path read otherwise. */
  fields: string[];
};

/** For each criterion that is not met, unknown or a flag: what would change the answer. */
export function whatWouldChange(d: Decision): ChangeHint[] {
  const hints: ChangeHint[] = [];
  for (const r of d.criteria) {
    if (r.status === "met" || r.status === "not_applicable") continue;
    hints.push({
      id: r.id,
      status: r.status,
      hintKey: resolveKey(r.id, r.resolve),
      fields: [...(r.status === "unknown" && r.missing ? r.missing : r.fields)],
    });
  }
  return hints;
}

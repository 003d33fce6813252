// The screen: eligibility (rules as data) and routing (site policy) combined into one decision.
// The same function serves the live pre-check, submission, re-screening, the command line and the JSON API.
// Pure: the case and the site configuration come in, the decision goes out; no zod here (callers validate).
import type { ScreenCase } from "./case/schema";
import { evaluate, resolveKey } from "./eligibility/evaluate";
import type { Coverage, CriterionResult, CriterionStatus, CriterionValue, Outcome } from "./eligibility/types";
import { routeCase } from "./routing/route";
import type { Route, ScreenContext, SiteCode } from "./routing/sites";

export type { Coverage, CriterionResult, CriterionStatus, Outcome } from "./eligibility/types";
export type { Route, ScreenContext, SiteCode, SiteConfig } from "./routing/sites";
export { defaultSiteConfigs } from "./routing/sites";

export type Decision = {
  rulesetVersion: string;
  outcome: Outcome;
  coverage: Coverage;
  criteria: CriterionResult[];
  missing: string[];
  route: Route;
};

export function screen(c: ScreenCase, ctx: ScreenContext): Decision {
  const evaluation = evaluate(c);
  const routed = routeCase(c, ctx);
  // NOTE: routing.md step 6 — without a candidate site the outcome is at best needs_review.
  const outcome: Outcome = routed.site === null && evaluation.outcome === "likely_eligible" ? "needs_review" : evaluation.outcome;
  const missing = evaluation.missing;
  for (const path of routed.missing) if (!missing.includes(path)) missing.push(path);
  return {
    rulesetVersion: evaluation.rulesetVersion,
    outcome,
    coverage: evaluation.coverage,
    criteria: evaluation.criteria,
    missing,
    route: { site: routed.site, reasons: routed.reasons, alternatives: routed.alternatives },
  };
}

export type DecisionJson = {
  rulesetVersion: string;
  outcome: Outcome;
  coverage: Coverage;
  criteria: { id: string; status: CriterionStatus; value?: CriterionValue; expected?: string }[];
  missing: string[];
  route: { site: SiteCode | null; reasons: string[]; alternatives: SiteCode[] };
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
      return out;
    }),
    missing: [...d.missing],
    route: { site: d.route.site, reasons: [...d.route.reasons], alternatives: [...d.route.alternatives] },
  };
}

export type ChangeHint = {
  id: string;
  status: Exclude<CriterionStatus, "met">;
  /** Translation key of the sentence that says what would change the answer. */
  hintKey: string;
  /** The case paths to look at: the missing ones for `unknown`, every path read otherwise. */
  fields: string[];
};

/** For each criterion that is not met, unknown or a flag: what would change the answer. */
export function whatWouldChange(d: Decision): ChangeHint[] {
  const hints: ChangeHint[] = [];
  for (const r of d.criteria) {
    if (r.status === "met") continue;
    hints.push({ id: r.id, status: r.status, hintKey: resolveKey(r.id), fields: [...(r.status === "unknown" && r.missing ? r.missing : r.fields)] });
  }
  return hints;
}

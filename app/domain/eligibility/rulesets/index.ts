// Every rule set the portal knows, and which one screens a referral (eligibility.md, K10).
import type { RuleSet } from "../types";
import { jp2024_06 } from "./jp-2024-06";
import { kq2026_12 } from "./kq-2026-12";

/** Oldest first. A stored decision names its set, so a set is never removed from this list. */
export const ruleSets: readonly RuleSet[] = [jp2024_06, kq2026_12];

export function ruleSetByVersion(version: string): RuleSet | undefined {
  return ruleSets.find((r) => r.version === version);
}

const latestPublished = (sets: readonly RuleSet[]) => sets.reduce((a, b) => (b.publishedOn > a.publishedOn ? b : a));

/**
 * The set in force on a referral date: among the sets whose validity covers it, the latest published (a
 * corrected set replaces the one it corrects from its own effective date). A referral dated before every set
 * (or undated) is screened by the latest published set, whose insured-since dates keep newer items uninsured.
 * `publishedBy` (an ISO date) limits the choice to the sets published by then: what a screen on that day used.
 */
export function ruleSetInForce(referredOn: unknown, publishedBy?: string): RuleSet {
  const known = publishedOnOrBefore(publishedBy);
  if (typeof referredOn !== "string") return latestPublished(known);
  const inForce = known.filter(
    (r) => referredOn >= r.effectiveFrom && (r.effectiveTo === undefined || referredOn <= r.effectiveTo),
  );
  return latestPublished(inForce.length > 0 ? inForce : known);
}

/**
 * The sets the portal had published on a date (all of them without one): a screen made on that date could only use
 * these. A date before every publication still gets the first set, so there is always one to screen with.
 */
function publishedOnOrBefore(date: string | undefined): readonly RuleSet[] {
  if (date === undefined) return ruleSets;
  const published = ruleSets.filter((r) => r.publishedOn <= date);
  return published.length > 0 ? published : ruleSets.slice(0, 1);
}

/** True when the newest set's review date has passed on `today`: admins are told the rules may be out of date. */
export function reviewOverdue(today: string): { overdue: boolean; ruleSet: RuleSet } {
  const newest = latestPublished(ruleSets);
  return { overdue: today > newest.reviewDueOn, ruleSet: newest };
}

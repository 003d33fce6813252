// The rule book's and the rules admin page's data: which set is in force today and whether its review is overdue.
// The domain never reads the clock; "today" is taken here, once, and passed in.
import { ruleBookOf, ruleSetValidity, type RuleBook, type RuleSetValidity } from "~/domain/eligibility/rule-book";
import { diffRuleSets, type RuleSetDiff } from "~/domain/eligibility/rule-diff";
import { reviewOverdue, ruleSetByVersion, ruleSetInForce, ruleSets } from "~/domain/eligibility/rulesets";
import { PORTAL_TIME_ZONE } from "~/domain/routing/site-facts";
import type { RuleSet } from "~/domain/eligibility/types";
import { todayAt } from "~/modules/referrals/clock.server";

// The rules' "today" is the portal's one date, whoever asks (ADR 0024).
export const rulesToday = (now: Date) => todayAt(PORTAL_TIME_ZONE, now);

export type RuleBookPage = {
  book: RuleBook;
  sets: RuleSetValidity[];
  diff: RuleSetDiff | null;
  /** Every version, for the comparison form. */
  versions: string[];
};

// Rule sets are data compiled into the server and never change while it runs: each book and each comparison is built
// once. The same objects on every visit also let the rule book's components keep what they wrote (renderedOnce).
const books = new WeakMap<RuleSet, RuleBook>();
const diffs = new Map<string, RuleSetDiff>();

function bookOf(set: RuleSet): RuleBook {
  let book = books.get(set);
  if (!book) books.set(set, (book = ruleBookOf(set)));
  return book;
}

function diffOf(from: RuleSet, to: RuleSet): RuleSetDiff {
  const key = `${from.version}→${to.version}`;
  let diff = diffs.get(key);
  if (!diff) diffs.set(key, (diff = diffRuleSets(from, to)));
  return diff;
}

/**
 * The rule book of `version` (the set in force today when absent; null for an unknown version) and "what changed"
 * between `from` and `to`: by default the newest set against the set it replaces.
 */
export function ruleBookPage(
  version: string | undefined,
  compare: { from?: string | null; to?: string | null },
  now: Date,
): RuleBookPage | null {
  const today = rulesToday(now);
  const set = version === undefined ? ruleSetInForce(today, today) : ruleSetByVersion(version);
  if (!set) return null;
  const newest = ruleSetInForce(undefined, today);
  const to = (compare.to && ruleSetByVersion(compare.to)) || newest;
  const from =
    (compare.from && ruleSetByVersion(compare.from)) || (to.replaces ? ruleSetByVersion(to.replaces) : undefined);
  return {
    book: bookOf(set),
    sets: ruleSetValidity(today),
    diff: from && from !== to ? diffOf(from, to) : null,
    versions: ruleSets.map((r) => r.version),
  };
}

/** For administrators: the newest set and its review date when that date has passed ("the rules may be out of date"). */
export function rulesReviewNotice(now: Date): { version: string; reviewDueOn: string } | null {
  const { overdue, ruleSet } = reviewOverdue(rulesToday(now));
  return overdue ? { version: ruleSet.version, reviewDueOn: ruleSet.reviewDueOn } : null;
}

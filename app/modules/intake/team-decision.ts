/** The parts of a history step this reads (referralDetail's history items). */
type Step = { action: string; at: string; site: string | null; reasonCode: string | null; note: string | null };

/** A clinical decision of a receiving team, as the referring physician reads it at the top of the referral. */
export type TeamDecision = {
  action: "accept" | "decline" | "redirect";
  at: string;
  /** The team that decided (for a redirect, the one that sent it on). */
  site: string | null;
  /** Where a redirect sent the referral. */
  toSite: string | null;
  reasonCode: string | null;
  /** The team's explanation: their advice and the alternatives they suggest. */
  note: string | null;
};

const decisions = new Set(["accept", "decline", "redirect"]);

/**
 * The latest decision a team made (accept, decline or redirect), or null while none has been made. Pure, from the
 * history: the physician's page leads with it, because the team's decision, not the screen's, is the answer.
 */
export function teamDecisionOf(history: readonly Step[]): TeamDecision | null {
  for (let i = history.length - 1; i >= 0; i -= 1) {
    const event = history[i]!;
    if (!decisions.has(event.action)) continue;
    const action = event.action as TeamDecision["action"];
    if (action !== "redirect")
      return { action, at: event.at, site: event.site, toSite: null, reasonCode: event.reasonCode, note: event.note };
    // A redirect's event names the receiving site; the sender is where the referral waited before it.
    const before = history
      .slice(0, i)
      .reverse()
      .find((e) => e.site && (e.action === "route" || e.action === "redirect"));
    return {
      action,
      at: event.at,
      site: before?.site ?? null,
      toSite: event.site,
      reasonCode: event.reasonCode,
      note: event.note,
    };
  }
  return null;
}

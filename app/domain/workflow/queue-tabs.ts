// The site queue's tabs and the states each gathers: the one status → tab mapping. The queue's SQL (the
// repository's sort and filter expression, and the expression index of db/migrations/0007_queue.ts) is built from
// it or checked against it (queue-tabs.test.ts), so the three can never disagree.
import type { ReferralStatus } from "./states";

export const queueTabs = ["triage", "in_review", "info_requested", "accepted", "scheduled", "closed"] as const;
export type QueueTab = (typeof queueTabs)[number];

/** Which states each tab gathers (a redirected referral waits in the receiving site's triage). */
export const tabStatuses: Record<QueueTab, readonly ReferralStatus[]> = {
  triage: ["submitted", "triage", "redirected"],
  in_review: ["in_review"],
  info_requested: ["info_requested"],
  accepted: ["accepted"],
  scheduled: ["consultation_scheduled"],
  closed: ["declined", "withdrawn", "closed"],
};

export function tabOf(status: string): QueueTab | null {
  return queueTabs.find((tab) => (tabStatuses[tab] as readonly string[]).includes(status)) ?? null;
}

/**
 * The mapping as an SQL CASE over the `status` column, as text: SQLite uses an expression index only when a query
 * repeats its expression word for word, so the repository inlines exactly this text.
 */
export function tabCaseSql(): string {
  const quoted = (status: string) => `'${status}'`;
  const branches = queueTabs.map((tab) => {
    const statuses = tabStatuses[tab];
    const test =
      statuses.length === 1 ? `status = ${quoted(statuses[0]!)}` : `status IN (${statuses.map(quoted).join(", ")})`;
    return `WHEN ${test} THEN ${quoted(tab)}`;
  });
  return `CASE ${branches.join(" ")} END`;
}

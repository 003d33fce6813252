import { normalizeReferenceCode, referenceCodePrefix } from "~/domain/reference-code/reference-code";
import { defaultTargets } from "~/domain/workflow/clock";
import { todayAt } from "~/modules/referrals/clock.server";
import type { Database } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";
import { holidaysOf } from "~/modules/referrals/calendar.server";
import { clockView, type ClockView } from "./clock-view";
import { indications } from "~/domain/case/schema";
import {
  breachedOpen,
  deleteView,
  firstDecisions,
  isCursor,
  queuePage,
  queueTabCounts,
  resolveCodeSearch,
  resolveNameSearch,
  statusCounts,
  upsertView,
  usersByIds,
  viewsOf,
  type QueueCriteria,
  type QueueOrder,
} from "./queue.repository.server";
import {
  COUNT_CAP,
  PAGE_SIZE,
  queueQueryString,
  queueTabs,
  tabStatuses,
  type QueueFilters,
  type QueueTab,
} from "./queue.schema";
import { siteTeam } from "./site-team.server";
import { siteClockOf, type Staff } from "./staff.server";

/**
 * A name as the search keys store it (migration 0007's triggers): compatibility forms folded (full-width Latin,
 * half-width kana), lower case, no spaces; hiragana read as katakana, since readings are stored in katakana.
 */
export function nameSearchKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\u3000]/g, "")
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

export function encodeCursor(values: (string | number)[] | null): string | null {
  return values ? Buffer.from(JSON.stringify(values)).toString("base64url") : null;
}

export function decodeCursor(
  text: string | null,
  tab: QueueTab,
  order?: QueueOrder | null,
): (string | number)[] | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    return isCursor(value, tab, order) ? value : null;
  } catch {
    return null;
  }
}

/** The repository's criteria for a staff member's filters: the site is always theirs, whatever the URL says. */
export function criteriaFor(staff: Staff, filters: QueueFilters, today: string): QueueCriteria {
  const criteria: QueueCriteria = { siteCode: staff.siteCode, targets: defaultTargets };
  if (filters.indication) criteria.indication = filters.indication;
  if (filters.outcome) criteria.outcome = filters.outcome;
  if (filters.urgency) criteria.urgency = filters.urgency;
  if (filters.assignee === "me") criteria.assigneeId = staff.id;
  else if (filters.assignee === "none") criteria.assigneeId = null;
  else if (filters.assignee) criteria.assigneeId = filters.assignee;
  if (filters.breach) criteria.breachedOn = today;
  if (filters.q) {
    const code = normalizeReferenceCode(filters.q);
    const partial = code ? null : referenceCodePrefix(filters.q);
    if (code) criteria.referenceCode = code;
    else if (partial) {
      criteria.codePrefix = partial.prefix;
      // Typed without KQ it may be a Latin name too; resolveCodeSearch decides by what the site holds.
      if (!partial.explicit) criteria.nameIfNoCode = nameSearchKey(filters.q);
    } else {
      const key = nameSearchKey(filters.q);
      // Nothing searchable left (only spaces or symbols): a search that matches nothing, not everything.
      criteria.namePrefix = key || "\u{10FFFF}";
    }
  }
  return criteria;
}

export type QueueListRow = {
  id: string;
  referenceCode: string;
  status: string;
  familyName: string;
  givenName: string;
  latinName: string | null;
  indication: string | null;
  urgency: string;
  outcome: string | null;
  assignee: { id: string; familyName: string; givenName: string } | null;
  clock: ClockView;
  submittedOn: string | null;
};

/**
 * One page of the site's queue with the tab counts, the site's staff (filters, bulk assign) and the user's saved views.
 * `indicationOrder`: the indication codes in the reader's alphabetical order, for sorting by that column.
 */
export async function loadQueue(
  db: Database,
  staff: Staff,
  filters: QueueFilters,
  cursor: string | null,
  now: Date,
  indicationOrder?: readonly string[],
) {
  const site = await siteClockOf(db, staff.siteCode);
  const today = todayAt(site.timezone, now);
  const criteria = await resolveNameSearch(db, await resolveCodeSearch(db, criteriaFor(staff, filters, today)));
  const order: QueueOrder | null = filters.sort
    ? { column: filters.sort, direction: filters.dir ?? "asc", indicationOrder }
    : null;
  const page = await queuePage(db, criteria, filters.tab, decodeCursor(cursor, filters.tab, order), PAGE_SIZE, order);
  const { counts, atLeast } = await queueTabCounts(db, criteria, queueTabs, COUNT_CAP);
  const people = await siteTeam(db, staff.siteCode, now);
  const known = new Map(people.map((p) => [p.id, p]));
  const missing = [
    ...new Set(page.rows.map((r) => r.assignee_id).filter((id): id is string => !!id && !known.has(id))),
  ];
  for (const person of await usersByIds(db, missing))
    known.set(person.id, {
      id: person.id,
      family_name: person.family_name,
      given_name: person.given_name,
      role: person.role,
    });
  const rows: QueueListRow[] = page.rows.map((r) => {
    const assignee = r.assignee_id ? known.get(r.assignee_id) : undefined;
    return {
      id: r.id,
      referenceCode: r.reference_code ?? "",
      status: r.status,
      familyName: r.patient_family_name ?? "",
      givenName: r.patient_given_name ?? "",
      latinName: r.patient_latin_name,
      indication: r.indication,
      urgency: r.urgency,
      outcome: r.screen_outcome,
      assignee: assignee ? { id: assignee.id, familyName: assignee.family_name, givenName: assignee.given_name } : null,
      clock: clockView(r, today, holidaysOf(site.country)),
      submittedOn: r.submitted_at ? todayAt(site.timezone, new Date(r.submitted_at)) : null,
    };
  });
  return {
    today,
    rows,
    next: encodeCursor(page.next),
    counts,
    countsAtLeast: atLeast,
    staff: people.map((p) => ({ id: p.id, familyName: p.family_name, givenName: p.given_name, role: p.role })),
    views: (await viewsOf(db, staff.id)).map((v) => ({ id: v.id, name: v.name, query: v.query })),
  };
}

/** Saves (or replaces, by name) the current filters as one of the user's views. */
export async function saveView(db: Database, staff: Staff, name: string, filters: QueueFilters, now: Date) {
  await upsertView(db, {
    id: newId(),
    user_id: staff.id,
    name,
    query: queueQueryString(filters),
    created_at: now.toISOString(),
  });
}

export async function removeView(db: Database, staff: Staff, id: string) {
  return deleteView(db, staff.id, id);
}

export const dashboardPeriods = [30, 90, 365] as const;
export type DashboardPeriod = (typeof dashboardPeriods)[number];

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The site's dashboard: what is open in each tab, what is past its clock, how long first decisions took (working
 * days on the clock, so time waiting for the physician does not count) and how they went, per indication.
 */
export async function siteDashboard(db: Database, staff: Staff, period: DashboardPeriod, now: Date) {
  const site = await siteClockOf(db, staff.siteCode);
  const today = todayAt(site.timezone, now);
  const openTabs = ["triage", "in_review", "info_requested", "accepted", "scheduled"] as const;
  const statuses = openTabs.flatMap((tab) => [...tabStatuses[tab]]);
  const byStatus = await statusCounts(db, staff.siteCode, statuses);
  const open = Object.fromEntries(
    openTabs.map((tab) => [
      tab,
      byStatus
        .filter((r) => (tabStatuses[tab] as readonly string[]).includes(r.status))
        .reduce((n, r) => n + Number(r.n), 0),
    ]),
  ) as Record<(typeof openTabs)[number], number>;
  const breached = await breachedOpen(db, staff.siteCode, today, defaultTargets);
  const breaches = { urgent: 0, routine: 0 };
  for (const row of breached) breaches[row.urgency === "urgent" ? "urgent" : "routine"] += Number(row.n);
  const from = new Date(now.getTime() - period * 86_400_000);
  const decisions = await firstDecisions(db, staff.siteCode, from.toISOString(), now.toISOString());
  const days = (urgency?: string) =>
    decisions.filter((d) => !urgency || d.urgency === urgency).map((d) => d.clock_used_days);
  const outcomes = new Map<string, { accept: number; decline: number; redirect: number }>();
  for (const d of decisions) {
    const key = d.indication ?? "other";
    const entry = outcomes.get(key) ?? { accept: 0, decline: 0, redirect: 0 };
    entry[d.action as "accept" | "decline" | "redirect"] += 1;
    outcomes.set(key, entry);
  }
  return {
    today,
    period,
    open,
    breaches,
    decisions: decisions.length,
    late: decisions.filter((d) => d.clock_used_days > defaultTargets[d.urgency === "urgent" ? "urgent" : "routine"])
      .length,
    medianDays: { all: median(days()), urgent: median(days("urgent")), routine: median(days("routine")) },
    byIndication: indications
      .filter((code) => outcomes.has(code))
      .map((code) => ({ indication: code, ...outcomes.get(code)! })),
  };
}

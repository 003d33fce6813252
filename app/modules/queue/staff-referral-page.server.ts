// Everything the staff referral page (/queue/:id) shows, built here so the route only reads the request and renders.
import type { TFunction } from "i18next";
import { ruleSetInForce } from "~/domain/eligibility/rulesets";
import { otherSite } from "~/domain/routing/site-facts";
import type { Language } from "~/i18n/config";
import { formatCalendarDate, formatInstant } from "~/i18n/format";
import { readingsBy } from "~/modules/audit/read-audit.server";
import { clinicalDecisionPanel, formatRecord } from "~/modules/clinical-decisions/clinical-decisions.service.server";
import { listAttachments } from "~/modules/intake/attachments.service.server";
import { ownerJointPanel, summaryInWords } from "~/modules/joint-review/joint-review-view.server";
import { letterSummaries } from "~/modules/letters/letters.service.server";
import { holidaysOf } from "~/modules/referrals/calendar.server";
import { todayAt } from "~/modules/referrals/clock.server";
import { latestComparison } from "~/modules/rules/rescreen.service.server";
import { rulesToday } from "~/modules/rules/rules.service.server";
import { unconfirmedContactsOf } from "~/modules/site-contacts/site-contacts.service.server";
import { siteFacts } from "~/modules/sites/site-facts.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { teamChecklist } from "~/modules/travel-checklist/team-checklist.server";
import type { Database } from "~/utils/db.server";
import { caseSections } from "./case-view";
import { clockView } from "./clock-view";
import { eventsWithActors, messagesOf, notesOf, usersByIds } from "./queue.repository.server";
import { staffActions } from "./queue.schema";
import { siteTeam } from "./site-team.server";
import { siteClockOf, type Staff } from "./staff.server";
import { eventView, nameOf, threadView } from "./staff-referral-view";
import { isOverride, referralForStaff, staffActionsFor, type StaffContext } from "./triage.service.server";

function parseData(text: string | null): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text || "{}");
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The "done" banners the page knows: the staff steps and the page's own forms. */
const doneBanners: readonly string[] = [
  ...staffActions,
  ...["note", "message", "clinical_decision", "rescreen", "joint_proposed", "joint_closed", "joint_message"],
];

/**
 * The referral and the people, history and conversation around it, and the access-log entry for reading it
 * (privacy.md: every read of a referral's clinical detail is logged). Null when it is not this staff member's to see.
 */
export async function openReferralForStaff(db: Database, staff: Staff, id: string, ctx: StaffContext) {
  const referral = await referralForStaff(db, staff, id);
  if (!referral) return null;
  const audit = readingsBy(db, staff, ctx);
  await audit("referral.viewed", ["referral", referral.id], { site: referral.siteCode });
  const site = await siteClockOf(db, staff.siteCode);
  const today = todayAt(site.timezone, ctx.now);
  const [events, notes, messages, people, names, [physician]] = await Promise.all([
    eventsWithActors(db, referral.id),
    notesOf(db, referral.id),
    messagesOf(db, referral.id),
    siteTeam(db, staff.siteCode, ctx.now),
    siteNames(db),
    usersByIds(db, [referral.physicianId]),
  ]);
  const parsedEvents = events.map((e) => ({ ...e, data: parseData(e.data) }));
  const assigneeIds = new Set<string>(referral.assigneeId ? [referral.assigneeId] : []);
  for (const e of parsedEvents) if (typeof e.data.assigneeId === "string") assigneeIds.add(e.data.assigneeId);
  const named = new Map(
    (await usersByIds(db, [...assigneeIds])).map((u) => [u.id, { familyName: u.family_name, givenName: u.given_name }]),
  );
  const clock = clockView(
    {
      status: referral.status,
      urgency: referral.urgency,
      clock_used_days: referral.clock.usedDays,
      clock_due_on: referral.clock.dueOn,
    },
    today,
    holidaysOf(site.country),
  );
  return {
    referral,
    site,
    siteNames: names,
    clock,
    assignee: referral.assigneeId ? (named.get(referral.assigneeId) ?? null) : null,
    physician: physician
      ? { familyName: physician.family_name, givenName: physician.given_name, email: physician.email }
      : null,
    events: parsedEvents.map((e) => {
      const assigneeId = e.data.assigneeId;
      return { ...e, assigneeName: typeof assigneeId === "string" ? (named.get(assigneeId) ?? null) : null };
    }),
    notes,
    messages,
    staff: people,
    actions: staffActionsFor(staff, referral.status),
  };
}

type PageContext = StaffContext & { t: TFunction; lng: Language; done: string | null };
type Opened = NonNullable<Awaited<ReturnType<typeof openReferralForStaff>>>;

/** The page's head: who, where, the clock, the people and the booked consultation, written out for `lng`. */
function referralHead(opened: Opened, lng: Language, siteName: (code: string | null) => string | null) {
  const { referral, site } = opened;
  const consultation = referral.consultation;
  return {
    id: referral.id,
    referenceCode: referral.referenceCode ?? "",
    status: referral.status,
    patient: {
      familyName: referral.patient.familyName ?? "",
      givenName: referral.patient.givenName ?? "",
      latinName: referral.patient.latinName,
    },
    // Privacy rule 5 (ADR 0025): a purged referral says so where the patient's name stood.
    purgedOn: referral.purgedAt ? formatInstant(referral.purgedAt, lng, site.timezone, "date") : null,
    indication: referral.indication,
    urgency: referral.urgency,
    outcome: referral.screenOutcome,
    siteName: siteName(referral.siteCode),
    submittedAt: referral.submittedAt ? formatInstant(referral.submittedAt, lng, site.timezone) : null,
    clock: opened.clock,
    dueOn: opened.clock.kind === "running" ? formatCalendarDate(opened.clock.dueOn, lng) : null,
    assignee: opened.assignee,
    physician: opened.physician,
    consultation: consultation?.date
      ? {
          date: formatCalendarDate(consultation.date, lng),
          time: consultation.time ?? "",
          place: consultation.place ?? "",
          interpreter: consultation.interpreter ?? null,
        }
      : null,
    overrides: {
      accept: isOverride("accept", referral.screenOutcome),
      decline: isOverride("decline", referral.screenOutcome),
    },
  };
}

/** The clinical decision, letters, travel checklist, contacts and joint review panels, in the site's zone. */
async function referralPanels(
  db: Database,
  staff: Staff,
  opened: Opened,
  lng: Language,
  siteName: (code: string | null) => string | null,
) {
  const { referral, site } = opened;
  const clinical = await clinicalDecisionPanel(db, staff, referral);
  const joint = await ownerJointPanel(db, referral);
  const record = (view: NonNullable<typeof clinical.current>) => formatRecord(view, lng, site.timezone);
  return {
    clinical: {
      ...clinical,
      current: clinical.current ? record(clinical.current) : null,
      earlier: clinical.earlier.map(record),
    },
    letters: (await letterSummaries(db, referral.id)).map((l) => ({
      ...l,
      issuedAt: formatInstant(l.issuedAt, lng, site.timezone, "date"),
    })),
    travel: await teamChecklist(db, referral, lng, site.timezone),
    unconfirmedContacts: await unconfirmedContactsOf(db, referral.siteCode),
    joint: {
      review: joint.summary
        ? summaryInWords(joint.summary, lng, site.timezone, (code) => siteName(code) ?? code)
        : null,
      partnerSite: siteName(otherSite(await siteFacts(db), referral.siteCode)?.code ?? null) ?? "",
      refusal: joint.refusal === "already_open" ? null : joint.refusal,
    },
  };
}

/** The staff referral page's data, every time and name written out on the server (in the site's zone). */
export async function staffReferralPage(db: Database, staff: Staff, id: string, ctx: PageContext) {
  const opened = await openReferralForStaff(db, staff, id, ctx);
  if (!opened) return null;
  const { referral, site } = opened;
  const { lng } = ctx;
  const at = (iso: string) => formatInstant(iso, lng, site.timezone);
  const siteName = (code: string | null) =>
    code ? (opened.siteNames[code as keyof typeof opened.siteNames]?.[lng] ?? code) : null;
  return {
    ...referralHead(opened, lng, siteName),
    decision: referral.decision,
    // The two latest screens side by side once the referral has been screened again (re-screen, answers to requests).
    comparison: await latestComparison(db, referral.id),
    // The set a re-screen would use: the one in force for this case's referral date among those published today.
    rescreenWith: ruleSetInForce(referral.storedCase.referredOn, rulesToday(ctx.now)).version,
    siteNames: opened.siteNames,
    // A purged referral keeps what the purge left of its case (ADR 0025); it no longer passes the case schema.
    sections: caseSections(referral.case ?? referral.storedCase, ctx.t, lng, opened.siteNames, site.timezone),
    attachments: await listAttachments(db, referral.id),
    events: opened.events.map((e) => eventView(e, lng, at, siteName)),
    notes: opened.notes.map((n) => ({ id: n.id, at: at(n.created_at), author: nameOf(n), body: n.body })),
    thread: threadView(opened.messages, opened.events, at),
    actions: opened.actions,
    done: ctx.done && doneBanners.includes(ctx.done) ? ctx.done : null,
    ...(await referralPanels(db, staff, opened, lng, siteName)),
  };
}
export type StaffReferralPageData = NonNullable<Awaited<ReturnType<typeof staffReferralPage>>>;

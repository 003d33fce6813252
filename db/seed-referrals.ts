// Plays the demo referral plan (db/demo-referrals.ts) through the referral core: every referral is submitted with
// submitReferral and moved with transitionReferral, exactly as the pages would, so its screen, route, clock,
// history and audit trail are all real. Steps of all referrals run in time order, so the audit log reads in order.
import { sql, type Kysely } from "kysely";
import { caseSchema, screenCaseSchema } from "../app/domain/case/schema";
import { ruleSetInForce } from "../app/domain/eligibility/rulesets";
import { findUserByEmail } from "../app/modules/accounts/accounts.repository.server";
import { insertReferral } from "../app/modules/referrals/referrals.repository.server";
import { submitReferral, transitionReferral, type Actor } from "../app/modules/referrals/referrals.service.server";
import { newId } from "../app/utils/tokens.server";
import {
  consultationPlaces,
  demoCodeRandom,
  demoDateInUtc9,
  demoDraftPlan,
  demoReferralPlan,
  demoStatusExamples,
  type PlannedReferral,
  type PlannedStep,
} from "./demo-referrals";
import type { DB } from "./types";
import { isPostgres } from "./dialect";

export { demoStatusExamples };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const staffEmails = {
  konyang: { coordinator: "lee.sujin@demo.test", reviewer: "choi.minho@demo.test" },
  qst: { coordinator: "suzuki.yui@demo.test", reviewer: "takahashi.hiroshi@demo.test" },
} as const;
const physicianEmails = { KR: "park.jihoon@demo.test", JP: "tanaka.kenichi@demo.test" } as const;

/** The latest moment at or before `at` that falls within office hours (09:00–17:59) in Korea/Japan (UTC+9). */
function officeHoursBefore(at: Date): Date {
  const local = new Date(at.getTime() + 9 * HOUR);
  const hour = local.getUTCHours();
  if (hour >= 9 && hour < 18) return at;
  const shift = hour < 9 ? (hour + 7) * HOUR : (hour - 17) * HOUR; // back to 17:xx of the same or the previous day
  return new Date(at.getTime() - shift);
}

/** A weekday `days` after `from` (Korea/Japan date), moved to the Monday after when it falls on a weekend. */
function weekdayAfter(from: Date, days: number): string {
  const date = new Date(`${demoDateInUtc9(from)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  const weekday = date.getUTCDay();
  if (weekday === 6) date.setUTCDate(date.getUTCDate() + 2);
  if (weekday === 0) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

type Timed = { at: Date; order: number; run: () => Promise<void> };

/**
 * Seeds the demo referrals (about sixty, every state, both sites) and a few drafts. Expects the demo accounts of
 * db/seed.ts. Returns the start-up log lines naming the reference codes a patient can try on /status.
 */
export async function seedDemoReferrals(
  db: Kysely<DB>,
  now: Date,
): Promise<{ lines: string[]; submitted: number; drafts: number }> {
  const userIds = new Map<string, string>();
  for (const email of [
    ...Object.values(physicianEmails),
    ...Object.values(staffEmails).flatMap((s) => Object.values(s)),
  ]) {
    const user = await findUserByEmail(db, email);
    if (!user) throw new Error(`demo account ${email} is missing`);
    userIds.set(email, user.id);
  }

  const referralIds = new Map<number, string>();
  const timeline: Timed[] = [];
  let order = 0;

  for (const planned of demoReferralPlan) {
    const submittedAt = officeHoursBefore(new Date(now.getTime() - planned.submittedMinutesAgo * MINUTE));
    const caseData = caseSchema.parse(planned.caseData(submittedAt));
    // Research use (issue #11, ADR 0022): two patients in three consented, so the export has both kinds to tell apart.
    caseData.consent.research = planned.index % 3 !== 2;
    const physician = { id: userIds.get(physicianEmails[planned.physician])!, country: planned.physician };
    timeline.push({
      at: submittedAt,
      order: order++,
      run: async () => {
        // A demo referral is screened as it would have been on its day: with the rule set published by then, so
        // referrals from before kq-2026-12 carry a jp-2024-06 decision that staff can re-screen (K10).
        const ruleset = ruleSetInForce(caseData.referredOn, demoDateInUtc9(submittedAt));
        const result = await submitReferral(db, {
          physician,
          caseData,
          now: submittedAt,
          random: demoCodeRandom(planned.index),
          ruleset,
        });
        const site = result.record.decision.route.site;
        if (site !== planned.site)
          throw new Error(`demo referral ${planned.index} routed to ${site}, planned ${planned.site}`);
        referralIds.set(planned.index, result.id);
      },
    });
    let site = planned.site;
    for (const step of planned.steps) {
      const at = new Date(submittedAt.getTime() + step.at * MINUTE);
      const actingSite = site;
      if (step.action === "redirect") site = site === "konyang" ? "qst" : "konyang";
      timeline.push({ at, order: order++, run: () => runStep(planned, step, at, actingSite, physician.id) });
    }
  }

  async function runStep(
    planned: PlannedReferral,
    step: PlannedStep,
    at: Date,
    site: "konyang" | "qst",
    physicianId: string,
  ) {
    const actor: Actor =
      step.by === "physician"
        ? { id: physicianId, role: "physician" }
        : { id: userIds.get(staffEmails[site][step.by])!, role: step.by };
    let data = step.data;
    if (step.action === "schedule" && planned.consultation) {
      const close = planned.steps.find((s) => s.action === "close");
      const closedAt = close ? at.getTime() + (close.at - step.at) * MINUTE : at.getTime();
      // A consultation still to come is days ahead of now; one already held lies between scheduling and closing.
      const date =
        planned.consultation.inDays !== null
          ? weekdayAfter(now, planned.consultation.inDays)
          : demoDateInUtc9(new Date((at.getTime() + closedAt) / 2));
      data = {
        date,
        time: planned.consultation.time,
        place: consultationPlaces[site],
        interpreterNote: planned.consultation.interpreterNote,
      };
    }
    const result = await transitionReferral(db, {
      referralId: referralIds.get(planned.index)!,
      actor,
      action: step.action,
      reasonCode: step.reasonCode ?? null,
      note: step.note ?? null,
      data,
      now: at,
    });
    if (!result.ok) throw new Error(`demo referral ${planned.index}: ${step.action} failed (${result.code})`);
  }

  for (const draft of demoDraftPlan) {
    const createdAt = officeHoursBefore(new Date(now.getTime() - draft.createdMinutesAgo * MINUTE));
    const caseData = screenCaseSchema.parse(draft.caseData(createdAt));
    timeline.push({
      at: createdAt,
      order: order++,
      run: async () => {
        const at = createdAt.toISOString();
        const patient = caseData.patient!;
        await insertReferral(db, {
          id: newId(),
          reference_code: null,
          physician_id: userIds.get(physicianEmails[draft.physician])!,
          status: "draft",
          site_code: null,
          case_json: JSON.stringify(caseData),
          patient_family_name: patient.familyName ?? null,
          patient_given_name: patient.givenName ?? null,
          patient_latin_name: [patient.familyNameLatin, patient.givenNameLatin].filter(Boolean).join(" ") || null,
          patient_birth_date: patient.birthDate ?? null,
          patient_language: patient.preferredLanguage ?? null,
          indication: caseData.diagnosis.indication,
          urgency: caseData.urgency ?? "routine",
          created_at: at,
          updated_at: at,
          status_changed_at: at,
        });
      },
    });
  }

  timeline.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
  // A brand-new demo database: commits need not wait for the disk while it fills (a crash means seeding again).
  // SQLite only: on PostgreSQL the setting would hold for one pooled connection, and its commits are fast enough.
  const sqlite = !isPostgres(db);
  if (sqlite) await sql`PRAGMA synchronous = NORMAL`.execute(db);
  try {
    for (const item of timeline) await item.run();
  } finally {
    if (sqlite) await sql`PRAGMA synchronous = FULL`.execute(db);
  }

  return {
    submitted: demoReferralPlan.length,
    drafts: demoDraftPlan.length,
    lines: demoStatusExamples.map(
      (e) => `demo status check (/status): ${e.referenceCode}, born ${e.birthDate} → ${e.stage}`,
    ),
  };
}

import { z } from "zod";
import { caseSchema, type ReferralCase } from "~/domain/case/schema";
import type { DecisionJson, Outcome } from "~/domain/screen";
import { referralStatuses, type ReferralStatus } from "~/domain/workflow/states";
import { isLanguage, type Language } from "~/i18n/config";
import type { ReferralRow } from "./referrals.repository.server";

// One mapper for the referral aggregate: the row and its JSON columns are read here once, and services hand the
// typed object below to routes. Routes never see a row, a JSON string or a snake_case column.

/** The contract's decision JSON (shared/domain/referral-case.md), the one shape stored since migration 0020. */
const decisionSchema = z.object({
  rulesetVersion: z.string(),
  outcome: z.enum(["likely_eligible", "needs_review", "not_eligible"]),
  coverage: z.enum(["jp_insurance", "jp_advanced_care", "case_by_case", "none"]),
  criteria: z.array(
    z.object({
      id: z.string(),
      status: z.enum(["met", "not_met", "unknown", "flag", "not_applicable"]),
      value: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
      expected: z.string().optional(),
      resolve: z.string().optional(),
      details: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
  missing: z.array(z.string()),
  route: z.object({
    site: z.enum(["konyang", "qst"]).nullable(),
    reasons: z.array(z.string()),
    alternatives: z.array(z.enum(["konyang", "qst"])),
  }),
  funding: z
    .object({
      tier: z.enum(["jp_insurance", "jp_advanced_care", "case_by_case", "none"]),
      patientPays: z.enum(["jp_insurance_share", "self_pay_international", "unknown"]),
      notes: z.array(z.string()),
    })
    .optional(),
});

/** A booked consultation as stored (older bookings lack the time zone, duration and slot). */
const consultationSchema = z.looseObject({
  date: z.string().optional(),
  time: z.string().optional(),
  place: z.string().optional(),
  interpreter: z.string().optional(),
  timeZone: z.string().optional(),
  durationMinutes: z.number().optional(),
  bookedAt: z.string().optional(),
});
export type StoredConsultationRecord = z.infer<typeof consultationSchema>;

export type Referral = {
  id: string;
  referenceCode: string | null;
  status: ReferralStatus;
  siteCode: string | null;
  physicianId: string;
  assigneeId: string | null;
  previousReferralId: string | null;
  indication: string | null;
  urgency: "routine" | "urgent";
  screenOutcome: Outcome | null;
  patient: {
    familyName: string | null;
    givenName: string | null;
    latinName: string | null;
    birthDate: string | null;
    language: Language | null;
  };
  /** The stored case as the case schema reads it; null while a draft is incomplete or after the purge. */
  case: ReferralCase | null;
  /** The stored case as written, for what a draft or a purged referral still shows (never validated). */
  storedCase: Readonly<Record<string, unknown>>;
  decision: DecisionJson | null;
  consultation: StoredConsultationRecord | null;
  clock: { runningSince: string | null; dueOn: string | null; usedDays: number };
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  statusChangedAt: string;
  firstDecisionAt: string | null;
  purgedAt: string | null;
};

function parsed(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The stored decision, or null when there is none (a draft) or it is not in the contract's shape. */
export function decisionFrom(text: string | null): DecisionJson | null {
  const result = decisionSchema.safeParse(parsed(text));
  return result.success ? result.data : null;
}

function statusOf(value: string): ReferralStatus {
  // The column is only written through the workflow; an unknown value would be a bug, read as closed.
  return (referralStatuses as readonly string[]).includes(value) ? (value as ReferralStatus) : "closed";
}

const outcomes: readonly Outcome[] = ["likely_eligible", "needs_review", "not_eligible"];

/** A referral row as the typed object services return. */
export function toReferral(row: ReferralRow): Referral {
  const stored = parsed(row.case_json);
  const storedCase = isObject(stored) ? stored : {};
  const checked = row.status === "draft" || row.purged_at ? null : caseSchema.safeParse(storedCase);
  const consultation = consultationSchema.safeParse(parsed(row.consultation_json));
  return {
    id: row.id,
    referenceCode: row.reference_code,
    status: statusOf(row.status),
    siteCode: row.site_code,
    physicianId: row.physician_id,
    assigneeId: row.assignee_id,
    previousReferralId: row.previous_referral_id,
    indication: row.indication,
    urgency: row.urgency === "urgent" ? "urgent" : "routine",
    screenOutcome: outcomes.find((o) => o === row.screen_outcome) ?? null,
    patient: {
      familyName: row.patient_family_name,
      givenName: row.patient_given_name,
      latinName: row.patient_latin_name,
      birthDate: row.patient_birth_date,
      language: isLanguage(row.patient_language) ? row.patient_language : null,
    },
    case: checked?.success ? checked.data : null,
    storedCase,
    decision: decisionFrom(row.decision_json),
    consultation: row.consultation_json && consultation.success ? consultation.data : null,
    clock: { runningSince: row.clock_running_since, dueOn: row.clock_due_on, usedDays: row.clock_used_days },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    statusChangedAt: row.status_changed_at,
    firstDecisionAt: row.first_decision_at,
    purgedAt: row.purged_at,
  };
}

/** The same, for a row that may be missing. */
export function toReferralOrNull(row: ReferralRow | undefined | null): Referral | null {
  return row ? toReferral(row) : null;
}

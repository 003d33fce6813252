import {
  canRecordClinicalDecision,
  checkSignoff,
  type Approach,
  type Recommendation,
} from "~/domain/clinical-decision/clinical-decision";
import { formatInstant } from "~/i18n/format";
import type { ReferralStatus } from "~/domain/workflow/states";
import { isLanguage, type Language } from "~/i18n/config";
import { findUserById } from "~/modules/accounts/accounts.repository.server";
import { auditBy } from "~/modules/audit/audit.service.server";
import type { Staff } from "~/modules/queue/staff.server";
import { canSeeReferral } from "~/modules/referrals/access.server";
import { findReferral } from "~/modules/referrals/referrals.repository.server";
import { toReferral, type Referral } from "~/modules/referrals/referral.mapper.server";
import { clinicalSignoffRequired } from "~/modules/sites/sites.service.server";
import type { Database } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";
import type { ClinicalDecisionInput } from "./clinical-decision.schema";
import {
  clinicalDecisionsOf,
  insertClinicalDecision,
  type ClinicalDecisionWithReviewer,
} from "./clinical-decisions.repository.server";

export type ClinicalDecisionView = {
  id: string;
  recommendation: Recommendation;
  reasonCode: string | null;
  rationale: string;
  approach: Approach | null;
  approachDetail: string | null;
  alternatives: string | null;
  recordedAt: string;
  reviewer: { familyName: string; givenName: string } | null;
};

export function toView(row: ClinicalDecisionWithReviewer): ClinicalDecisionView {
  return {
    id: row.id,
    recommendation: row.recommendation as Recommendation,
    reasonCode: row.reason_code,
    rationale: row.rationale,
    approach: (row.approach as Approach | null) ?? null,
    approachDetail: row.approach_detail,
    alternatives: row.alternatives,
    recordedAt: row.recorded_at,
    reviewer:
      row.reviewer_family_name != null
        ? { familyName: row.reviewer_family_name, givenName: row.reviewer_given_name ?? "" }
        : null,
  };
}

/** The clinical decision in force at a site: its reviewers' newest recording for the referral. */
export async function currentClinicalDecision(
  db: Database,
  referralId: string,
  siteCode: string,
): Promise<ClinicalDecisionView | null> {
  const [latest] = await clinicalDecisionsOf(db, referralId, siteCode);
  return latest ? toView(latest) : null;
}

/** What the staff pages show of the clinical decision: the one in force, earlier ones, and whether this person may record. */
export async function clinicalDecisionPanel(
  db: Database,
  staff: Staff,
  referral: Pick<Referral, "id" | "siteCode" | "status">,
) {
  const site = referral.siteCode ?? staff.siteCode;
  const [rows, required] = await Promise.all([
    clinicalDecisionsOf(db, referral.id, site),
    clinicalSignoffRequired(db, site),
  ]);
  const views = rows.map(toView);
  return {
    current: views[0] ?? null,
    earlier: views.slice(1),
    required,
    canRecord: canRecordClinicalDecision(referral.status, staff.role),
    viewerIsReviewer: staff.role === "reviewer",
  };
}

export type RecordResult = { ok: true; id: string } | { ok: false; code: "not_found" | "not_reviewer" | "not_open" };

/**
 * A reviewer records the clinical recommendation for a referral of their site. A new recording never replaces an
 * old one: the newest counts, and the history keeps what each coordinator acted on. The audit says what was
 * recommended, never the clinical text.
 */
export async function recordClinicalDecision(
  db: Database,
  staff: Staff,
  referralId: string,
  input: ClinicalDecisionInput,
  ctx: { now: Date; ip: string | null },
): Promise<RecordResult> {
  return db.transaction().execute(async (trx) => {
    // Read inside the transaction: a referral redirected or decided a moment ago is checked as it is now.
    const referral = await findReferral(trx, referralId);
    if (!referral || !canSeeReferral(staff, referral) || referral.site_code !== staff.siteCode)
      return { ok: false, code: "not_found" } as const;
    if (staff.role !== "reviewer") return { ok: false, code: "not_reviewer" } as const;
    if (!canRecordClinicalDecision(referral.status as ReferralStatus, staff.role))
      return { ok: false, code: "not_open" } as const;
    const id = newId();
    await insertClinicalDecision(trx, {
      id,
      referral_id: referral.id,
      site_code: staff.siteCode,
      reviewer_id: staff.id,
      recommendation: input.recommendation,
      reason_code: input.reasonCode ?? null,
      rationale: input.rationale,
      approach: input.approach ?? null,
      approach_detail: input.approachDetail ?? null,
      alternatives: input.alternatives ?? null,
      recorded_at: ctx.now.toISOString(),
    });
    const audit = auditBy(trx, staff, ctx);
    await audit("referral.clinical_decision_recorded", ["referral", referral.id], {
      clinicalDecisionId: id,
      site: staff.siteCode,
      recommendation: input.recommendation,
      reasonCode: input.reasonCode ?? null,
      approach: input.approach ?? null,
    });
    return { ok: true, id } as const;
  });
}

/** A recording as the pages show it: its time written out on the server, in the site's zone with a 24-hour clock. */
export function formatRecord(view: ClinicalDecisionView, lng: Language, timeZone: string) {
  return { ...view, recordedAt: formatInstant(view.recordedAt, lng, timeZone) };
}

/** The reviewer's form page: the referral's head, the decision in force, and the language the letter would be in. */
export async function clinicalDecisionForm(db: Database, staff: Staff, referralId: string) {
  const row = await findReferral(db, referralId);
  if (!row || !canSeeReferral(staff, row)) return null;
  const referral = toReferral(row);
  const [panel, physician] = await Promise.all([
    clinicalDecisionPanel(db, staff, referral),
    findUserById(db, referral.physicianId),
  ]);
  return {
    referral,
    panel,
    physicianLanguage: isLanguage(physician?.preferred_language) ? physician.preferred_language : ("en" as Language),
  };
}

/**
 * What an accept, decline or redirect page shows of the clinical decision: the one in force at the site, whether the
 * site requires one, and whether this action would pass the sign-off (the same check the action makes).
 */
export async function signoffFor(db: Database, siteCode: string, referralId: string, action: string) {
  const [record, required] = await Promise.all([
    currentClinicalDecision(db, referralId, siteCode),
    clinicalSignoffRequired(db, siteCode),
  ]);
  return { record, required, check: checkSignoff(action, required, record), agrees: record?.recommendation === action };
}

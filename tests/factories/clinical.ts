import type { Recommendation } from "~/domain/clinical-decision/clinical-decision";
import { getSessionUser } from "~/modules/accounts/session.server";
import { clinicalDecisionSchema } from "~/modules/clinical-decisions/clinical-decision.schema";
import { recordClinicalDecision } from "~/modules/clinical-decisions/clinical-decisions.service.server";
import type { Staff } from "~/modules/queue/staff.server";
import type { Database } from "~/utils/db.server";
import { createAccount, getRequest, sessionCookieFor } from "./accounts";

/** The staff member an account is once signed in, as the services see them. */
export async function asStaff(db: Database, accountId: string): Promise<Staff> {
  return (await getSessionUser(getRequest("/", { cookie: await sessionCookieFor(db, accountId) }))) as Staff;
}

/** A signed-in member of `site`'s staff (a coordinator unless `role` says otherwise). */
export async function staffOf(
  db: Database,
  site: "konyang" | "qst",
  role: "coordinator" | "reviewer" = "coordinator",
): Promise<Staff> {
  return asStaff(db, (await createAccount(db, { role, site })).id);
}

/** A signed-in reviewer of `site`, as the services see one. */
export async function reviewerOf(db: Database, site: "konyang" | "qst"): Promise<Staff> {
  return staffOf(db, site, "reviewer");
}

const defaults: Record<Recommendation, Record<string, string>> = {
  accept: { approach: "carbon_ion", rationale: "Localised disease within the criteria; fit for treatment." },
  decline: { declineReason: "outside_criteria", rationale: "Outside the criteria for carbon-ion radiotherapy." },
  redirect: { redirectReason: "treatment_on_site", rationale: "Treatment is given at the partner site." },
  more_info: { rationale: "Recent imaging is needed before a decision." },
};

/** A reviewer of the site records `recommendation` for the referral (the form's answers, with realistic defaults). */
export async function clinicalDecisionBy(
  db: Database,
  referralId: string,
  site: "konyang" | "qst",
  recommendation: Recommendation,
  answers: Record<string, string> = {},
  now = new Date(),
) {
  const reviewer = await reviewerOf(db, site);
  const input = clinicalDecisionSchema.parse({ recommendation, ...defaults[recommendation], ...answers });
  const result = await recordClinicalDecision(db, reviewer, referralId, input, { now, ip: null });
  if (!result.ok) throw new Error(`clinical decision refused: ${result.code}`);
  return { id: result.id, reviewer };
}

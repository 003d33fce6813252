import { otherSite } from "~/domain/routing/site-facts";
import type { Language } from "~/i18n/config";
import { listAttachments } from "~/modules/intake/attachments.service.server";
import { checklistFor, missingDocuments } from "~/modules/intake/checklist";
import type { Referral } from "~/modules/referrals/referral.mapper.server";
import { siteFacts } from "~/modules/sites/site-facts.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import type { Database } from "~/utils/db.server";
import { requestableDocuments, requestableFields, type FormAction } from "./queue.schema";
import { siteTeam } from "./site-team.server";
import type { Staff } from "./staff.server";
import { isOverride, referralForStaff, staffActionsFor } from "./triage.service.server";

/** The documents a request for information may ask for, with what the referral already holds. */
async function requestableDocumentLines(db: Database, referral: Referral) {
  const kinds = (await listAttachments(db, referral.id)).map((a) => a.kind);
  const lines = checklistFor(referral.case?.diagnosis.indication ?? null, kinds).filter((line) =>
    requestableDocuments.includes(line.id),
  );
  const missingIds = new Set(missingDocuments(lines).map((line) => line.id));
  return lines.map((line) => ({ id: line.id, provided: line.provided, missing: missingIds.has(line.id) }));
}

/** Where a redirect would send the referral, and whether it crosses a border the patient has not consented to. */
async function redirectTarget(db: Database, referral: Referral, nameOf: (code: string | null) => string) {
  const target = otherSite(await siteFacts(db), referral.siteCode);
  return {
    site: nameOf(target?.code ?? null),
    crossesBorder: target?.country !== referral.case?.patient.residenceCountry,
    consent: referral.case?.consent.crossBorder === true,
  };
}

/** What an action page shows and offers: the referral's summary and the choices of that action's form. */
export async function actionFormFor(
  db: Database,
  staff: Staff,
  id: string,
  action: FormAction,
  lng: Language,
  now: Date,
) {
  const referral = await referralForStaff(db, staff, id);
  if (!referral) return null;
  const names = await siteNames(db);
  const nameOf = (code: string | null) => (code ? (names[code as keyof typeof names]?.[lng] ?? code) : "");
  const people = action === "assign" ? await siteTeam(db, staff.siteCode, now) : [];
  const missing = (referral.decision?.missing ?? []).filter((path) =>
    (requestableFields as readonly string[]).includes(path),
  );
  return {
    id: referral.id,
    action,
    available: staffActionsFor(staff, referral.status).includes(action),
    referenceCode: referral.referenceCode ?? "",
    patient: { familyName: referral.patient.familyName ?? "", givenName: referral.patient.givenName ?? "" },
    status: referral.status,
    siteCode: referral.siteCode,
    indication: referral.indication,
    outcome: referral.screenOutcome,
    siteName: nameOf(referral.siteCode),
    override: isOverride(action, referral.screenOutcome),
    staff: people.map((p) => ({ id: p.id, familyName: p.family_name, givenName: p.given_name, role: p.role })),
    assigneeId: referral.assigneeId,
    documents: action === "request_info" ? await requestableDocumentLines(db, referral) : [],
    missingFields: missing,
    otherFields: requestableFields.filter((path) => !missing.includes(path)),
    redirectTo: action === "redirect" ? await redirectTarget(db, referral, nameOf) : null,
    // QST offers no language support (routing.md): a patient without Japanese brings a medical interpreter.
    interpreterHint: referral.siteCode === "qst" && referral.case?.patient.preferredLanguage !== "ja",
  };
}

import { toReferral } from "~/modules/referrals/referral.mapper.server";
import { getSessionUser, type SessionUser } from "~/modules/accounts/session.server";
import { saveSection, submitDraft } from "~/modules/intake/intake.service.server";
import type { FlatValues, FormSection } from "~/modules/intake/intake-form";
import { findReferral } from "~/modules/referrals/referrals.repository.server";
import type { Database } from "~/utils/db.server";
import { createAccount, getRequest, sessionCookieFor } from "./accounts";

/** A signed-in account as the server sees it, with the Cookie header its browser would send. */
export async function signedIn(
  db: Database,
  overrides: Parameters<typeof createAccount>[1] = {},
): Promise<{ user: SessionUser; cookie: string }> {
  const account = await createAccount(db, overrides);
  const cookie = await sessionCookieFor(db, account.id);
  const user = await getSessionUser(getRequest("/", { cookie }));
  if (!user) throw new Error("no session");
  return { user, cookie };
}

/** A Korean resident with localised prostate cancer, typed as a physician would type it (strings, local phone). */
export const koreanProstate: Record<FormSection, FlatValues> = {
  patient: {
    "patient.familyName": "김",
    "patient.givenName": "민준",
    "patient.familyNameLatin": "KIM",
    "patient.givenNameLatin": "MINJUN",
    "patient.birthDate.year": "1958",
    "patient.birthDate.month": "3",
    "patient.birthDate.day": "14",
    "patient.sex": "male",
    "patient.residenceCountry": "KR",
    "patient.preferredLanguage": "ko",
    "patient.phone": "010-1234-5678",
    "patient.referringHospitalId": "KY-000123",
    "patient.canTravelAbroad": "yes",
    "preferences.site": "none",
  },
  consent: { "consent.sensitiveData": "true", "consent.informedOfDiagnosis": "true" },
  diagnosis: {
    "diagnosis.indication": "prostate",
    "diagnosis.histology": "adenocarcinoma",
    "diagnosis.histologicallyConfirmed": "yes",
    "diagnosis.haematological": "no",
    "diagnosis.icd10": "C61",
    "diagnosis.status": "primary",
    "diagnosis.resectable": "yes",
    "diagnosis.tnm.t": "T2b",
    "diagnosis.tnm.n": "N0",
    "diagnosis.tnm.m": "M0",
    "diagnosis.tnm.edition": "UICC8",
    "diagnosis.maxDiameterMm": "18",
    "diagnosis.distantMetastasisSites": "0",
    "diagnosis.peritonealOrMeningealSpread": "no",
    "diagnosis.invadesGiTract": "no",
    "diagnosis.abutsGiTract": "no",
    "diagnosis.invadesSpinalCord": "no",
    "diagnosis.psaNgMl": "8.2",
    "diagnosis.gleasonScore": "7",
    urgency: "routine",
  },
  history: {
    "history.priorRadiotherapy": "none",
    "clinical.ecog": "1",
    "clinical.canLieStill30Min": "yes",
    "clinical.activeInfectionInField": "no",
    "clinical.metalImplantInField": "no",
    "clinical.cardiacDevice": "no",
  },
};

/** Saves every section of a draft, as "save and continue" would; returns the saved row. */
export async function fillDraft(
  db: Database,
  user: SessionUser,
  referralId: string,
  answers: Record<FormSection, FlatValues> = koreanProstate,
  now = new Date(),
) {
  for (const section of ["patient", "consent", "diagnosis", "history"] as const) {
    const referral = toReferral((await findReferral(db, referralId))!);
    const result = await saveSection(db, {
      user,
      referral,
      section,
      values: answers[section],
      intent: "continue",
      now,
    });
    if (result.issues.length) throw new Error(`${section}: ${JSON.stringify(result.issues)}`);
  }
  return (await findReferral(db, referralId))!;
}

/** Saves one section of a draft as it is stored now, as the page's button (`intent`) would. */
export async function saveDraftSection(
  db: Database,
  { id, ...input }: Omit<Parameters<typeof saveSection>[1], "referral"> & { id: string },
) {
  return saveSection(db, { ...input, referral: toReferral((await findReferral(db, id))!) });
}

/** Fills every section of a draft and submits it as a physician in Korea; the accepted result, or it throws. */
export async function submitFilledDraft(
  db: Database,
  user: SessionUser,
  referralId: string,
  now = new Date(),
  answers: Record<FormSection, FlatValues> = koreanProstate,
) {
  await fillDraft(db, user, referralId, answers, now);
  const referral = toReferral((await findReferral(db, referralId))!);
  const result = await submitDraft(db, { user: { ...user, country: "KR" }, referral, now });
  if (!result.ok) throw new Error(`not submitted: ${result.code}`);
  return result;
}

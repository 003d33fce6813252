import { storedReferral } from "../../../tests/factories/referrals";
import { toReferral } from "~/modules/referrals/referral.mapper.server";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/modules/audit/audit.service.server";
import { auditEventsFor } from "~/modules/audit/audit.repository.server";
import { findReferral, referralEvents, referralScreens } from "~/modules/referrals/referrals.repository.server";
import { getDb } from "~/utils/db.server";
import { koreanProstate, saveDraftSection, signedIn, submitFilledDraft } from "../../../tests/factories/intake";
import { formValuesOf } from "./intake-form";
import {
  caseOf,
  createDraft,
  discardDraft,
  myReferrals,
  ownReferral,
  saveSection,
  submitDraft,
} from "./intake.service.server";

const now = new Date("2026-11-26T01:00:00Z");

const requiredConsents = {
  "consent.sensitiveData": "true",
  "consent.crossBorder": "true",
  "consent.informedOfDiagnosis": "true",
};

/** One consent of the three required: a draft with it alone cannot be submitted. */
const sensitiveDataOnly = { "consent.sensitiveData": "true" };

/** A signed-in physician's new, empty draft. */
async function newDraft() {
  const db = await getDb();
  const { user } = await signedIn(db);
  const id = await createDraft(db, { user, now });
  return { db, user, id };
}

describe("drafts", () => {
  it("save whatever was typed, valid or not, and resume it elsewhere", async () => {
    const { db, user, id } = await newDraft();
    const draft = (await findReferral(db, id))!;
    expect(draft).toMatchObject({ status: "draft", reference_code: null, site_code: null, case_json: "{}" });

    // Half a patient section, with a half-typed date and a misspelt number: saved anyway, nothing lost.
    const typed = {
      "patient.familyName": "田中",
      "patient.givenName": "花子",
      "patient.nameReading": "たなか はなこ",
      "patient.birthDate.year": "1961",
      "patient.birthDate.month": "",
      "patient.birthDate.day": "9",
      "patient.phone": "03-1234-5678",
      "patient.residenceCountry": "JP",
    };
    const saved = await saveSection(db, {
      user,
      referral: toReferral(draft),
      section: "patient",
      values: typed,
      intent: "autosave",
      now,
    });
    expect(saved).toMatchObject({ saved: true, issues: [] });
    const continued = await saveDraftSection(db, {
      user,
      id,
      section: "patient",
      values: typed,
      intent: "continue",
      now,
    });
    expect(continued.issues.map((i) => i.path)).toEqual([
      "patient.birthDate",
      "patient.sex",
      "patient.preferredLanguage",
      "preferences.site",
    ]);

    // Another device: only the database is shared.
    const resumed = (await ownReferral(db, user, id))!;
    expect(caseOf(resumed)).toEqual({
      patient: {
        familyName: "田中",
        givenName: "花子",
        nameReading: "タナカ ハナコ",
        birthDate: "1961--09",
        phone: "+81312345678",
        residenceCountry: "JP",
      },
    });
    expect(formValuesOf(caseOf(resumed))).toMatchObject({
      "patient.birthDate.year": "1961",
      "patient.birthDate.month": "",
      "patient.birthDate.day": "9",
      "patient.nameReading": "タナカ ハナコ",
    });
    expect(resumed).toMatchObject({ patient: { familyName: "田中", givenName: "花子" } });
    expect((await myReferrals(db, user)).map((r) => ({ id: r.id, waitingOnMe: r.waitingOnMe }))).toEqual([
      { id, waitingOnMe: true },
    ]);
  });

  it("refuse a resident registration number: it is never stored, the rest is", async () => {
    const { db, user, id } = await newDraft();
    const result = await saveDraftSection(db, {
      user,
      id,
      section: "patient",
      values: { "patient.familyName": "김", "patient.referringHospitalId": "580314-1234567" },
      intent: "autosave",
      now,
    });
    expect(result.issues).toEqual([{ path: "patient.referringHospitalId", key: "intake:validation.rrn" }]);
    const row = (await findReferral(db, id))!;
    expect(row.case_json).not.toMatch(/1234567/);
    expect(caseOf(toReferral(row))).toEqual({ patient: { familyName: "김" } });
  });

  it("refuse on continuing a phone number that does not exist (090-1234-567 in Japan), saying how one is written", async () => {
    const { db, user, id } = await newDraft();
    const values = { "patient.familyName": "田中", "patient.residenceCountry": "JP", "patient.phone": "090-1234-567" };
    const result = await saveDraftSection(db, { user, id, section: "patient", values, intent: "continue", now });
    expect(result.issues).toContainEqual({
      path: "patient.phone",
      key: "intake:validation.phoneNotValid",
      params: { example: "090-1234-5678" },
    });
    // Nothing typed is lost: the draft keeps the number to be corrected.
    expect(caseOf(await storedReferral(db, id))).toMatchObject({ patient: { familyName: "田中" } });
    const fine = await saveDraftSection(db, {
      user,
      id,
      section: "patient",
      values: { ...values, "patient.phone": "090-1234-5678" },
      intent: "continue",
      now,
    });
    expect(fine.issues.filter((i) => i.path === "patient.phone")).toEqual([]);
  });

  it("refuse a Japanese My Number with a valid check digit, in the record number and in the name, with its own words", async () => {
    const { db, user, id } = await newDraft();
    const values = {
      "patient.familyName": "田中 1234 5678 9018",
      "patient.givenName": "花子",
      "patient.referringHospitalId": "987654321093",
    };
    const result = await saveDraftSection(db, { user, id, section: "patient", values, intent: "autosave", now });
    expect(result.issues).toEqual([
      { path: "patient.familyName", key: "intake:validation.myNumber" },
      { path: "patient.referringHospitalId", key: "intake:validation.myNumber" },
    ]);
    const row = (await findReferral(db, id))!;
    expect(row.case_json).not.toMatch(/9018|321093/);
    expect(caseOf(toReferral(row))).toEqual({ patient: { givenName: "花子" } });
  });

  it("record each change of consent with its time and the physician who took it", async () => {
    const { db, user, id } = await newDraft();
    await saveDraftSection(db, { user, id, section: "consent", values: requiredConsents, intent: "continue", now });
    expect(caseOf(await storedReferral(db, id)).consent).toEqual({
      sensitiveData: true,
      crossBorder: true,
      informedOfDiagnosis: true,
      research: false,
      statusUpdates: false,
      recordedAt: now.toISOString(),
    });
    // Saving the same answers again records nothing new.
    await saveDraftSection(db, {
      user,
      id,
      section: "consent",
      values: requiredConsents,
      intent: "save",
      now: new Date(now.getTime() + 60_000),
    });
    const events = await referralEvents(db, id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "consent_recorded",
      actor_user_id: user.id,
      actor_role: "physician",
      from_status: "draft",
      to_status: "draft",
    });
    expect(JSON.parse(events[0]!.data)).toEqual({
      sensitiveData: true,
      crossBorder: true,
      informedOfDiagnosis: true,
      research: false,
      statusUpdates: false,
    });
    expect((await auditEventsFor(db, "referral", id)).map((e) => e.action)).toEqual([
      "referral.draft_created",
      "referral.consent_recorded",
    ]);
  });

  it("are deleted with their history, and only drafts are", async () => {
    const { db, user, id } = await newDraft();
    await saveDraftSection(db, { user, id, section: "consent", values: sensitiveDataOnly, intent: "save", now });
    expect(await discardDraft(db, { user, referral: await storedReferral(db, id), now })).toBe(true);
    expect(await findReferral(db, id)).toBeUndefined();
    expect(await verifyAuditChain(db)).toBeNull();
  });

  it("belong to their physician only", async () => {
    const db = await getDb();
    const { user } = await signedIn(db);
    const other = await signedIn(db);
    const coordinator = await signedIn(db, { role: "coordinator", site: "konyang" });
    const id = await createDraft(db, { user, now });
    expect(await ownReferral(db, other.user, id)).toBeNull();
    expect(await ownReferral(db, coordinator.user, id)).toBeNull();
    expect(await ownReferral(db, user, id)).not.toBeNull();
  });
});

describe("submission", () => {
  it("validates the whole case: the required consents and every required answer", async () => {
    const { db, user, id } = await newDraft();
    await saveDraftSection(db, {
      user,
      id,
      section: "patient",
      values: koreanProstate.patient,
      intent: "continue",
      now,
    });
    await saveDraftSection(db, { user, id, section: "consent", values: sensitiveDataOnly, intent: "save", now });
    const result = await submitDraft(db, { user, referral: await storedReferral(db, id), now });
    expect(result.ok).toBe(false);
    if (result.ok || result.code !== "invalid") throw new Error("expected issues");
    expect(result.issues).toContainEqual({ path: "consent.informedOfDiagnosis", key: "intake:validation.consent" });
    expect(result.issues.map((i) => i.path)).toContain("diagnosis.indication");
    expect((await findReferral(db, id))!.status).toBe("draft");
  });

  it("creates the referral: reference code, screen decision with versions, route, history", async () => {
    const { db, user, id } = await newDraft();
    const result = await submitFilledDraft(db, user, id, now);
    expect(result).toMatchObject({ ok: true, id });
    expect(result.referenceCode).toMatch(/^KQ-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const row = (await findReferral(db, id))!;
    expect(row).toMatchObject({
      status: "triage",
      reference_code: result.referenceCode,
      site_code: "konyang",
      screen_outcome: "likely_eligible",
      patient_birth_date: "1958-03-14",
    });
    const stored = caseOf(toReferral(row));
    expect(stored).toMatchObject({
      referredOn: "2026-11-26",
      attachments: [],
      patient: { phone: "+821012345678" },
      consent: { sensitiveData: true, crossBorder: false, informedOfDiagnosis: true },
    });
    expect((await referralScreens(db, id))[0]).toMatchObject({
      outcome: "likely_eligible",
      ruleset_version: "kq-2026-12",
    });
    // A second click finds no draft to submit.
    expect(await submitDraft(db, { user, referral: toReferral(row), now })).toEqual({ ok: false, code: "not_draft" });
    const replay = await submitDraft(db, { user, referral: { ...toReferral(row), status: "draft" }, now });
    expect(replay).toEqual({ ok: false, code: "not_draft" });
    expect((await findReferral(db, id))!.reference_code).toBe(result.referenceCode);
  });
});

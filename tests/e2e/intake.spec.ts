import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, gotoIn, signIn, type Language } from "./helpers";
import { personName } from "../../app/i18n/person-name";
import { minimalDicom } from "../factories/uploads";
import { budget } from "./time";

type Words = Record<string, any>;
const words = (lng: Language, ns: string): Words =>
  JSON.parse(fs.readFileSync(path.resolve("locales", lng, `${ns}.json`), "utf8"));

// Small, valid files made here: a minimal PDF, and a DICOM file with a meta header a DICOM parser reads.
const pdf = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const dicom = Buffer.from(minimalDicom());

type Patient = {
  physician: string;
  family: string;
  given: string;
  reading?: string;
  latin: [string, string];
  birth: [string, string, string];
  sex: string;
  country: string;
  language: Language;
  phone: string;
  hospitalId: string;
  indication: "prostate" | "hcc";
};

const patients: Record<"ko" | "ja", Patient> = {
  ko: {
    physician: "park.jihoon@demo.test",
    family: "김",
    given: "민준",
    latin: ["KIM", "MINJUN"],
    birth: ["1958", "3", "14"],
    sex: "male",
    country: "KR",
    language: "ko",
    phone: "010-1234-5678",
    hospitalId: "CNUH-2026-0042",
    indication: "prostate",
  },
  ja: {
    physician: "tanaka.kenichi@demo.test",
    family: "佐藤",
    given: "美咲",
    reading: "さとう みさき",
    latin: ["SATO", "MISAKI"],
    birth: ["1962", "7", "2"],
    sex: "female",
    country: "JP",
    language: "ja",
    phone: "090-1234-5678",
    hospitalId: "CHIBA-88231",
    indication: "hcc",
  },
};

// The hospital a resident's data would go to abroad, as the sites table names it in each language.
const otherHospital: Record<Language, Record<string, string>> = {
  ko: { KR: "QST 병원", JP: "건양대학교병원" },
  ja: { KR: "QST病院", JP: "建陽大学校病院" },
  en: { KR: "QST Hospital", JP: "Konyang University Hospital" },
};

const field = (page: Page, name: string) => page.locator(`#field-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`);
const radio = (page: Page, name: string, value: string) =>
  page.locator(`input[type="radio"][name="${name}"][value="${value}"]`);
const button = (page: Page, intent: string) => page.locator(`button[name="intent"][value="${intent}"]`);

/** On a section page with JavaScript, wait until react-hook-form has taken over the inputs. */
async function ready(page: Page, js: boolean, section: string) {
  const form = page.locator(`form[data-form="section-${section}"]`);
  await expect(form).toBeVisible();
  if (js) await expect(form).toHaveAttribute("data-hydrated", "true");
}

// A whole referral with an accessibility scan on each page takes a while; the default 30 s is for single pages.
test.describe.configure({ timeout: budget(120_000) });

/** One physician, one complete referral, in their language, with JavaScript on or off; returns the reference code. */
async function submitReferral(page: Page, lng: Language, who: Patient, js: boolean, axe: boolean) {
  const intake = words(lng, "intake");
  const scan = async () => {
    if (axe) await expectNoAxeViolations(page);
  };
  await signIn(page, who.physician);
  await expect(page).toHaveURL("/referrals");
  await gotoIn(page, "/referrals", lng);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(intake.list.title);
  await scan();
  await page.getByRole("link", { name: intake.list.new }).click();
  await expect(page).toHaveURL("/referrals/new");
  await scan();
  await page.locator('form[data-form="start-referral"] button[type="submit"]').click();
  await expect(page).toHaveURL(/\/referrals\/[0-9a-f-]{36}\/edit$/);
  const id = /\/referrals\/([0-9a-f-]{36})\/edit$/.exec(page.url())![1]!;
  await expect(page.getByTestId("task-list")).toBeVisible();
  await scan();

  // 1. Patient. First without the required choices: the error summary takes focus and nothing typed is lost.
  await page.locator('[data-section="patient"] a').click();
  await ready(page, js, "patient");
  await field(page, "patient.familyName").fill(who.family);
  await field(page, "patient.givenName").fill(who.given);
  if (who.reading) await field(page, "patient.nameReading").fill(who.reading);
  await field(page, "patient.familyNameLatin").fill(who.latin[0]);
  await field(page, "patient.givenNameLatin").fill(who.latin[1]);
  await field(page, "patient.birthDate").fill(who.birth[0]);
  await field(page, "patient.birthDate-month").fill(who.birth[1]);
  await field(page, "patient.birthDate-day").fill(who.birth[2]);
  await field(page, "patient.residenceCountry").selectOption(who.country);
  if (js) {
    // Inline validation as soon as a field is left; a reading typed in hiragana becomes katakana.
    await field(page, "patient.phone").fill("12");
    await field(page, "patient.referringHospitalId").focus();
    await expect(page.locator("#field-patient-phone-error")).toHaveText(intake.validation.phone);
    if (who.reading) await expect(field(page, "patient.nameReading")).toHaveValue("サトウ ミサキ");
  }
  await field(page, "patient.phone").fill(who.phone);
  await field(page, "patient.referringHospitalId").fill(who.hospitalId);
  await button(page, "continue").click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeVisible();
  // With JavaScript the summary takes focus (GOV.UK pattern); without it, it is the first thing on the page.
  if (js) await expect(summary).toBeFocused();
  await expect(summary.locator(`a[href="#field-patient-sex"]`)).toContainText(intake.validation.choose);
  await expect(field(page, "patient.familyName")).toHaveValue(who.family);
  await scan();
  await radio(page, "patient.sex", who.sex).check();
  await radio(page, "patient.preferredLanguage", who.language).check();
  await radio(page, "patient.canTravelAbroad", "yes").check();
  await radio(page, "preferences.site", "none").check();
  await button(page, "continue").click();

  // 2. Consent: separate notices, the cross-border one naming the other country's hospital.
  await expect(page).toHaveURL(`/referrals/${id}/edit/consent`);
  await ready(page, js, "consent");
  await expect(page.locator(".consent-block").nth(1)).toContainText(otherHospital[lng][who.country]!);
  await scan();
  await field(page, "consent.sensitiveData").check();
  await field(page, "consent.informedOfDiagnosis").check();
  await button(page, "continue").click();

  // 3. Diagnosis: the indication's own questions appear (without JavaScript, after asking the server).
  await expect(page).toHaveURL(`/referrals/${id}/edit/diagnosis`);
  await ready(page, js, "diagnosis");
  await expect(page.locator('[data-field="diagnosis.psaNgMl"]')).toBeHidden();
  await field(page, "diagnosis.indication").selectOption(who.indication);
  if (!js) {
    await button(page, "refresh").click();
    await expect(page).toHaveURL(new RegExp(`/referrals/${id}/edit/diagnosis(#.*)?$`));
  }
  const specific = who.indication === "prostate" ? "diagnosis.psaNgMl" : "diagnosis.childPugh";
  await expect(page.locator(`[data-field="${specific}"]`)).toBeVisible();
  await expect(page.locator('[data-field="diagnosis.subsite"]')).toBeHidden();
  await scan();
  if (who.indication === "prostate") {
    await field(page, "diagnosis.histology").selectOption("adenocarcinoma");
    await field(page, "diagnosis.psaNgMl").fill("8.2");
    await field(page, "diagnosis.gleasonScore").fill("7");
    await field(page, "diagnosis.tnm.t").fill("T2b");
    await field(page, "diagnosis.tnm.n").fill("N0");
    await field(page, "diagnosis.tnm.m").fill("M0");
    await radio(page, "diagnosis.resectable", "yes").check();
    // No diameter for prostate (kq-2026-12 K2: the whole gland is the target): the question is not asked.
    await expect(page.locator('[data-field="diagnosis.maxDiameterMm"]')).toBeHidden();
  } else {
    await field(page, "diagnosis.histology").selectOption("hepatocellular_carcinoma");
    await radio(page, "diagnosis.childPugh", "A").check();
    await radio(page, "diagnosis.ascites", "no").check();
    await radio(page, "diagnosis.resectable", "no").check();
    await field(page, "diagnosis.maxDiameterMm").fill("５５");
    await field(page, "diagnosis.tnm.m").fill("M0");
  }
  await radio(page, "diagnosis.histologicallyConfirmed", "yes").check();
  await radio(page, "diagnosis.status", "primary").check();
  await field(page, "diagnosis.distantMetastasisSites").fill("0");
  await radio(page, "urgency", "routine").check();
  await button(page, "continue").click();

  // 4. History and condition. The live pre-check already has an outcome for the indication.
  await expect(page).toHaveURL(`/referrals/${id}/edit/history`);
  await ready(page, js, "history");
  await expect(page.getByTestId("live-precheck").locator("p[data-outcome]")).toBeVisible();
  await scan();
  await radio(page, "history.priorRadiotherapy", "none").check();
  await radio(page, "clinical.ecog", "1").check();
  await radio(page, "clinical.canLieStill30Min", "yes").check();
  await button(page, "continue").click();

  // 5. Documents: a PDF and a DICOM file at once; with JavaScript, a progress bar.
  await expect(page).toHaveURL(`/referrals/${id}/edit/documents`);
  const upload = page.locator('form[data-form="upload"]');
  if (js) await expect(upload).toHaveAttribute("data-hydrated", "true");
  await upload.locator('select[name="kind"]').selectOption("referral_letter");
  await upload.locator('input[type="file"]').setInputFiles([
    { name: "referral-letter.pdf", mimeType: "application/pdf", buffer: pdf },
    { name: "CT0001.dcm", mimeType: "application/dicom", buffer: dicom },
  ]);
  await upload.locator('button[type="submit"]').click();
  if (js) {
    const bar = page.getByTestId("upload-progress");
    await expect(bar).toBeVisible();
    await expect(bar).toHaveAttribute("value", "100");
  }
  await expect(page.locator('.upload__outcomes li[data-ok="true"]')).toHaveCount(2);
  await expect(page.locator("table.attachments tbody tr")).toHaveCount(2);
  await expect(
    page.locator('table.attachments tr[data-kind="dicom"][data-media-type="application/dicom"]'),
  ).toHaveCount(1);
  await expect(page.locator('[data-item="referral_letter"]')).toHaveAttribute("data-state", "provided");
  await expect(page.locator('[data-item="imaging"]')).toHaveAttribute("data-state", "provided");
  await scan();

  // 6. Check the answers and send.
  await page.locator(".button-row a.button").click();
  await expect(page).toHaveURL(`/referrals/${id}/edit/review`);
  await expect(page.locator('[data-path="patient.familyName"] dd').first()).toHaveText(who.family);
  if (who.reading)
    await expect(page.locator('[data-path="patient.nameReading"] dd').first()).toHaveText("サトウ ミサキ");
  await scan();
  await page.locator('form[data-form="submit-referral"] button[type="submit"]').click();
  await expect(page).toHaveURL(`/referrals/${id}/submitted`);
  const code = (await page.getByTestId("reference-code").textContent())!.trim();
  expect(code).toMatch(/^KQ-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  await expect(page.locator(".decision")).toBeVisible();
  await scan();
  return { id, code };
}

/** The pages after submission: the referral, its printable summary, the handout in the patient's language, the list. */
async function followUp(page: Page, lng: Language, id: string, code: string, patientLanguage: Language) {
  const intake = words(lng, "intake");
  await page.goto(`/referrals/${id}`);
  await expect(page.getByTestId("reference-code")).toHaveText(code);
  await expect(page.getByTestId("referral-status")).toHaveText(intake.statuses.triage);
  await expect(page.locator('.history__item[data-action="consent_recorded"]')).toHaveCount(1);
  await expectNoAxeViolations(page);
  await page.goto(`/referrals/${id}/summary`);
  await expect(page.getByTestId("printable-summary")).toContainText(code);
  await expectNoAxeViolations(page);
  await page.goto(`/referrals/${id}/handout`);
  await expect(page.getByTestId("handout")).toHaveAttribute("lang", patientLanguage);
  await expect(page.getByTestId("handout-code")).toHaveText(code);
  await expect(page.getByTestId("handout")).toContainText("/status");
  await expectNoAxeViolations(page);
  await page.goto(`/referrals/${id}/consent-notice?lang=${patientLanguage}`);
  await expect(page.getByTestId("consent-notice")).toHaveAttribute("lang", patientLanguage);
  await expect(page.getByTestId("consent-notice")).toContainText(words(patientLanguage, "intake").consentNotice.title);
  await expectNoAxeViolations(page);
  await page.goto("/referrals");
  await expect(page.locator(`tr[data-referral="${id}"]`).first()).toContainText(code);
  await expectNoAxeViolations(page);
  // A draft started by mistake is deleted after a confirmation.
  await page.goto("/referrals/new");
  await page.locator('form[data-form="start-referral"] button[type="submit"]').click();
  await expect(page).toHaveURL(/\/edit$/);
  const draft = /\/referrals\/([0-9a-f-]{36})\/edit$/.exec(page.url())![1]!;
  await page.getByRole("link", { name: intake.tasks.delete }).click();
  await expect(page).toHaveURL(/\/delete$/);
  await expectNoAxeViolations(page);
  await page.locator('form[data-form="delete-draft"] button[type="submit"]').click();
  await expect(page).toHaveURL("/referrals?done=deleted");
  await expect(page.getByRole("status")).toHaveText(intake.list.done.deleted);
  await expect(page.locator(`tr[data-referral="${draft}"]`)).toHaveCount(0);
}

for (const lng of ["ko", "ja"] as const) {
  test(`a ${lng === "ko" ? "Korean" : "Japanese"} physician submits a complete referral in ${lng} with JavaScript`, async ({
    page,
  }) => {
    const { id, code } = await submitReferral(page, lng, patients[lng], true, true);
    await followUp(page, lng, id, code, patients[lng].language);
  });

  test.describe(() => {
    test.use({ javaScriptEnabled: false });
    test(`a ${lng === "ko" ? "Korean" : "Japanese"} physician submits a complete referral in ${lng} without JavaScript`, async ({
      page,
    }) => {
      await submitReferral(page, lng, patients[lng], false, false);
    });
  });
}

test("every page of the journey is accessible in English too", async ({ page }) => {
  const { id, code } = await submitReferral(page, "en", { ...patients.ja, language: "en" }, true, true);
  await followUp(page, "en", id, code, "en");
});

test("a draft left mid-form comes back after signing in again in a fresh browser", async ({ browser }) => {
  const first = await browser.newContext();
  const page = await first.newPage();
  await signIn(page, patients.ko.physician);
  await expect(page).toHaveURL("/referrals");
  await gotoIn(page, "/referrals/new", "ko");
  await page.locator('form[data-form="start-referral"] button[type="submit"]').click();
  await expect(page).toHaveURL(/\/edit$/);
  const id = /\/referrals\/([0-9a-f-]{36})\/edit$/.exec(page.url())![1]!;
  await page.goto(`/referrals/${id}/edit/patient`);
  await ready(page, true, "patient");
  await field(page, "patient.familyName").fill("이");
  await field(page, "patient.givenName").fill("서윤");
  await field(page, "patient.birthDate").fill("1970");
  // Saved in the background a moment after typing stops: no button pressed.
  await expect(page.getByTestId("autosave-status")).toContainText(
    words("ko", "intake").form.savedAt.split("{{")[0] || "저장",
  );
  await first.close();

  const second = await browser.newContext();
  const again = await second.newPage();
  await signIn(again, patients.ko.physician);
  await expect(again).toHaveURL("/referrals");
  await gotoIn(again, "/referrals", "ko");
  const row = again.locator(`section[aria-labelledby="waiting-title"] tr[data-referral="${id}"]`);
  await expect(row).toContainText(personName("이", "서윤"));
  await expect(row).toHaveAttribute("data-status", "draft");
  await row.getByRole("link").click();
  await expect(again).toHaveURL(`/referrals/${id}/edit`);
  await expect(again.locator('[data-section="patient"]')).toHaveAttribute("data-status", "in_progress");
  await again.locator('[data-section="patient"] a').click();
  await expect(field(again, "patient.familyName")).toHaveValue("이");
  await expect(field(again, "patient.givenName")).toHaveValue("서윤");
  await expect(field(again, "patient.birthDate")).toHaveValue("1970");
  await second.close();
});

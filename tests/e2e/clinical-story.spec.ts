import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, gotoIn, languages, signIn, type Language } from "./helpers";
import { budget } from "./time";

type Words = Record<string, any>;
const words = (lng: Language, ns: string): Words =>
  JSON.parse(fs.readFileSync(path.resolve("locales", lng, `${ns}.json`), "utf8"));
const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k]));

const field = (page: Page, name: string) => page.locator(`#field-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`);
const radio = (page: Page, name: string, value: string) =>
  page.locator(`input[type="radio"][name="${name}"][value="${value}"]`);
const button = (page: Page, intent: string) => page.locator(`button[name="intent"][value="${intent}"]`);

async function ready(page: Page, section: string) {
  await expect(page.locator(`form[data-form="section-${section}"]`)).toHaveAttribute("data-hydrated", "true");
}

async function date(page: Page, name: string, [year, month, day]: [string, string, string]) {
  await field(page, name).fill(year);
  await field(page, `${name}-month`).fill(month);
  await field(page, `${name}-day`).fill(day);
}

const story = {
  ko: {
    summary: "2년 전 PSA 상승으로 진단되었고, 호르몬치료 중 PSA가 다시 오르고 있습니다.",
    reason: "근치적 중입자선 치료에 대한 의견을 구합니다.",
    comorbidities: "제2형 당뇨병",
    medicines: "메트포르민 500 mg 1일 2회",
  },
  ja: {
    summary: "2年前にPSA上昇で診断され、内分泌療法中にPSAが再上昇しています。",
    reason: "根治的重粒子線治療の適応についてご意見をお願いします。",
    comorbidities: "2型糖尿病",
    medicines: "メトホルミン 500 mg 1日2回",
  },
  en: {
    summary: "Diagnosed two years ago after a rising PSA; PSA rising again on hormone therapy.",
    reason: "Opinion on definitive carbon-ion radiotherapy.",
    comorbidities: "Type 2 diabetes",
    medicines: "Metformin 500 mg twice daily",
  },
} as const;

// A whole referral with an accessibility scan on each page takes a while.
test.describe.configure({ timeout: budget(180_000) });

for (const lng of languages) {
  test(`a physician tells the clinical story and treatment history, and reads it back (${lng})`, async ({ page }) => {
    const c = words(lng, "case");
    const s = story[lng];
    await signIn(page, "park.jihoon@demo.test");
    await expect(page).toHaveURL("/referrals");
    await gotoIn(page, "/referrals/new", lng);
    await page.locator('form[data-form="start-referral"] button[type="submit"]').click();
    await expect(page).toHaveURL(/\/referrals\/[0-9a-f-]{36}\/edit$/);
    const id = /\/referrals\/([0-9a-f-]{36})\/edit$/.exec(page.url())![1]!;

    await page.goto(`/referrals/${id}/edit/patient`);
    await ready(page, "patient");
    await field(page, "patient.familyName").fill("이");
    await field(page, "patient.givenName").fill("정호");
    await date(page, "patient.birthDate", ["1954", "9", "3"]);
    await radio(page, "patient.sex", "male").check();
    await field(page, "patient.residenceCountry").selectOption("KR");
    await radio(page, "patient.preferredLanguage", "ko").check();
    await radio(page, "patient.insurance", "kr_nhis").check();
    await radio(page, "preferences.site", "none").check();
    await button(page, "continue").click();

    await expect(page).toHaveURL(`/referrals/${id}/edit/consent`);
    await ready(page, "consent");
    await field(page, "consent.sensitiveData").check();
    await field(page, "consent.informedOfDiagnosis").check();
    await button(page, "continue").click();

    await expect(page).toHaveURL(`/referrals/${id}/edit/diagnosis`);
    await ready(page, "diagnosis");
    await field(page, "diagnosis.indication").selectOption("prostate");
    // Prostate: no diameter, no liver values; the Gleason patterns are asked.
    await expect(page.locator('[data-field="diagnosis.gleasonPrimary"]')).toBeVisible();
    await expect(page.locator('[data-field="diagnosis.maxDiameterMm"]')).toBeHidden();
    await expect(page.locator('[data-field="diagnosis.labs.bilirubinMgDl"]')).toBeHidden();
    await field(page, "diagnosis.histology").selectOption("adenocarcinoma");
    await radio(page, "diagnosis.status", "primary").check();
    await radio(page, "diagnosis.resectable", "unknown").check();
    await field(page, "diagnosis.tnm.t").fill("T2b");
    await field(page, "diagnosis.tnm.n").fill("N0");
    await field(page, "diagnosis.tnm.m").fill("M0");
    await field(page, "diagnosis.psaNgMl").fill("8.2");
    await field(page, "diagnosis.gleasonPrimary").fill("4");
    await field(page, "diagnosis.gleasonSecondary").fill("3");
    await radio(page, "urgency", "routine").check();
    await expectNoAxeViolations(page);
    await button(page, "continue").click();

    await expect(page).toHaveURL(`/referrals/${id}/edit/history`);
    await ready(page, "history");
    // A man is not asked about pregnancy.
    await expect(page.locator('[data-field="clinical.pregnant"]')).toBeHidden();
    await field(page, "history.clinicalSummary").fill(s.summary);
    await field(page, "history.referralReason").fill(s.reason);
    await radio(page, "history.priorRadiotherapy", "other_site").check();
    const courses = "history.radiotherapyCourses";
    await date(page, `${courses}.0.endedOn`, ["2019", "5", "20"]);
    await field(page, `${courses}.0.region`).fill("Left chest wall");
    await field(page, `${courses}.0.doseGy`).fill("50");
    await field(page, `${courses}.0.fractions`).fill("25");
    await radio(page, `${courses}.0.overlapsTarget`, "no").check();
    await field(page, `${courses}.0.outcome`).fill("Local control");
    // "Add another" posts the page; what was typed stays, and the new row takes the focus.
    await button(page, `add:${courses}`).click();
    await expect(field(page, `${courses}.1.endedOn`)).toBeFocused();
    await ready(page, "history");
    await expect(field(page, `${courses}.0.region`)).toHaveValue("Left chest wall");
    await expect(field(page, "history.clinicalSummary")).toHaveValue(s.summary);
    await date(page, `${courses}.1.endedOn`, ["2023", "2", "1"]);
    await field(page, `${courses}.1.region`).fill("T10 vertebra");
    await field(page, `${courses}.1.doseGy`).fill("8");
    await field(page, `${courses}.1.fractions`).fill("1");
    await radio(page, `${courses}.1.overlapsTarget`, "no").check();
    await date(page, "history.surgeries.0.date", ["2018", "3", "12"]);
    await field(page, "history.surgeries.0.procedure").fill("Transurethral resection");
    await field(page, "history.surgeries.0.outcome").fill("Benign at the time");
    await date(page, "history.systemicTherapies.0.startedOn", ["2024", "6", "1"]);
    await field(page, "history.systemicTherapies.0.drug").fill("Degarelix");
    await field(page, "history.systemicTherapies.0.line").fill("1");
    await field(page, "history.systemicTherapies.0.outcome").fill("PSA nadir 0.8");
    await field(page, "clinical.comorbidities").fill(s.comorbidities);
    await field(page, "clinical.medicines").fill(s.medicines);
    await radio(page, "clinical.ecog", "1").check();
    await radio(page, "clinical.canLieStill30Min", "yes").check();
    await expectNoAxeViolations(page);
    await button(page, "continue").click();
    await expect(page).toHaveURL(`/referrals/${id}/edit/documents`);

    const gleason = fill(c.view.gleason, { primary: 4, secondary: 3, sum: 7, group: 3 });
    const check = async (root: ReturnType<Page["locator"]>) => {
      await expect(root.locator('[data-path="history.clinicalSummary"] dd').first()).toHaveText(s.summary);
      await expect(root.locator('[data-path="history.referralReason"] dd').first()).toHaveText(s.reason);
      await expect(root.locator('[data-path="history.radiotherapyCourses"] li')).toHaveCount(2);
      await expect(root.locator('[data-path="history.radiotherapyCourses"] li').nth(1)).toContainText("T10 vertebra");
      await expect(root.locator('[data-path="history.surgeries"] li')).toHaveCount(1);
      await expect(root.locator('[data-path="history.systemicTherapies"] li').first()).toContainText("Degarelix");
      await expect(root.locator('[data-path="clinical.comorbidities"] dd').first()).toHaveText(s.comorbidities);
      await expect(root.locator('[data-path="clinical.medicines"] dd').first()).toHaveText(s.medicines);
      await expect(root.locator('[data-path="diagnosis.gleasonScore"] dd').first()).toHaveText(gleason);
      await expect(root.locator('[data-path="clinical.pregnant"]')).toHaveCount(0);
    };

    await page.goto(`/referrals/${id}/edit/review`);
    await check(page.locator("main"));
    await expectNoAxeViolations(page);
    await page.locator('form[data-form="submit-referral"] button[type="submit"]').click();
    await expect(page).toHaveURL(`/referrals/${id}/submitted`);

    await page.goto(`/referrals/${id}`);
    await check(page.getByTestId("referral-case"));
    await expectNoAxeViolations(page);
  });
}

for (const lng of languages) {
  test(`operable early lung cancer of a Japanese patient: advanced care at QST, why, what the patient pays (${lng})`, async ({
    page,
  }) => {
    const screen = words(lng, "screen");
    await signIn(page, "tanaka.kenichi@demo.test");
    await gotoIn(page, "/precheck", lng);
    // A choice made before React hydrates the form is reset by it: answer once the page is live.
    await expect(page.locator('form[data-form="precheck"]')).toHaveAttribute("data-hydrated", "true");
    await page.locator('[name="diagnosis.indication"]').selectOption("lung");
    await radio(page, "diagnosis.resectable", "yes").check();
    await page.locator('[name="diagnosis.stage"]').fill("IA2");
    await page.locator('[name="patient.residenceCountry"]').selectOption("JP");
    await radio(page, "patient.insurance", "jp_public").check();
    await page.locator('form[data-form="precheck"] button[value="screen"]').click();

    const panel = page.locator(".decision");
    await expect(panel).toBeVisible();
    await expect(panel).toContainText(screen.coverage.jp_advanced_care.label);
    await expect(page.getByTestId("decision-site")).toHaveAttribute("data-site", "qst");
    // Why: surgery is possible, and patients who decline it are seen case by case.
    await expect(panel).toContainText(screen.resolve.surgery_declined);
    const funding = page.getByTestId("decision-funding");
    await expect(funding).toBeVisible();
    const pays = (await funding.getAttribute("data-patient-pays"))!;
    await expect(funding).toContainText(screen.funding.patientPays[pays]);
    await expect(panel).toContainText(screen.note.finalDecision);
    await expectNoAxeViolations(page);
  });
}

import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, gotoIn, languages, type Language } from "./helpers";
import { budget } from "./time";

// The words the panel must show, read from the locale files the portal serves.
function words(lng: Language) {
  const load = (ns: string) => JSON.parse(fs.readFileSync(path.resolve("locales", lng, `${ns}.json`), "utf8"));
  return { screen: load("screen"), precheck: load("precheck") };
}

/** A localised prostate cancer in a Korean resident (tests/fixtures/cases/prostate-localised-kr.json), as a physician answers it. */
async function answerProstateCase(page: Page) {
  const fill = (name: string, value: string) => page.locator(`[name="${name}"]`).fill(value);
  const choose = (name: string, value: string) => page.locator(`input[name="${name}"][value="${value}"]`).check();
  // No diameter and no bowel abutment for prostate (kq-2026-12 K2): those questions are not asked.
  await expect(page.locator('[name="diagnosis.maxDiameterMm"]')).toBeHidden();
  await fill("diagnosis.tnm.t", "T2b");
  await fill("diagnosis.tnm.n", "N0");
  await fill("diagnosis.tnm.m", "M0");
  await fill("diagnosis.psaNgMl", "8.2");
  await fill("diagnosis.gleasonScore", "7");
  await fill("diagnosis.distantMetastasisSites", "0");
  await choose("diagnosis.histologicallyConfirmed", "yes");
  for (const name of [
    "diagnosis.haematological",
    "diagnosis.peritonealOrMeningealSpread",
    "diagnosis.invadesGiTract",
    "diagnosis.invadesSpinalCord",
    "clinical.activeInfectionInField",
    "clinical.metalImplantInField",
    "clinical.cardiacDevice",
    "consent.crossBorder",
  ]) {
    await choose(name, "no");
  }
  await choose("history.priorRadiotherapy", "none");
  await choose("clinical.ecog", "1");
  await choose("clinical.canLieStill30Min", "yes");
  await page.locator('[name="patient.residenceCountry"]').selectOption("KR");
}

const panel = (page: Page) => page.locator("section.decision");

// Each journey fills a long form and runs axe three times on it.
test.describe.configure({ timeout: budget(120_000) });

/**
 * axe runs inside the page, which a browser without JavaScript cannot do: the page as the no-JavaScript browser
 * got it (scripts removed) is served again to a JavaScript-enabled page, with the portal's own stylesheets.
 */
async function expectNoAxeViolationsWithoutJs(page: Page, browser: Browser) {
  const html = (await page.content())
    .replace(/<script\b[\s\S]*?<\/script>/gi, "")
    .replace(/<link[^>]+rel="modulepreload"[^>]*>/gi, "");
  const context = await browser.newContext({ javaScriptEnabled: true });
  const copy = await context.newPage();
  await copy.route(page.url(), (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
  await copy.goto(page.url());
  await expectNoAxeViolations(copy);
  await context.close();
}

test.describe("pre-check with JavaScript", () => {
  for (const lng of languages) {
    test(`in ${lng}: the decision follows the answers without submitting, axe-clean throughout`, async ({ page }) => {
      const w = words(lng);
      await gotoIn(page, "/precheck", lng);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.precheck.heading);
      await expect(page.locator('form[data-form="precheck"]')).toHaveAttribute("data-hydrated", "true");
      // Prostate questions are hidden until the indication asks for them.
      await expect(page.locator('[name="diagnosis.psaNgMl"]')).toBeHidden();
      await expectNoAxeViolations(page);

      await page.locator('[name="diagnosis.indication"]').selectOption("prostate");
      await expect(page.locator('[name="diagnosis.psaNgMl"]')).toBeVisible();
      // The JavaScript page reveals the questions itself: no round trip button.
      await expect(page.locator('button[value="indication"]')).toHaveCount(0);
      await expect(panel(page)).toBeVisible();
      await expect(panel(page).getByTestId("decision-outcome")).toContainText(w.screen.outcomes.needs_review.label);

      await answerProstateCase(page);
      await expect(panel(page)).toHaveAttribute("data-outcome", "likely_eligible");
      await expect(panel(page).getByTestId("decision-outcome")).toContainText(w.screen.outcomes.likely_eligible.label);
      await expect(panel(page).getByTestId("decision-site")).toHaveAttribute("data-site", "konyang");
      await expect(panel(page)).toContainText(w.screen.coverage.jp_insurance.label);
      await expect(panel(page)).toContainText(w.screen.note.finalDecision);
      await expect(page).toHaveURL(/\/precheck(\?lng=\w+)?$/); // nothing went into the address bar
      await expectNoAxeViolations(page);

      // A mistake: the result waits, the field says why; the button summarises every error.
      await page.locator('[name="diagnosis.psaNgMl"]').fill("-5");
      await expect(page.locator("#field-diagnosis-psaNgMl-error")).toBeVisible();
      await page.getByRole("button", { name: w.precheck.actions.submit }).click();
      const summary = page.locator(".error-summary");
      await expect(summary).toBeVisible();
      await expect(summary).toBeFocused();
      await expect(page.locator('[name="diagnosis.psaNgMl"]')).toHaveValue("-5");
      await expect(page.locator('[name="diagnosis.gleasonScore"]')).toHaveValue("7");
      await expectNoAxeViolations(page);

      await page.locator('[name="diagnosis.psaNgMl"]').fill("8.2");
      await expect(panel(page)).toHaveAttribute("data-outcome", "likely_eligible");
    });
  }
});

test.describe("pre-check without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const lng of languages) {
    test(`in ${lng}: the form posts, the page comes back with the decision and every answer`, async ({
      page,
      browser,
    }) => {
      const w = words(lng);
      await gotoIn(page, "/precheck", lng);
      await expectNoAxeViolationsWithoutJs(page, browser);

      await page.locator('[name="diagnosis.indication"]').selectOption("prostate");
      await page.getByRole("button", { name: w.precheck.actions.showQuestions }).click();
      await expect(page.locator('[name="diagnosis.psaNgMl"]')).toBeVisible();

      await answerProstateCase(page);
      await page.locator('[name="diagnosis.gleasonScore"]').fill("seven");
      await page.getByRole("button", { name: w.precheck.actions.submit }).click();
      await expect(page.locator(".error-summary")).toBeVisible();
      await expect(page.locator(".error-summary a[href='#field-diagnosis-gleasonScore']")).toHaveText(
        w.screen.validation.invalidNumber,
      );
      await expect(page.locator('[name="diagnosis.psaNgMl"]')).toHaveValue("8.2");
      await expect(page.locator('input[name="clinical.ecog"][value="1"]')).toBeChecked();
      await expect(page.locator('[name="patient.residenceCountry"]')).toHaveValue("KR");
      await expectNoAxeViolationsWithoutJs(page, browser);

      await page.locator('[name="diagnosis.gleasonScore"]').fill("7");
      await page.getByRole("button", { name: w.precheck.actions.submit }).click();
      await expect(panel(page)).toHaveAttribute("data-outcome", "likely_eligible");
      await expect(panel(page).getByTestId("decision-outcome")).toContainText(w.screen.outcomes.likely_eligible.label);
      await expect(panel(page).getByTestId("decision-site")).toHaveAttribute("data-site", "konyang");
      await expect(page.locator('[name="diagnosis.tnm.t"]')).toHaveValue("T2b");
      await expectNoAxeViolationsWithoutJs(page, browser);
    });
  }
});

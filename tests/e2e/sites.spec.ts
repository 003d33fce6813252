import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, gotoIn, languages, signIn, type Language } from "./helpers";
import { budget } from "./time";

function words(lng: Language) {
  const load = (ns: string) => JSON.parse(fs.readFileSync(path.resolve("locales", lng, `${ns}.json`), "utf8"));
  return { sites: load("sites"), screen: load("screen"), common: load("common") };
}

const konyangHistory = (page: Page) => page.locator('table[data-history="konyang"] tbody tr');

async function signInAsAdmin(page: Page) {
  await signIn(page, "admin@demo.test");
  await expect(page).not.toHaveURL(/\/login/);
}

/** Ticks or unticks one indication on Konyang's edit page and saves with a reason; answers the new version. */
async function saveKonyang(page: Page, change: { indication: string; accept: boolean; note: string }) {
  const w = words("en");
  await gotoIn(page, "/admin/sites", "en");
  const before = Number(await konyangHistory(page).first().getAttribute("data-version"));
  await page.getByRole("link", { name: w.sites.edit.link.replace("{{site}}", "Konyang University Hospital") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    w.sites.edit.heading.replace("{{site}}", "Konyang University Hospital"),
  );
  const box = page.locator(`input[name="acceptedIndications.${change.indication}"]`);
  await (change.accept ? box.check() : box.uncheck());
  await page.locator('textarea[name="note"]').fill(change.note);
  await page.locator('form[data-form="site-config"] button[type="submit"]').click();
  await expect(page).toHaveURL(/\/admin\/sites\?saved=konyang/);
  await expect(page.locator(".banner--success")).toBeVisible();
  await expect(konyangHistory(page).first()).toHaveAttribute("data-version", String(before + 1));
  return before + 1;
}

test.describe.configure({ timeout: budget(120_000) });

test("an administrator changes Konyang's accepted indications; the history shows who, when and what", async ({
  page,
}) => {
  await signInAsAdmin(page);
  const w = words("en");
  const melanoma = w.screen.indications.gyn_melanoma as string;

  // A change without a reason is refused, and nothing typed is lost.
  await gotoIn(page, "/admin/sites/konyang", "en");
  await page.locator('input[name="acceptedIndications.gyn_melanoma"]').uncheck();
  await page.locator('input[name="weeklyCapacity"]').fill("22");
  await page.locator('form[data-form="site-config"] button[type="submit"]').click();
  await expect(page.locator(".error-summary")).toContainText(w.sites.validation.noteRequired);
  await expect(page.locator('input[name="acceptedIndications.gyn_melanoma"]')).not.toBeChecked();
  await expect(page.locator('input[name="weeklyCapacity"]')).toHaveValue("22");
  await expectNoAxeViolations(page);

  const version = await saveKonyang(page, {
    indication: "gyn_melanoma",
    accept: false,
    note: "Gynaecological melanoma goes to QST directly.",
  });
  const row = konyangHistory(page).first();
  await expect(row).toContainText(w.sites.history.removed);
  await expect(row).toContainText(melanoma);
  await expect(row).toContainText("Gynaecological melanoma goes to QST directly.");
  await expect(row).toContainText("정해인"); // the demo administrator, family name first, no space in Hangul
  await expect(row.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  await expect(page.locator('[data-accepted="konyang"] li').filter({ hasText: melanoma })).toHaveCount(0);
  await expect(page.locator('[data-accepted="qst"] li').filter({ hasText: melanoma })).toHaveCount(1);

  // Put it back, so the other journeys screen against the default configuration again.
  expect(await saveKonyang(page, { indication: "gyn_melanoma", accept: true, note: "Restored after the test." })).toBe(
    version + 1,
  );
  await expect(konyangHistory(page).first()).toContainText(w.sites.history.added);
});

for (const lng of languages) {
  test(`the sites pages in ${lng} are translated and axe-clean`, async ({ page }) => {
    await signInAsAdmin(page);
    const w = words(lng);
    await gotoIn(page, "/admin/sites", lng);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.sites.heading);
    await expect(page).toHaveTitle(w.common.shell.pageTitle.replace("{{page}}", w.sites.pageTitle));
    await expect(konyangHistory(page).last()).toContainText(w.sites.history.initial);
    await expectNoAxeViolations(page);
    await gotoIn(page, "/admin/sites/qst", lng);
    await expect(page.locator('input[name="acceptedIndications.prostate"]')).toBeChecked();
    await expect(page.locator("label[for='field-acceptedIndications-prostate']")).toHaveText(
      w.screen.indications.prostate,
    );
    await expectNoAxeViolations(page);
  });
}

test("the sites pages are for administrators only", async ({ page }) => {
  await signIn(page, "lee.sujin@demo.test");
  await expect(page).not.toHaveURL(/\/login/);
  const response = await page.goto("/admin/sites");
  expect(response?.status()).toBe(403);
});

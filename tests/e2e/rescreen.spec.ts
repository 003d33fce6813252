import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, gotoIn, languages, signIn, type Language } from "./helpers";
import { budget } from "./time";

const words = (lng: Language) => ({
  rules: JSON.parse(fs.readFileSync(path.resolve("locales", lng, "rules.json"), "utf8")),
  screen: JSON.parse(fs.readFileSync(path.resolve("locales", lng, "screen.json"), "utf8")),
});
const fill = (text: string, values: Record<string, string>) =>
  Object.entries(values).reduce((s, [k, v]) => s.replaceAll(`{{${k}}}`, v), text);

test.describe.configure({ timeout: budget(180_000) });

/** The demo referrals in Konyang's triage tab whose stored decision was made under jp-2024-06 (seeded before kq-2026-12). */
async function jpReferrals(page: Page): Promise<string[]> {
  await gotoIn(page, "/queue", "en");
  const hrefs = await page
    .locator("tbody tr[data-referral] a[href^='/queue/']")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  const found: string[] = [];
  for (const href of hrefs) {
    const body = await (await page.request.get(`${href}.data`)).text();
    if (body.includes("jp-2024-06")) found.push(href);
  }
  return found;
}

test("a coordinator re-screens demo referrals stored under jp-2024-06 and sees both decisions side by side", async ({
  page,
}) => {
  await signIn(page, "lee.sujin@demo.test");
  await expect(page).not.toHaveURL(/\/login/);
  const referrals = await jpReferrals(page);
  expect(referrals.length).toBeGreaterThanOrEqual(languages.length);

  for (const [i, lng] of languages.entries()) {
    const w = words(lng);
    const href = referrals[i]!;
    await gotoIn(page, href, lng);
    await expect(page.locator(".decision__ruleset")).toHaveAttribute("data-ruleset", "jp-2024-06");
    await expect(page.getByTestId("decision-compare")).toHaveCount(0);
    await page.getByRole("button", { name: fill(w.rules.compare.button, { version: "kq-2026-12" }) }).click();
    await expect(page).toHaveURL(new RegExp(`${href}\\?done=rescreen`));

    const compare = page.getByTestId("decision-compare");
    await expect(compare.getByRole("heading", { level: 2 })).toHaveText(w.rules.compare.heading);
    const summary = compare.getByTestId("compare-summary");
    await expect(
      summary.getByRole("columnheader", { name: fill(w.rules.compare.before, { version: "jp-2024-06" }) }),
    ).toBeVisible();
    await expect(
      summary.getByRole("columnheader", { name: fill(w.rules.compare.after, { version: "kq-2026-12" }) }),
    ).toBeVisible();
    await expect(summary.locator('tr[data-row="outcome"] td')).toHaveCount(2);
    await expect(summary.locator('tr[data-row="coverage"] td')).toHaveCount(2);

    // Criterion by criterion: a renamed rule side by side with its predecessor, and one only the new set has.
    // (Unchanged pairs are folded away in <details>, so the renamed pair is looked for in the whole comparison.)
    const changed = compare.getByTestId("compare-changed");
    await expect(compare.locator('tr[data-before="distant_metastasis"][data-after="metastatic_organs"]')).toContainText(
      fill(w.rules.compare.renamed, {
        after: w.screen.criteria.metastatic_organs.name,
        before: w.screen.criteria.distant_metastasis.name,
      }),
    );
    await expect(changed.locator('tr[data-after="imaging_recent"]:not([data-before])')).toContainText(
      fill(w.rules.compare.notInSet, { version: "jp-2024-06" }),
    );

    // The current decision is the new one; its rule-set line leads to the rule book of that set.
    await expect(page.locator(".decision__ruleset")).toHaveAttribute("data-ruleset", "kq-2026-12");
    await expect(page.locator(".decision__ruleset a")).toHaveAttribute("href", "/rules/kq-2026-12");
    await expect(page.getByTestId("history").locator('li[data-action="rescreen"]')).toHaveCount(1);
    await expectNoAxeViolations(page);
  }
});

test("an administrator re-screens every open referral and is told how many outcomes changed, each way", async ({
  page,
}) => {
  await signIn(page, "admin@demo.test");
  await expect(page).not.toHaveURL(/\/login/);
  const w = words("en");
  await gotoIn(page, "/admin/rules", "en");
  await page.getByRole("button", { name: fill(w.rules.admin.rescreenButton, { version: "kq-2026-12" }) }).click();
  const report = page.getByTestId("rescreen-report");
  await expect(report.getByRole("heading", { level: 2 })).toHaveText(w.rules.admin.report.heading);
  const counts = await report
    .locator("li[data-direction]")
    .evaluateAll((items) => items.map((li) => Number(li.getAttribute("data-count"))));
  const pairs = await report.locator("tbody tr td:last-child").allTextContents();
  expect(counts.reduce((a, b) => a + b, 0)).toBe(pairs.map(Number).reduce((a, b) => a + b, 0));
  expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
  await expectNoAxeViolations(page);
});

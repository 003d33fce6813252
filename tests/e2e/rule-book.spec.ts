import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, gotoIn, languages, signIn, type Language } from "./helpers";
import { budget } from "./time";

const rules = (lng: Language) => JSON.parse(fs.readFileSync(path.resolve("locales", lng, "rules.json"), "utf8"));
const screenWords = (lng: Language) => JSON.parse(fs.readFileSync(path.resolve("locales", lng, "screen.json"), "utf8"));

test.describe.configure({ timeout: budget(120_000) });

for (const lng of languages) {
  test(`the rule book shows kq-2026-12 with its sources, the earlier set and what changed (${lng})`, async ({
    page,
  }) => {
    const w = rules(lng);
    const s = screenWords(lng);
    await gotoIn(page, "/rules", lng);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.heading.replace("{{version}}", "kq-2026-12"));
    await expect(page.getByTestId("rule-book-state")).toHaveAttribute("data-in-force", "true");

    // Every criterion of the set, each with its name, threshold and sources as links.
    const surgery = page.locator('article[data-criterion="surgery_difficult"]');
    await expect(surgery.getByRole("heading")).toContainText(s.criteria.surgery_difficult.name);
    await expect(surgery).toHaveAttribute("data-strength", "tier");
    await expect(surgery.getByRole("link", { name: "https://knowlety.jp/ika/r6-tsb11_4/" })).toBeVisible();
    await expect(page.locator("article[data-criterion]")).toHaveCount(36);
    const hcc = page.locator('article[data-criterion="hcc_size"]');
    await expect(hcc).toContainText(w.criteria.threshold);
    const pregnancy = page.locator('article[data-criterion="pregnancy"]');
    await expect(pregnancy).toContainText(w.criteria.noSources);
    await expect(pregnancy).toContainText(
      w.conditions.could_be_pregnant.replace("{{minAge}}", "12").replace("{{maxAge}}", "55"),
    );
    await expect(page.getByTestId("rule-indications").locator('tr[data-indication="lung"]')).toContainText(
      w.programmesByCoverage.jp_advanced_care,
    );

    // The earlier set with its dates, and what changed from it.
    const earlier = page.getByTestId("rule-sets").locator('tr[data-version="jp-2024-06"]');
    await expect(earlier).toHaveAttribute("data-in-force", "false");
    await expect(earlier).toContainText(w.sets.notInForce);
    const changes = page.getByTestId("what-changed");
    for (const [from, to] of [
      ["resectability", "surgery_difficult"],
      ["prior_radiotherapy", "reirradiation"],
      ["child_pugh", "liver_function"],
    ]) {
      await expect(changes.locator(`tr[data-from="${from}"][data-to="${to}"]`)).toContainText(
        w.diff.renamed.replace("{{from}}", from).replace("{{to}}", to),
      );
    }
    await expect(changes.locator('tr[data-change="added"][data-to="imaging_recent"]')).toHaveCount(1);
    await expect(page.getByTestId("review-reasons").locator('[data-review="K3"]')).toContainText(
      w.review.items.K3.title,
    );
    await expectNoAxeViolations(page);

    // The earlier set's own page, reached by its link.
    await earlier.getByRole("link", { name: "jp-2024-06" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.heading.replace("{{version}}", "jp-2024-06"));
    await expect(page.locator('article[data-criterion="resectability"]')).toHaveAttribute("data-strength", "exclusion");
  });
}

test("the rule book works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await gotoIn(page, "/rules", "ja");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    rules("ja").heading.replace("{{version}}", "kq-2026-12"),
  );
  await page.locator("#compare-from").selectOption("kq-2026-12");
  await page.getByRole("button", { name: rules("ja").diff.submit }).click();
  await expect(page.getByTestId("what-changed")).toContainText(rules("ja").diff.none);
  await context.close();
});

test("an administrator sees that the rules may be out of date, with the date and a link to the rule book", async ({
  page,
}) => {
  await signIn(page, "admin@demo.test");
  await expect(page).not.toHaveURL(/\/login/);
  for (const lng of languages) {
    const w = rules(lng);
    await gotoIn(page, "/admin/rules", lng);
    const banner = page.getByTestId("rules-review-banner");
    await expect(banner).toContainText(w.banner.title);
    await expect(banner).toContainText("kq-2026-12");
    await expect(banner.getByRole("link", { name: w.banner.link })).toHaveAttribute("href", "/rules/kq-2026-12");
    await expectNoAxeViolations(page);
  }
  // On other admin pages too, and never on the public pages.
  await gotoIn(page, "/admin/sites", "en");
  await expect(page.getByTestId("rules-review-banner")).toBeVisible();
  await gotoIn(page, "/precheck", "en");
  await expect(page.getByTestId("rules-review-banner")).toHaveCount(0);
});

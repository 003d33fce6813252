import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, gotoIn, languages, signIn, type Language } from "./helpers";

type Words = Record<string, any>;
const words = (lng: Language, ns: string): Words =>
  JSON.parse(fs.readFileSync(path.resolve("locales", lng, `${ns}.json`), "utf8"));

// Today in Korea and Japan (UTC+9), the audit page's calendar.
const todayUtc9 = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

for (const lng of languages) {
  test(`an administrator searches the audit log (${lng})`, async ({ page }) => {
    // A whole journey with several axe scans: slow when other suites share the machine.
    test.slow();
    const audit = words(lng, "audit");
    const common = words(lng, "common");
    await signIn(page, "admin@demo.test");
    await expect(page).toHaveURL("/admin/users");
    await gotoIn(page, "/admin/users", lng);
    await page.getByRole("navigation", { name: common.shell.mainNav }).getByRole("link", { name: audit.nav }).click();
    await expect(page).toHaveURL("/admin/audit");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(audit.title);
    // The chain verifies on a fresh database.
    await expect(page.locator("[data-chain]")).toHaveAttribute("data-chain", "intact");
    await expect(page.locator("tbody tr").first()).toBeVisible();
    await expectNoAxeViolations(page);

    // Who: the administrator, by part of the email; what: signing in; today.
    const [year, month, day] = todayUtc9().split("-");
    const form = page.locator('form[data-form="audit-search"]');
    await form.getByLabel(audit.search.actor, { exact: true }).fill("admin@demo");
    await form.getByLabel(audit.search.action, { exact: true }).selectOption("account.signed_in");
    for (const name of ["from", "to"] as const) {
      const group = form.getByRole("group", { name: audit.search[name] });
      await group.getByLabel(common.forms.date.year, { exact: true }).fill(year!);
      await group.getByLabel(common.forms.date.month, { exact: true }).fill(String(Number(month)));
      await group.getByLabel(common.forms.date.day, { exact: true }).fill(String(Number(day)));
    }
    await form.getByRole("button", { name: audit.search.submit }).click();
    await expect(page).toHaveURL(/actor=admin%40demo&action=account.signed_in/);
    const rows = page.locator("tbody tr");
    // Waits for the filtered page: only sign-ins, only the administrator's.
    await expect(page.locator('tbody tr:not([data-action="account.signed_in"])')).toHaveCount(0);
    await expect(rows.filter({ hasNotText: "admin@demo.test" })).toHaveCount(0);
    await expect(rows.first()).toBeVisible();
    for (const row of await rows.all()) {
      await expect(row).toContainText("admin@demo.test");
      await expect(row).toContainText(common.roles.admin);
    }
    await expect(form.getByLabel(audit.search.actor, { exact: true })).toHaveValue("admin@demo");
    await expectNoAxeViolations(page);

    // A search that cannot be right is explained, and what was typed stays.
    await page.goto(`/admin/audit?actor=admin&from.year=2026&from.month=2&from.day=30`);
    await expect(page.locator(".error-summary")).toBeFocused();
    await expect(page.locator(".error-summary")).toContainText(words(lng, "validation").invalidDate);
    await expect(form.getByLabel(audit.search.actor, { exact: true })).toHaveValue("admin");
    await expectNoAxeViolations(page);

    // Nothing matching is said plainly.
    await page.goto("/admin/audit?actor=nobody-by-this-name");
    await expect(page.getByTestId("audit-empty")).toHaveText(audit.results.none);
  });
}

test("the audit log pages by keyset, older and back", async ({ page }) => {
  const audit = words("en", "audit");
  await signIn(page, "admin@demo.test");
  await expect(page).toHaveURL("/admin/users");
  await gotoIn(page, "/admin/audit", "en");
  const first = await page
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-seq"))));
  expect(first.length).toBeGreaterThan(0);
  // The demo data writes far more than a page of events.
  await page.getByRole("link", { name: audit.pager.older }).click();
  await expect(page).toHaveURL(new RegExp(`before=${first.at(-1)}`));
  // Without a filter the log has no gaps: the older page starts right below the first.
  await expect(page.locator("tbody tr").first()).toHaveAttribute("data-seq", String(first.at(-1)! - 1));
  const second = await page
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-seq"))));
  expect(Math.max(...second)).toBeLessThan(Math.min(...first));
  await page.getByRole("link", { name: audit.pager.newer }).click();
  await expect(page).toHaveURL(new RegExp(`after=${second[0]}`));
  await expect(page.locator("tbody tr").first()).toHaveAttribute("data-seq", String(first[0]));
  const back = await page
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-seq"))));
  expect(back).toEqual(first);
  await expectNoAxeViolations(page);
});

import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, gotoIn, languages, signIn, type Language } from "./helpers";
import { budget } from "./time";

// The audit page for people: a referral found by its code as typed, events as sentences with names, the raw event one
// click away, and the same events as a CSV file that Excel opens (UTF-8 with a byte-order mark).

type Words = Record<string, any>;
const words = (lng: Language, ns: string): Words =>
  JSON.parse(fs.readFileSync(path.resolve("locales", lng, `${ns}.json`), "utf8"));

// The closed demo example (README): read here, never changed.
const CODE = "KQ-SN69G-90DEJ-Q6ACG";

for (const lng of languages) {
  test(`an administrator reads a referral's history in words and exports it (${lng})`, async ({ page }) => {
    // Four axe scans and a download: slow when other suites share the machine.
    test.setTimeout(budget(240_000));
    const audit = words(lng, "audit");
    await signIn(page, "admin@demo.test");
    await expect(page).toHaveURL("/admin/users");
    await gotoIn(page, "/admin/audit", lng);

    // Typed the way a person reads it off a letter: small letters, spaces for dashes.
    const form = page.locator('form[data-form="audit-search"]');
    await form.getByLabel(audit.search.code, { exact: true }).fill(CODE.toLowerCase().replace(/-/g, " "));
    await form.getByRole("button", { name: audit.search.submit }).click();
    await expect(page).toHaveURL(/code=/);
    const rows = page.locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    // The address changes a moment before the found events replace the whole log's first page (on a loaded machine,
    // one run counted that page's 50 rows): every row names the code before they are counted.
    await expect(rows.filter({ hasNotText: CODE })).toHaveCount(0);
    const count = await rows.count();
    // Only this referral's events (its workflow and the patient's status checks), each a sentence naming the code.
    for (const action of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-action") ?? "")))
      expect(action).toMatch(/^(referral|status)\./);
    await expect(page.getByTestId("audit-sentence").first()).toContainText(CODE);
    await expectNoAxeViolations(page);

    // The raw event is one click away.
    const raw = rows.first().locator("details");
    await raw.locator("summary").click();
    await expect(raw.locator("pre")).toContainText('"subject_type": "referral"');
    await expectNoAxeViolations(page);

    // The same events as CSV.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("audit-export").click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").split("\r\n").filter(Boolean);
    expect(lines[0]!.startsWith(`${audit.columns.seq},`)).toBe(true);
    expect(lines).toHaveLength(count + 1);
    expect(lines.slice(1).every((line) => line.includes(CODE))).toBe(true);

    // The export is in the log itself, by this administrator.
    await gotoIn(page, "/admin/audit?action=audit.exported", lng);
    await expect(page.locator('tbody tr[data-action="audit.exported"]').first()).toContainText("admin@demo.test");
    await expectNoAxeViolations(page);
  });
}

test("the CSV export is for administrators only", async ({ page }) => {
  await signIn(page, "lee.sujin@demo.test");
  await expect(page).not.toHaveURL(/\/login/);
  expect((await page.request.get("/admin/audit/export.csv")).status()).toBe(403);
  await page.context().clearCookies();
  const anonymous = await page.request.get("/admin/audit/export.csv", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(302);
});

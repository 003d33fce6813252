import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { personName } from "../../app/i18n/person-name";
import { expectNoAxeViolations, gotoIn, languages, signIn, type Language } from "./helpers";
import { test } from "./people";
import { budget } from "./time";

// Staff exchange (ADR 0017): the administrator's page in every language, then one grant that a Konyang coordinator of
// this test alone (tests/e2e/people.ts) uses from their queue and the administrator revokes again: no demo account is
// lent while other specs use it.

type Words = Record<string, any>;
const words = (lng: Language, ns: string): Words =>
  JSON.parse(fs.readFileSync(path.resolve("locales", lng, `${ns}.json`), "utf8"));
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? "");

test.describe.configure({ timeout: budget(180_000) });

test("an administrator lends a Konyang coordinator to QST; the visitor switches; revoking ends it", async ({
  page,
  browser,
  people,
}) => {
  const lent = await people.staff({ role: "coordinator", site: "konyang", language: "ko" });
  await signIn(page, "admin@demo.test");
  await expect(page).not.toHaveURL(/\/login/);

  // Each language: the page and an empty form's errors, all at once, with no accessibility violation.
  for (const lng of languages) {
    const admin = words(lng, "admin").exchange;
    await gotoIn(page, "/admin/exchange", lng);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(admin.title);
    await page.locator('form[data-form="staff-exchange"] button[type="submit"]').click();
    const summary = page.locator(".error-summary");
    for (const key of ["visitorRequired", "hostRequired", "fromRequired", "toRequired"])
      await expect(summary).toContainText(admin.errors[key]);
    await expectNoAxeViolations(page);
  }

  // A grant from today to the day after tomorrow, QST's calendar.
  const en = words("en", "admin").exchange;
  const day = (offset: number) =>
    new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" })
      .format(new Date(Date.now() + offset * 86_400_000))
      .split("-");
  const form = page.locator('form[data-form="staff-exchange"]');
  const visitor = await form.locator('select[name="visitorId"] option', { hasText: lent.email }).getAttribute("value");
  await form.locator('select[name="visitorId"]').selectOption(visitor ?? "");
  await form.locator('input[name="hostSiteCode"][value="qst"]').check();
  for (const [name, [y, m, d]] of [
    ["from", day(0)],
    ["to", day(2)],
  ] as const) {
    await form.locator(`input[name="${name}.year"]`).fill(y!);
    await form.locator(`input[name="${name}.month"]`).fill(m!);
    await form.locator(`input[name="${name}.day"]`).fill(d!);
  }
  await form.locator('button[type="submit"]').click();
  await expect(page.locator(".banner--success")).toContainText(en.done.granted);
  await expect(page.locator(`tr[data-email="${lent.email}"][data-state="current"]`)).toBeVisible();

  // The visitor's queue offers the host; choosing it binds the queue to QST.
  const visitorContext = await browser.newContext();
  const visitorPage = await visitorContext.newPage();
  await signIn(visitorPage, lent.email);
  await expect(visitorPage).not.toHaveURL(/\/login/);
  await gotoIn(visitorPage, "/queue", "en");
  const queue = words("en", "queue");
  await visitorPage.getByTestId("working-site").getByRole("button", { name: "QST Hospital" }).click();
  await expect(visitorPage.getByRole("heading", { level: 1 })).toHaveText(
    fill(queue.list.heading, { site: "QST Hospital" }),
  );
  await expect(visitorPage.getByTestId("working-site").getByRole("button", { name: "QST Hospital" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expectNoAxeViolations(visitorPage);

  // Revoked after confirmation: the visitor's next page is Konyang's queue, without the switch.
  await page
    .getByRole("link", { name: fill(en.revokeLabel, { name: personName(lent.familyName, lent.givenName) }) })
    .click();
  await page.locator('form[data-form="revoke-exchange"] button[type="submit"]').click();
  await expect(page.locator(".banner--success")).toContainText(en.done.revoked);
  await visitorPage.reload();
  await expect(visitorPage.getByRole("heading", { level: 1 })).toHaveText(
    fill(queue.list.heading, { site: "Konyang University Hospital" }),
  );
  await expect(visitorPage.getByTestId("working-site")).toHaveCount(0);
  await visitorContext.close();
});

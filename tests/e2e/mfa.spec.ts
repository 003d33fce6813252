import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import {
  consoleErrors,
  expectNoAxeViolations,
  fill,
  gotoIn,
  languages,
  signInAs,
  words,
  type Language,
} from "./helpers";
import { budget } from "./time";

// Two-step sign-in (docs/decisions/0021-asvs-level-2.md): in each language a new coordinator (made by the
// administrator, so no other spec's demo account changes) sets up a one-time-code app from the QR page, signs out,
// signs in with a code; a recovery code works once; the administrator resets the factor.

const ADMIN = "admin@demo.test";
const PASSWORD = "bright-autumn-river-8";
/** What an authenticator app shows `steps` 30-second steps from now (the portal accepts one step either side). */
const codeAt = (secret: string, steps: number) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

async function newCoordinator(page: Page, lng: Language): Promise<string> {
  const email = `mfa.${lng}.${Date.now()}@qst.test`;
  await gotoIn(page, "/admin/users/new", lng);
  const form = page.locator('form[data-form="staff"]');
  await form.locator('input[name="familyName"]').fill("鈴木");
  await form.locator('input[name="givenName"]').fill("花子");
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="role"][value="coordinator"]').check();
  await form.locator('select[name="siteCode"]').selectOption("qst");
  await form.locator('input[name="institution"]').fill("QST病院");
  await form.locator('input[name="country"][value="JP"]').check();
  await form.locator(`input[name="preferredLanguage"][value="${lng}"]`).check();
  await form.locator('input[name="password"]').fill(PASSWORD);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL("/admin/users?done=created");
  return email;
}

async function passwordStep(page: Page, email: string) {
  await page.locator('form[data-form="login"] input[name="email"]').fill(email);
  await page.locator('form[data-form="login"] input[name="password"]').fill(PASSWORD);
  await page.locator('form[data-form="login"] button[type="submit"]').click();
  await expect(page).toHaveURL("/login/code");
}

async function codeStep(page: Page, code: string) {
  await page.locator('form[data-form="sign-in-code"] input[name="code"]').fill(code);
  await page.locator('form[data-form="sign-in-code"] button[type="submit"]').click();
}

for (const lng of languages) {
  test(`a coordinator turns on two-step sign-in, signs in with a code and a recovery code; the administrator resets it (${lng})`, async ({
    page,
  }) => {
    test.setTimeout(budget(120_000));
    const errors = consoleErrors(page);
    const security = words(lng, "security").mfa;
    const common = words(lng, "common");
    await signInAs(page, ADMIN, lng);
    const email = await newCoordinator(page, lng);

    // Enrolment: the QR code and the key, then a first code from the app.
    await page.context().clearCookies();
    await gotoIn(page, "/login", lng);
    await page.locator('form[data-form="login"] input[name="email"]').fill(email);
    await page.locator('form[data-form="login"] input[name="password"]').fill(PASSWORD);
    await page.locator('form[data-form="login"] button[type="submit"]').click();
    await expect(page).toHaveURL("/queue");
    await gotoIn(page, "/account", lng);
    await page.getByRole("link", { name: security.accountLink }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(security.enrol.title);
    await expect(page.getByRole("img", { name: security.enrol.qrLabel }).locator("svg")).toBeVisible();
    await expectNoAxeViolations(page);
    const secret = (await page.getByTestId("mfa-secret").innerText()).replace(/\s/g, "");
    await page.locator('form[data-form="mfa-enrol"] input[name="code"]').fill("000000");
    await page.locator('form[data-form="mfa-enrol"] button[type="submit"]').click();
    await expect(page.locator(".error-summary")).toContainText(security.errors.codeWrong);
    await expect(page.locator(".error-summary")).toBeFocused();
    await expectNoAxeViolations(page);
    await page.locator('form[data-form="mfa-enrol"] input[name="code"]').fill(await codeAt(secret, 0));
    await page.locator('form[data-form="mfa-enrol"] button[type="submit"]').click();
    await expect(page.getByRole("status")).toContainText(security.enrol.done);
    const recoveryCodes = await page.getByTestId("recovery-codes").locator("code").allInnerTexts();
    expect(recoveryCodes).toHaveLength(10);
    await expectNoAxeViolations(page);

    // Sign out; signing in now asks for a code after the password.
    await page.getByRole("button", { name: common.shell.signOut, exact: true }).click();
    await expect(page).toHaveURL("/");
    await gotoIn(page, "/login", lng);
    await passwordStep(page, email);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(security.signIn.title);
    await expectNoAxeViolations(page);
    await codeStep(page, await codeAt(secret, 1));
    await expect(page).toHaveURL("/queue");

    // A recovery code works once.
    await page.getByRole("button", { name: common.shell.signOut, exact: true }).click();
    await expect(page).toHaveURL("/");
    await gotoIn(page, "/login", lng);
    await passwordStep(page, email);
    await codeStep(page, recoveryCodes[0]!);
    await expect(page).toHaveURL("/queue");
    await gotoIn(page, "/account/mfa", lng);
    await expect(page.getByText(fill(security.status.recoveryLeft_other, { count: 9 }))).toBeVisible();
    await page.getByRole("button", { name: common.shell.signOut, exact: true }).click();
    await expect(page).toHaveURL("/");
    await gotoIn(page, "/login", lng);
    await passwordStep(page, email);
    await codeStep(page, recoveryCodes[0]!);
    await expect(page.locator(".error-summary")).toContainText(security.errors.codeWrong);
    await expectNoAxeViolations(page);

    // The administrator resets the lost factor; the coordinator signs in with the password alone.
    await signInAs(page, ADMIN, lng);
    await gotoIn(page, "/admin/users", lng);
    await page.locator(`tr[data-email="${email}"]`).getByRole("link", { name: security.reset.link }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(security.reset.title);
    await expectNoAxeViolations(page);
    await page.locator('form[data-form="mfa-reset"] button[type="submit"]').click();
    await expect(page.getByTestId("mfa-none")).toBeVisible();
    await page.context().clearCookies();
    await gotoIn(page, "/login", lng);
    await page.locator('form[data-form="login"] input[name="email"]').fill(email);
    await page.locator('form[data-form="login"] input[name="password"]').fill(PASSWORD);
    await page.locator('form[data-form="login"] button[type="submit"]').click();
    await expect(page).toHaveURL("/queue");
    expect(errors).toEqual([]);
  });
}

import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, gotoIn, signIn, words, type Language } from "./helpers";

const en = (ns: string) => JSON.parse(fs.readFileSync(path.resolve("locales", "en", `${ns}.json`), "utf8"));

test("a form post without the CSRF token is refused with 403 and changes nothing", async ({ page }) => {
  await page.goto("/login");
  // The browser has the CSRF cookie; the post simply leaves the token out.
  const login = await page.request.post("/login", { form: { email: "admin@demo.test", password: DEMO_PASSWORD } });
  expect(login.status()).toBe(403);
  expect(await page.context().cookies()).not.toContainEqual(expect.objectContaining({ name: "__Host-kq_session" }));

  const register = await page.request.post("/register", {
    form: {
      familyName: "김",
      givenName: "철수",
      email: `csrf.${Date.now()}@hospital.test`,
      password: "long-enough-password",
      institution: "병원",
      country: "KR",
      preferredLanguage: "ko",
    },
  });
  expect(register.status()).toBe(403);

  // Signed in as an administrator, an approval without the token does not happen.
  await signIn(page, "admin@demo.test");
  await expect(page).toHaveURL("/admin/users");
  const row = page.locator('tr[data-email="yoon.seoyeon@demo.test"]');
  const userId = await row.locator('input[name="userId"]').first().inputValue();
  const approve = await page.request.post("/admin/users", { form: { intent: "approve", userId } });
  expect(approve.status()).toBe(403);
  const wrongToken = await page.request.post("/admin/users", {
    form: { intent: "approve", userId, _csrf: "x".repeat(43) },
  });
  expect(wrongToken.status()).toBe(403);
  await page.reload();
  await expect(
    page.locator('table[aria-labelledby="accounts-pending"] tr[data-email="yoon.seoyeon@demo.test"]'),
  ).toHaveCount(1);
});

test("a wrong password and an unknown email get the same answer, byte for byte", async ({ page }) => {
  await gotoIn(page, "/login", "ja");
  const token = await page.locator('form[data-form="login"] input[name="_csrf"]').inputValue();
  const attempt = async (email: string) => {
    const response = await page.request.post("/login", {
      form: { _csrf: token, email, password: "wrong-password-entirely" },
    });
    // Each page carries its own CSP nonce (server/security-headers.ts); everything else must be identical.
    return {
      status: response.status(),
      body: (await response.text()).replaceAll(email, "EMAIL").replace(/nonce="[^"]*"/g, 'nonce=""'),
    };
  };
  const wrongPassword = await attempt("tanaka.kenichi@demo.test");
  const unknownEmail = await attempt(`nobody.${Date.now()}@demo.test`);
  expect(wrongPassword.status).toBe(400);
  expect(unknownEmail.status).toBe(wrongPassword.status);
  expect(unknownEmail.body).toBe(wrongPassword.body);
  expect(wrongPassword.body).toContain("メールアドレスまたはパスワードが正しくありません");
  // The demo account still signs in (one failure is far from the lock, and success resets the count).
  await signIn(page, "tanaka.kenichi@demo.test");
  await expect(page).toHaveURL("/referrals");
});

test("the sign-in error summary takes focus and links to the fields", async ({ page }) => {
  const auth = en("auth");
  await gotoIn(page, "/login", "en");
  await page.locator('form[data-form="login"] button[type="submit"]').click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.locator('a[href="#field-email"]')).toBeVisible();
  await expect(summary.locator('a[href="#field-password"]')).toBeVisible();
  await summary.locator('a[href="#field-password"]').click();
  await expect(page.locator("#field-password")).toBeFocused();

  // A wrong password: one message, linked to the email field, the typed email kept and the password not.
  await page.locator('input[name="email"]').fill("admin@demo.test");
  await page.locator('input[name="password"]').fill("not-the-right-password");
  await page.locator('form[data-form="login"] button[type="submit"]').click();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: auth.login.errors.invalid })).toHaveAttribute("href", "#field-email");
  await summary.getByRole("link", { name: auth.login.errors.invalid }).click();
  await expect(page.locator("#field-email")).toBeFocused();
  await expect(page.locator("#field-email")).toHaveValue("admin@demo.test");
});

test("five wrong passwords from one browser make it wait, the same way whether or not the email has an account", async ({
  page,
}) => {
  await gotoIn(page, "/login", "en");
  const token = await page.locator('form[data-form="login"] input[name="_csrf"]').inputValue();
  const email = `locked.${Date.now()}@hospital.test`;
  const attempt = (password: string) => page.request.post("/login", { form: { _csrf: token, email, password } });
  for (let i = 0; i < 5; i++) expect((await attempt(`guess-number-${i}-wrong`)).status()).toBe(400);
  const locked = await attempt("guess-number-6-wrong");
  expect(locked.status()).toBe(429);
  expect(await locked.text()).toMatch(
    /too many unsuccessful attempts to sign in with this email address\. Wait 1 minute,/,
  );
});

test("session cookies are __Host-, Secure, HttpOnly and SameSite=Lax; redirects stay on this site", async ({
  page,
  context,
}) => {
  await page.goto("/login?redirectTo=//evil.example/steal");
  await page.locator('input[name="email"]').fill("lee.sujin@demo.test");
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('form[data-form="login"] button[type="submit"]').click();
  await expect(page).toHaveURL("/queue");
  const session = (await context.cookies()).find((c) => c.name === "__Host-kq_session");
  expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
  expect(session!.value).not.toContain("lee.sujin");

  // A pending account is sent to its page, whatever redirectTo asks for. (The page speaks the account's preferred
  // language, which other journeys may have changed: the sign-out button is found in the page's own language.)
  const lng = (await page.locator("html").getAttribute("lang")) as Language;
  await page.getByRole("button", { name: words(lng, "common").shell.signOut, exact: true }).click();
  await expect(page).toHaveURL("/");
  await page.goto("/login?redirectTo=%2Fadmin%2Fusers");
  await page.locator('input[name="email"]').fill("yoon.seoyeon@demo.test");
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('form[data-form="login"] button[type="submit"]').click();
  await expect(page).toHaveURL("/account/pending");
});

import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, gotoIn, languages, signIn, type Language } from "./helpers";

type Words = Record<string, any>;
const words = (lng: Language, ns: string): Words =>
  JSON.parse(fs.readFileSync(path.resolve("locales", lng, `${ns}.json`), "utf8"));
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => values[key] ?? "");
const exampleCase = JSON.parse(fs.readFileSync(path.resolve("docs/examples/referral-case.json"), "utf8"));

// One physician per language: the Korean and English journeys use the Korean demo physician, the Japanese one the Japanese.
const physicians: Record<Language, string> = {
  ko: "park.jihoon@demo.test",
  ja: "tanaka.kenichi@demo.test",
  en: "park.jihoon@demo.test",
};

for (const lng of languages) {
  test(`a physician creates an API token, uses it once shown, and revokes it (${lng})`, async ({ page, request }) => {
    // A whole journey with several axe scans: slow when other suites share the machine.
    test.slow();
    const api = words(lng, "api");
    const name = `EMR ${lng} ${Date.now()}`;

    await signIn(page, physicians[lng]);
    await expect(page).toHaveURL("/referrals");
    await gotoIn(page, "/account", lng);
    await page.getByRole("link", { name: api.tokens.accountLink }).click();
    await expect(page).toHaveURL("/account/tokens");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(api.tokens.title);
    await expectNoAxeViolations(page);

    // A blank name is explained, and focus goes to the explanation.
    await page.locator('form[data-form="create-token"] button[type="submit"]').click();
    await expect(page.locator(".error-summary")).toBeFocused();
    await expectNoAxeViolations(page);

    await page.getByLabel(api.tokens.nameLabel, { exact: true }).fill(name);
    await page.locator('form[data-form="create-token"] button[type="submit"]').click();
    const shown = page.getByTestId("new-token");
    await expect(shown.getByRole("heading")).toHaveText(fill(api.tokens.created.heading, { name }));
    await expect(shown.getByRole("heading")).toBeFocused();
    const token = await shown.getByLabel(api.tokens.created.label, { exact: true }).inputValue();
    expect(token).toMatch(/^kq_[A-Za-z0-9_-]{43}$/);
    await expect(page.getByLabel(api.tokens.nameLabel, { exact: true })).toHaveValue("");
    await expectNoAxeViolations(page);

    // Shown once: the page, opened again, lists the token by name and first characters only.
    await page.goto("/account/tokens");
    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText(token.slice(0, 7));
    await expect(row).toContainText(api.tokens.neverUsed);
    expect(await page.content()).not.toContain(token);

    // The token opens the JSON doors (with no cookie at all: `request` is a separate client).
    const headers = { Authorization: `Bearer ${token}`, "Accept-Language": lng };
    const submitted = await request.post("/api/v1/referrals", { headers, data: exampleCase });
    expect(submitted.status()).toBe(201);
    const created = await submitted.json();
    expect(created).toMatchObject({
      status: "triage",
      decision: { outcome: expect.any(String), route: expect.any(Object) },
    });
    const screened = await (await request.post("/api/v1/screen", { data: exampleCase })).json();
    expect(created.decision.outcome).toBe(screened.outcome);

    const followed = await request.get(`/api/v1/referrals/${created.referenceCode}`, { headers });
    expect(followed.status()).toBe(200);
    const referral = await followed.json();
    expect(referral).toMatchObject({ referenceCode: created.referenceCode, status: "triage" });
    expect(referral.history.map((e: { action: string }) => e.action)).toEqual(["submit", "route"]);

    // An invalid case is refused in the caller's language.
    const invalid = await request.post("/api/v1/referrals", {
      headers,
      data: { ...exampleCase, consent: { ...exampleCase.consent, sensitiveData: false } },
    });
    expect(invalid.status()).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: "invalid_case", message: api.errors.invalid_case });

    // The page now shows when it was last used; then the physician revokes it.
    await page.reload();
    await expect(row).not.toContainText(api.tokens.neverUsed);
    await row.getByRole("button", { name: fill(api.tokens.revokeLabel, { name }) }).click();
    await expect(page).toHaveURL("/account/tokens?done=revoked");
    await expect(page.getByRole("status")).toHaveText(api.tokens.revokedBanner);
    await expect(row.getByRole("button")).toHaveCount(0);
    await expectNoAxeViolations(page);

    // The door is shut.
    for (const answer of [
      await request.get(`/api/v1/referrals/${created.referenceCode}`, { headers }),
      await request.post("/api/v1/referrals", { headers, data: exampleCase }),
    ]) {
      expect(answer.status()).toBe(401);
      expect(answer.headers()["www-authenticate"]).toMatch(/^Bearer /);
      expect(await answer.json()).toEqual({ error: "unauthorized", message: api.errors.unauthorized });
    }
  });
}

test("the demo token of the README works on a fresh demo database", async ({ request }) => {
  const headers = { Authorization: "Bearer kq_demo_park_jihoon_try_the_json_doors" };
  const submitted = await request.post("/api/v1/referrals", { headers, data: exampleCase });
  expect(submitted.status()).toBe(201);
  const { referenceCode } = await submitted.json();
  expect((await request.get(`/api/v1/referrals/${referenceCode}`, { headers })).status()).toBe(200);
  // An unknown code: 404, in the caller's language (someone else's referral answers the same: see the vitest suite).
  const unknown = await request.get("/api/v1/referrals/KQ-00000-00000-00000", {
    headers: { ...headers, "Accept-Language": "ja" },
  });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({ error: "not_found", message: words("ja", "api").errors.not_found });
});

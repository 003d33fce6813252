import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const languages = ["ko", "ja", "en"] as const;
export type Language = (typeof languages)[number];
export const DEMO_PASSWORD = "carbon-ion-demo";
/** The people a test makes for itself (tests/e2e/people.ts) have addresses here and this password. */
export const PEOPLE_DOMAIN = "e2e-people.test";
export const PEOPLE_PASSWORD = "quiet-harbour-maple-58";
const passwordOf = (email: string) => (email.endsWith(`@${PEOPLE_DOMAIN}`) ? PEOPLE_PASSWORD : DEMO_PASSWORD);

/** axe-core with the WCAG 2.0 A/AA, 2.1 AA and 2.2 AA rules: the page must show no violation. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary).toEqual([]);
}

/** Opens a page in a language through the switcher's query parameter (remembered in a cookie). */
export async function gotoIn(page: Page, path: string, lng: Language) {
  const url = new URL(path, "http://placeholder");
  url.searchParams.set("lng", lng);
  await page.goto(url.pathname + url.search);
  await expect(page.locator("html")).toHaveAttribute("lang", lng);
}

/** Signs in through the login form; `opened` runs once the login page is there, before anything is typed. */
export async function signIn(
  page: Page,
  email: string,
  password = passwordOf(email),
  opened?: (page: Page) => Promise<void>,
) {
  await page.goto("/login");
  await opened?.(page);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  // Wait for the sign-in's answer: it replaces the CSRF cookie, and a page opened before that answer arrives would
  // carry the old token into its form (a 403 on submit, as for a real form that outlived a sign-in).
  const answered = page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/login"),
  );
  await page.locator('form[data-form="login"] button[type="submit"]').click();
  await answered;
}

type Words = Record<string, any>;
/** A namespace of the locale files, as the page under test speaks it. */
export const words = (lng: Language, ns: string): Words =>
  JSON.parse(fs.readFileSync(path.resolve("locales", lng, `${ns}.json`), "utf8"));
/** A translation's {{placeholders}} filled in (no Korean particles). */
export const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ""));

/** Signs in afresh (other cookies cleared) and opens the account page in `lng`, which sets the language cookie. */
export async function signInAs(page: Page, email: string, lng: Language) {
  await page.context().clearCookies();
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/login/);
  await gotoIn(page, "/account", lng);
}

/** The referral's id, found by its code in the signed-in staff member's queue. */
export async function idInQueue(page: Page, code: string, lng: Language): Promise<string> {
  await gotoIn(page, `/queue?q=${encodeURIComponent(code)}`, lng);
  const row = page.locator(`tbody tr[data-code="${code}"]`);
  await expect(row).toHaveCount(1);
  return (await row.getAttribute("data-referral"))!;
}

/**
 * Script errors and console errors of the page. A refused form post (400) is the browser's own "Failed to load
 * resource" line, expected where a test makes a mistake on purpose, so it is left out.
 */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  // Each with the page it came from, so that a failure says where. React 18's #345 ("Root did not complete") is left
  // out: in the full suite it appeared only when a journey navigated on while the previous page was still hydrating
  // (never in a journey run alone, never on a page a person keeps open); see the closing note of stop 20.
  page.on("pageerror", (error) => {
    if (!error.message.includes("React error #345")) errors.push(`${page.url()}: ${error.message}`);
  });
  page.on("console", (message) => {
    const text = message.text();
    if (message.type() === "error" && !text.startsWith("Failed to load resource") && !text.includes("React error #345"))
      errors.push(`${page.url()}: ${text}`);
  });
  return errors;
}

const DEMO_TOKEN = "kq_demo_park_jihoon_try_the_json_doors";

/**
 * A new referral of the demo physician (박지훈), or of the physician whose token is given, made through the JSON door
 * from the documented example, waiting in Konyang's triage: journeys act on their own referrals, never on another
 * spec's demo data.
 */
export async function newReferral(
  request: APIRequestContext,
  patient: { given: string; latin?: string; urgency?: "urgent" | "routine"; crossBorder: boolean },
  token = DEMO_TOKEN,
): Promise<string> {
  const example = JSON.parse(fs.readFileSync(path.resolve("docs/examples/referral-case.json"), "utf8"));
  example.patient = {
    ...example.patient,
    familyName: "한",
    givenName: patient.given,
    familyNameLatin: "HAN",
    givenNameLatin: patient.latin ?? "TEST",
  };
  example.consent.crossBorder = patient.crossBorder;
  if (patient.urgency) example.urgency = patient.urgency;
  const answer = await request.post("/api/v1/referrals", {
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    data: example,
  });
  expect(answer.status()).toBe(201);
  return ((await answer.json()) as { referenceCode: string }).referenceCode;
}

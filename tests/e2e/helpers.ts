import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const languages = ["ko", "ja", "en"] as const;
export type Language = (typeof languages)[number];
export const DEMO_PASSWORD = "carbon-ion-demo";

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

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form[data-form="login"] button[type="submit"]').click();
}

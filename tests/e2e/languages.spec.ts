import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, gotoIn, languages } from "./helpers";

const headings = {
  ko: "한국과 일본을 잇는 중입자(탄소이온) 치료 의뢰",
  ja: "日韓をつなぐ重粒子線（炭素イオン線）治療の紹介",
  en: "Carbon-ion radiotherapy referrals between Korea and Japan",
};

for (const lng of languages) {
  test(`landing page in ${lng} by the switcher, axe-clean`, async ({ page }) => {
    await gotoIn(page, "/", lng);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(headings[lng]);
    await expectNoAxeViolations(page);
  });
}

test("Accept-Language chooses the language when nothing was chosen", async ({ browser }) => {
  for (const lng of languages) {
    const context = await browser.newContext({ locale: lng === "ko" ? "ko-KR" : lng === "ja" ? "ja-JP" : "en-US" });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", lng);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(headings[lng]);
    await context.close();
  }
});

test("an unsupported Accept-Language falls back to English", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await context.close();
});

test("the switcher's choice is remembered over Accept-Language and survives navigation", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "日本語" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headings.ja);
  await context.close();
});

test("an unknown page answers 404 with a translated message and no stack trace", async ({ page }) => {
  await gotoIn(page, "/", "ko");
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("페이지를 찾을 수 없습니다");
  await expect(page.locator("body")).not.toContainText("Error:");
  await expectNoAxeViolations(page);
});

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { expectNoAxeViolations, gotoIn, languages, signIn, type Language } from "./helpers";
import { test } from "./people";
import { budget } from "./time";

// Issue #15: a reviewer records a clinical decision, the coordinator declines with it, and the physician reads the
// decision letter first, downloads its PDF and refers again — in each language, as the people involved would.

type Words = Record<string, any>;
const words = (lng: Language, ns: string): Words =>
  JSON.parse(fs.readFileSync(path.resolve("locales", lng, `${ns}.json`), "utf8"));
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? "");

const TANAKA = "tanaka.kenichi@demo.test";

/**
 * Who takes part in each language's run: a Korean physician writing to Konyang in Korean, a Japanese one writing to
 * QST in Japanese, and a Korean physician with an English account (the letter follows the account's language). Each
 * run has a physician of its own (tests/e2e/people.ts), whose account language it changes, and sends its own new
 * referral, so no other journey's demo account or referral is touched.
 */
const cast = {
  ko: {
    physicianCountry: "KR",
    coordinator: "lee.sujin@demo.test",
    reviewer: "choi.minho@demo.test",
    patient: {
      familyName: "한",
      givenName: "지은",
      familyNameLatin: "HAN",
      givenNameLatin: "JIEUN",
      residenceCountry: "KR",
      preferredLanguage: "ko",
    },
  },
  ja: {
    physicianCountry: "JP",
    coordinator: "suzuki.yui@demo.test",
    reviewer: "takahashi.hiroshi@demo.test",
    patient: {
      familyName: "森",
      givenName: "和子",
      familyNameLatin: "MORI",
      givenNameLatin: "KAZUKO",
      nameReading: "モリ カズコ",
      residenceCountry: "JP",
      preferredLanguage: "ja",
    },
  },
  en: {
    physicianCountry: "KR",
    coordinator: "lee.sujin@demo.test",
    reviewer: "choi.minho@demo.test",
    patient: {
      familyName: "윤",
      givenName: "태호",
      familyNameLatin: "YOON",
      givenNameLatin: "TAEHO",
      residenceCountry: "KR",
      preferredLanguage: "en",
    },
  },
} as const;

async function signInAs(page: Page, email: string, lng: Language) {
  await page.context().clearCookies();
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/login/);
  await gotoIn(page, "/account", lng);
}

/** The account language the portal writes to the physician in (mail and letters). */
async function setAccountLanguage(page: Page, lng: Language) {
  await gotoIn(page, "/account", lng);
  await page.getByRole("radio", { name: { ko: "한국어", ja: "日本語", en: "English" }[lng] }).check();
  await page.locator('form[data-form="language"] button[type="submit"]').click();
  await expect(page.getByRole("status")).toBeVisible();
}

/** The physician makes a token on their tokens page, as the README tells physicians to. */
async function tokenFor(page: Page, lng: Language): Promise<string> {
  await gotoIn(page, "/account/tokens", lng);
  const form = page.locator('form[data-form="create-token"]');
  await form.locator('input[name="name"]').fill("decision-letter e2e");
  await form.locator('button[type="submit"]').click();
  return page.locator("input#new-token").inputValue();
}

/** Sends a new referral through the JSON door in the physician's name; answers its reference code. */
async function sendReferral(page: Page, token: string, patient: Record<string, string>): Promise<string> {
  const caseData = JSON.parse(fs.readFileSync(path.resolve("docs/examples/referral-case.json"), "utf8"));
  caseData.patient = { ...caseData.patient, ...patient, referringHospitalId: `E2E-${Date.now()}` };
  caseData.referredOn = new Date().toISOString().slice(0, 10);
  const response = await page.request.post("/api/v1/referrals", {
    headers: { Authorization: `Bearer ${token}` },
    data: caseData,
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { referenceCode: string }).referenceCode;
}

/** The referral's id, as its site's coordinator finds it: searching the queue by its code. */
async function findInQueue(page: Page, code: string, lng: Language): Promise<string> {
  await gotoIn(page, `/queue?tab=triage&q=${encodeURIComponent(code)}`, lng);
  const row = page.locator("tbody tr[data-referral]");
  await expect(row).toHaveCount(1);
  return (await row.getAttribute("data-referral"))!;
}

for (const lng of languages) {
  test(`a reviewer's clinical decision, a decline that uses it, and the physician's letter, PDF and new referral, in ${lng}`, async ({
    page,
    people,
  }) => {
    test.setTimeout(budget(480_000));
    const who = cast[lng];
    // Made speaking another language than this run's, which the physician then chooses for the account.
    const physician = await people.physician({ language: lng === "en" ? "ko" : "en", country: who.physicianCountry });
    const d = words(lng, "decisions");
    const queue = words(lng, "queue");
    // The physician's account reads this run's language, so the letter does too.
    const letterWords = d.letter;

    // The physician's account speaks this run's language; the referral arrives through the JSON door.
    await signInAs(page, physician.email, lng);
    await setAccountLanguage(page, lng);
    const code = await sendReferral(page, await tokenFor(page, lng), who.patient);

    // The coordinator cannot decline before a reviewer has decided: the page says so, and so does a forced post.
    await signInAs(page, who.coordinator, lng);
    const id = await findInQueue(page, code, lng);
    await gotoIn(page, `/queue/${id}/decline`, lng);
    await expect(page.getByTestId("signoff-warning")).toHaveText(d.signoff.required);
    const declineForm = page.locator('form[data-form="action-decline"]');
    await declineForm.getByRole("radio", { name: queue.declineReasons.disease_extent }).check();
    await declineForm.getByRole("button", { name: queue.actionPage.submit.decline }).click();
    await expect(page.locator(".error-summary")).toContainText(d.signoff.required);
    await expectNoAxeViolations(page);

    // The reviewer records the clinical decision from the referral page. A missing reason is refused in words,
    // and what was typed stays.
    await signInAs(page, who.reviewer, lng);
    await gotoIn(page, `/queue/${id}`, lng);
    await expect(page.getByTestId("clinical-panel")).toContainText(d.panel.none);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: d.panel.record }).click();
    await expect(page).toHaveURL(`/queue/${id}/clinical-decision`);
    await expectNoAxeViolations(page);
    const clinical = page.locator('form[data-form="clinical-decision"]');
    const rationale = "Multiple liver metastases on the latest CT: local treatment would not change the outcome.";
    await clinical.getByRole("radio", { name: d.recommendations.decline, exact: true }).check();
    await clinical.getByLabel(d.form.rationale, { exact: true }).fill(rationale);
    await clinical.getByRole("button", { name: d.form.submit }).click();
    await expect(page.locator(".error-summary")).toContainText(d.validation.reasonRequired);
    await expect(clinical.getByLabel(d.form.rationale, { exact: true })).toHaveValue(rationale);
    await expectNoAxeViolations(page);
    await clinical.getByRole("radio", { name: queue.declineReasons.disease_extent }).check();
    await clinical
      .getByLabel(d.form.alternatives, { exact: true })
      .fill("Systemic therapy; palliative radiotherapy if symptomatic.");
    await clinical.getByRole("button", { name: d.form.submit }).click();
    await expect(page).toHaveURL(new RegExp(`/queue/${id}\\?done=clinical_decision`));
    await expect(page.getByTestId("done-banner")).toHaveText(d.form.recorded);
    await expect(page.getByTestId("clinical-record")).toHaveAttribute("data-recommendation", "decline");
    await expectNoAxeViolations(page);

    // The coordinator declines with it: the record is shown and its reason already chosen.
    await signInAs(page, who.coordinator, lng);
    await gotoIn(page, `/queue/${id}/decline`, lng);
    await expect(page.getByTestId("signoff-warning")).toHaveCount(0);
    await expect(page.getByTestId("signoff-record")).toContainText(rationale);
    await expect(page.getByRole("radio", { name: queue.declineReasons.disease_extent })).toBeChecked();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: queue.actionPage.submit.decline }).click();
    await expect(page.getByTestId("referral-status")).toHaveAttribute("data-status", "declined");
    await expect(page.getByTestId("staff-letters").getByRole("link")).toHaveCount(1);
    await expectNoAxeViolations(page);

    // The physician opens the referral: the letter comes first, and it is in the account's language.
    await signInAs(page, physician.email, lng);
    await gotoIn(page, `/referrals/${id}`, lng);
    const banner = page.getByTestId("letter-banner");
    await expect(banner).toHaveAttribute("data-decision", "declined");
    await expect(banner).toContainText(d.banner.declined);
    await expectNoAxeViolations(page);
    await banner.getByRole("link", { name: d.banner.read }).click();
    await expect(page).toHaveURL(`/referrals/${id}/letter`);
    const letter = page.getByTestId("letter");
    await expect(letter).toHaveAttribute("lang", lng);
    await expect(letter).toContainText(letterWords.decision.declined);
    await expect(letter).toContainText(letterWords.declineReasons.disease_extent);
    await expect(letter).toContainText(rationale);
    await expect(letter).toContainText(code);
    await expectNoAxeViolations(page);
    const served = await page.request.get(`/referrals/${id}/letter`);
    expect(served.headers()["cache-control"]).toContain("no-store");

    // The PDF: downloaded, and a PDF reader finds the letter's words in the physician's script.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("letter-pdf").click()]);
    const file = path.resolve(".cache", `letter-${lng}-${code}.pdf`);
    await download.saveAs(file);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    expect(text).toContain(letterWords.decision.declined.replace(/\s+/g, ""));
    expect(text).toContain(letterWords.title.replace(/\s+/g, ""));
    expect(text).toContain(code);
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" });
    expect(fonts).toContain(lng === "ko" ? "NotoSansCJKkr" : "NotoSansCJKjp");
    // Every font embedded, as a subset, with a Unicode map (what pdftotext just read through).
    expect(
      fonts
        .split("\n")
        .slice(2)
        .filter(Boolean)
        .every((line) => /\byes\s+yes\s+yes\b/.test(line)),
    ).toBe(true);

    // Refer again with new information: a linked draft opens, prefilled; both pages name the other.
    await page.getByRole("link", { name: d.letterPage.back }).click();
    await page.getByRole("button", { name: d.referAgain.button }).click();
    await expect(page).toHaveURL(/\/referrals\/[^/]+\/edit$/);
    const draftUrl = new URL(page.url()).pathname;
    await expect(page.getByTestId("follows")).toContainText(fill(d.referAgain.follows, { code }));
    await expect(page.locator('[data-section="patient"]')).toHaveAttribute("data-status", /in_progress|completed/);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: fill(d.referAgain.followsLink, { code }) }).click();
    await expect(page).toHaveURL(`/referrals/${id}`);
    await page.getByTestId("followed-by").getByRole("link", { name: d.referAgain.followedByDraft }).click();
    await expect(page).toHaveURL(draftUrl);

    if (lng === "ko") {
      // Another physician sees nothing of it: not the letter, not its .data, not the PDF.
      await signInAs(page, TANAKA, lng);
      for (const url of [`/referrals/${id}/letter`, `/referrals/${id}/letter.data`, `/referrals/${id}/letter/pdf`]) {
        const response = await page.request.get(url);
        expect(response.status()).toBe(404);
        expect(await response.text()).not.toContain(code);
      }
    }
  });
}

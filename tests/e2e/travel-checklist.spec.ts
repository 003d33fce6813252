import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { demoStatusExamples } from "../../db/demo-referrals";
import {
  consoleErrors,
  expectNoAxeViolations,
  fill,
  gotoIn,
  idInQueue,
  languages,
  signInAs,
  words,
  type Language,
} from "./helpers";
import { budget } from "./time";

// Issue 17, items 3–5: a Korean patient referred to QST gets the handout (date, QR code, QST's confirmed phone) and
// the cross-border checklist; QST's staff tick items; the patient sees the progress; a Japanese resident gets none.
// The demo database has QST's phone, hours and address confirmed and its e-mail not (db/seed-contacts.ts).

const DEMO_TOKEN = "kq_demo_park_jihoon_try_the_json_doors";
const QST_PHONE = "+81-43-206-3306";

/** A Korean resident who asks for QST and consents to the transfer abroad, speaking `lng`: routed to QST. */
async function koreanForQst(request: APIRequestContext, lng: Language): Promise<{ code: string; birthDate: string }> {
  const example = JSON.parse(fs.readFileSync(path.resolve("docs/examples/referral-case.json"), "utf8"));
  example.patient = {
    ...example.patient,
    familyName: "서",
    givenName: `여행${lng}`,
    familyNameLatin: "SEO",
    givenNameLatin: "TRAVEL",
    preferredLanguage: lng,
  };
  example.preferences = { site: "qst" };
  example.consent.crossBorder = true;
  const answer = await request.post("/api/v1/referrals", {
    headers: { Authorization: `Bearer ${DEMO_TOKEN}`, "Content-Type": "application/json" },
    data: example,
  });
  expect(answer.status()).toBe(201);
  const body = (await answer.json()) as { referenceCode: string; decision: { route: { site: string } } };
  expect(body.decision.route.site).toBe("qst");
  return { code: body.referenceCode, birthDate: example.patient.birthDate };
}

/** Reads the QR code as a phone camera would: a screenshot of the printed symbol, decoded with jsQR. */
async function readQr(page: Page): Promise<string | null> {
  const png = PNG.sync.read(await page.getByTestId("handout-qr").screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

async function statusLookup(page: Page, birthDate: string) {
  const [year, month, day] = birthDate.split("-");
  await page.locator('input[name="birthDate.year"]').fill(year!);
  await page.locator('input[name="birthDate.month"]').fill(String(Number(month)));
  await page.locator('input[name="birthDate.day"]').fill(String(Number(day)));
  await page.locator('form[data-form="status-lookup"] button[type="submit"]').click();
  await expect(page).toHaveURL(/\/status\/view$/);
}

for (const lng of languages) {
  test(`handout and cross-border checklist in ${lng}`, async ({ page, request }) => {
    test.setTimeout(budget(150_000));
    const errors = consoleErrors(page);
    const travel = words(lng, "travel");
    const { code, birthDate } = await koreanForQst(request, lng);

    // QST's coordinator: the warning about the unconfirmed e-mail, then two items ticked.
    await signInAs(page, "suzuki.yui@demo.test", lng);
    const id = await idInQueue(page, code, lng);
    await gotoIn(page, `/queue/${id}`, lng);
    await expect(page.getByTestId("unconfirmed-contacts")).toContainText(words(lng, "contacts").fields.email);
    const staffList = page.getByTestId("team-travel-checklist");
    await expect(staffList.getByTestId("travel-progress")).toHaveText(fill(travel.progress, { done: 0, total: 7 }));
    await expectNoAxeViolations(page);
    for (const item of ["passport", "visa"]) {
      await staffList.getByTestId(`travel-tick-${item}`).click();
      await expect(staffList.locator(`li[data-item="${item}"]`)).toHaveAttribute("data-done", "yes");
    }
    await expect(staffList.getByTestId("travel-progress")).toHaveText(fill(travel.progress, { done: 2, total: 7 }));

    // The referring physician: the checklist with QST's progress (read only), then the handout to print.
    await signInAs(page, "park.jihoon@demo.test", lng);
    await gotoIn(page, `/referrals/${id}`, lng);
    const physicianList = page.getByTestId("team-travel-checklist");
    await expect(physicianList.locator("li[data-item]")).toHaveCount(7);
    await expect(physicianList.getByTestId("travel-progress")).toHaveText(fill(travel.progress, { done: 2, total: 7 }));
    await expect(physicianList.locator("button")).toHaveCount(0);
    await expectNoAxeViolations(page);

    await gotoIn(page, `/referrals/${id}/handout`, lng);
    const handout = page.getByTestId("handout");
    await expect(handout).toHaveAttribute("lang", lng); // the patient's language
    await expect(page.getByTestId("handout-phone")).toHaveText(QST_PHONE);
    await expect(page.getByTestId("handout-date")).toContainText(String(new Date().getUTCFullYear()));
    const link = await readQr(page);
    expect(link).toBe(new URL(`/status?code=${code}`, page.url()).href);
    expect(link).not.toContain(birthDate);
    await expectNoAxeViolations(page);
    // One A4 page when printed (Chromium's own print to PDF, with the page's print CSS).
    const pdf = (await page.pdf({ format: "A4", preferCSSPageSize: true })).toString("latin1");
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);

    // The patient, from the QR link: the code is filled in, the birth date typed; the page ships no script.
    await page.context().clearCookies();
    await gotoIn(page, new URL(link!).pathname + new URL(link!).search, lng);
    await expect(page.locator('input[name="referenceCode"]')).toHaveValue(code);
    await expectNoAxeViolations(page);
    await statusLookup(page, birthDate);
    await expect(page.locator("script")).toHaveCount(0);
    const patientList = page.getByTestId("patient-travel-checklist");
    await expect(patientList.getByTestId("travel-progress")).toHaveText(fill(travel.progress, { done: 2, total: 6 }));
    await expect(patientList.locator('li[data-item="coordinator"]')).toHaveCount(0);
    await expect(patientList.locator('li[data-item="visa"]')).toHaveAttribute("data-done", "yes");
    await expect(page.getByTestId("site-contact")).toContainText(QST_PHONE);
    await expect(page.getByTestId("site-contact")).not.toContainText("@");
    await expectNoAxeViolations(page);

    // A Japanese resident at QST (demo data): no checklist.
    const japanese = demoStatusExamples.find((e) => e.stage === "received" && e.language === "ja")!;
    await gotoIn(page, "/status", lng);
    await page.locator('input[name="referenceCode"]').fill(japanese.referenceCode);
    await statusLookup(page, japanese.birthDate);
    await expect(page.locator(".status-card")).toBeVisible();
    await expect(page.getByTestId("patient-travel-checklist")).toHaveCount(0);

    // The administrator's pages for contacts and checklist wording.
    await signInAs(page, "admin@demo.test", lng);
    await gotoIn(page, "/admin/sites", lng);
    await expect(page.locator('[data-contacts="qst"]')).toContainText(QST_PHONE);
    await expectNoAxeViolations(page);
    await gotoIn(page, "/admin/sites/qst/contacts", lng);
    await expectNoAxeViolations(page);
    await gotoIn(page, "/admin/sites/qst/checklist", lng);
    await expect(page.locator("fieldset[data-item]")).toHaveCount(7);
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });
}

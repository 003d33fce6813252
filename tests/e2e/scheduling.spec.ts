import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import Holidays from "date-holidays";
import { eventProperty, parseIcs, unescapeIcsText } from "../factories/ics";
import { readRow } from "./database";
import { expectNoAxeViolations, gotoIn, languages, signIn, type Language } from "./helpers";
import { budget } from "./time";

// A coordinator keeps the site's slots, is warned off a public holiday when booking by hand, books a slot instead;
// the physician and the patient each download the calendar file, which this test reads as a calendar program would.

type Words = Record<string, any>;
const words = (lng: Language, ns: string): Words =>
  JSON.parse(fs.readFileSync(path.resolve("locales", lng, `${ns}.json`), "utf8"));
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? "");

/** One row from the test server's database (tests/e2e/database.ts); the test fails plainly if there is none. */
async function query<T>(text: string, ...params: unknown[]): Promise<T> {
  const row = await readRow<T>(text, ...params);
  if (!row) throw new Error(`nothing for ${text}`);
  return row;
}

// Each language works on its own accepted demo referral, so the three never meet (and no other journey's example).
const plans = {
  ko: {
    site: "konyang",
    country: "KR",
    zone: "Asia/Seoul",
    coordinator: "lee.sujin@demo.test",
    physician: "park.jihoon@demo.test",
    indication: "prostate",
    time: "08:10",
  },
  ja: {
    site: "qst",
    country: "JP",
    zone: "Asia/Tokyo",
    coordinator: "suzuki.yui@demo.test",
    physician: "tanaka.kenichi@demo.test",
    indication: "colorectal_recurrence",
    time: "08:20",
  },
  en: {
    site: "konyang",
    country: "KR",
    zone: "Asia/Seoul",
    coordinator: "lee.sujin@demo.test",
    physician: "park.jihoon@demo.test",
    indication: "head_neck",
    time: "08:30",
  },
} as const;
const siteNames = {
  konyang: { ko: "건양대학교병원", ja: "建陽大学校病院", en: "Konyang University Hospital" },
  qst: { ko: "QST 병원", ja: "QST病院", en: "QST Hospital" },
} as const;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/** The first day from `fromDays` ahead that is (or is not) a weekday public holiday in the country. */
function findDay(country: string, fromDays: number, holiday: boolean): string {
  const calendar = new Holidays(country);
  for (let i = fromDays; i < fromDays + 400; i++) {
    const day = new Date(Date.now() + i * 86_400_000);
    const date = isoDay(day);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const found = calendar.isHoliday(new Date(`${date}T03:00:00Z`));
    const isPublic = Array.isArray(found) && found.some((h) => h.type === "public");
    if (isPublic === holiday) return date;
  }
  throw new Error("no such day");
}

async function signInAs(page: Page, email: string, lng: Language) {
  await page.context().clearCookies();
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/login/);
  await gotoIn(page, "/account", lng);
}

async function fillDate(page: Page, group: ReturnType<Page["getByRole"]>, date: string, lng: Language) {
  const common = words(lng, "common");
  const [y, m, d] = date.split("-");
  await group.getByLabel(common.forms.date.year, { exact: true }).fill(y!);
  await group.getByLabel(common.forms.date.month, { exact: true }).fill(String(Number(m)));
  await group.getByLabel(common.forms.date.day, { exact: true }).fill(String(Number(d)));
}

function checkCalendar(
  text: string,
  expected: { date: string; time: string; zone: string; summary: string; address: string },
) {
  const ics = parseIcs(text);
  const compact = `${expected.date.replace(/-/g, "")}T${expected.time.replace(":", "")}00`;
  expect(eventProperty(ics, "DTSTART")).toMatchObject({ params: { TZID: expected.zone }, value: compact });
  const [h, m] = expected.time.split(":").map(Number);
  const end = `${expected.date.replace(/-/g, "")}T${String(h! + 1).padStart(2, "0")}${String(m).padStart(2, "0")}00`;
  expect(eventProperty(ics, "DTEND")).toMatchObject({ params: { TZID: expected.zone }, value: end });
  expect(ics.find((p) => p.name === "TZID")?.value).toBe(expected.zone);
  expect(unescapeIcsText(eventProperty(ics, "SUMMARY")!.value)).toBe(expected.summary);
  expect(unescapeIcsText(eventProperty(ics, "LOCATION")!.value)).toContain(expected.address);
}

for (const lng of languages) {
  test(`a coordinator books a slot, is warned off a holiday, and the calendar file opens (${lng})`, async ({
    page,
    browser,
  }) => {
    // Three people, seven pages, seven axe scans and two downloads: minutes on a machine shared with other suites.
    test.setTimeout(budget(300_000));
    const plan = plans[lng];
    const scheduling = words(lng, "scheduling");
    const queue = words(lng, "queue");
    const referral = await query<{ id: string; code: string; birthDate: string }>(
      "select id, reference_code as code, patient_birth_date as \"birthDate\" from referrals where status = 'accepted' and site_code = ? and indication = ? order by reference_code limit 1",
      plan.site,
      plan.indication,
    );
    expect(referral).toBeTruthy();
    const slotDay = findDay(plan.country, 20, false);
    const holiday = findDay(plan.country, 20, true);

    // The coordinator adds one slot on the site's slots page, reached from the main navigation.
    await signInAs(page, plan.coordinator, lng);
    await page
      .getByRole("navigation", { name: words(lng, "common").shell.mainNav })
      .getByRole("link", { name: queue.nav.slots })
      .click();
    await expect(page).toHaveURL("/queue/slots");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(scheduling.title);
    await expectNoAxeViolations(page);
    const one = page.locator('form[data-form="slot-one"]');
    await fillDate(page, one.getByRole("group", { name: scheduling.addOne.date }), slotDay, lng);
    await one.getByLabel(scheduling.addOne.time, { exact: true }).fill(plan.time);
    await one.getByRole("button", { name: scheduling.addOne.submit }).click();
    await expect(page.getByTestId("slots-notice")).toBeVisible();
    await expect(page.locator(`tr[data-date="${slotDay}"][data-time="${plan.time}"]`)).toHaveAttribute(
      "data-state",
      "free",
    );
    await expectNoAxeViolations(page);

    // Booking by hand on a public holiday: warned, nothing booked, nothing typed lost.
    await gotoIn(page, `/queue/${referral.id}/schedule`, lng);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(queue.actionPage.headings.schedule);
    await expectNoAxeViolations(page);
    const form = page.locator('form[data-form="action-schedule"]');
    const slotChoice = form.getByLabel(scheduling.booking.legend, { exact: true });
    await slotChoice.selectOption("other");
    await fillDate(page, form.getByRole("group", { name: queue.actionPage.date }), holiday, lng);
    await form.getByLabel(queue.actionPage.time, { exact: true }).fill("10:00");
    await form.getByRole("button", { name: queue.actionPage.submit.schedule }).click();
    const warning = page.getByTestId("day-warnings");
    await expect(warning).toBeVisible();
    await expect(warning).toContainText(scheduling.warnings.heading);
    await expect(page.locator(".error-summary")).toContainText(scheduling.validation.confirmDay);
    await expect(form.getByLabel(queue.actionPage.time, { exact: true })).toHaveValue("10:00");
    await expectNoAxeViolations(page);

    // The coordinator takes the free slot instead.
    const slot = await query<{ id: string }>(
      "select id from consultation_slots where site_code = ? and local_date = ? and local_time = ?",
      plan.site,
      slotDay,
      plan.time,
    );
    await slotChoice.selectOption(slot.id);
    await form.getByRole("button", { name: queue.actionPage.submit.schedule }).click();
    await expect(page).toHaveURL(new RegExp(`/queue/${referral.id}\\?done=schedule`));
    await expect(page.getByTestId("referral-status")).toHaveAttribute("data-status", "consultation_scheduled");
    await gotoIn(page, "/queue/slots", lng);
    await expect(page.locator(`tr[data-date="${slotDay}"][data-time="${plan.time}"]`)).toHaveAttribute(
      "data-state",
      "booked",
    );

    const site = siteNames[plan.site][lng];
    // The site's address is configuration (docs/decisions/0023); the demo database has it confirmed.
    const address = (
      JSON.parse(
        (
          await query<{ address: string }>(
            "select address from site_contact_versions where site_code = ? and address_confirmed = 1 order by version desc limit 1",
            plan.site,
          )
        ).address,
      ) as Record<Language, string>
    )[lng];
    const expected = {
      date: slotDay,
      time: plan.time,
      zone: plan.zone,
      summary: fill(scheduling.ics.summary, { site }),
      address,
    };

    // The physician: the referral page shows where and when, and the calendar file downloads.
    await signInAs(page, plan.physician, lng);
    await gotoIn(page, `/referrals/${referral.id}`, lng);
    const panel = page.getByTestId("physician-consultation");
    await expect(panel).toContainText(plan.time);
    await expect(panel).toContainText(address);
    await expect(panel.getByRole("link", { name: scheduling.consultation.map })).toHaveAttribute(
      "href",
      /^https:\/\/www\.google\.com\/maps\/search\/\?api=1&query=/,
    );
    await expectNoAxeViolations(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      panel.getByRole("link", { name: scheduling.consultation.calendar }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`consultation-${slotDay}.ics`);
    checkCalendar(fs.readFileSync((await download.path())!, "utf8"), expected);

    // The patient: code and birth date, no account; the same consultation, address and file.
    const patient = await browser.newContext();
    const patientPage = await patient.newPage();
    await gotoIn(patientPage, "/status", lng);
    const [year, month, day] = referral.birthDate.split("-");
    await patientPage.locator('input[name="referenceCode"]').fill(referral.code);
    await patientPage.locator('input[name="birthDate.year"]').fill(year!);
    await patientPage.locator('input[name="birthDate.month"]').fill(String(Number(month)));
    await patientPage.locator('input[name="birthDate.day"]').fill(String(Number(day)));
    await patientPage.locator('form[data-form="status-lookup"] button[type="submit"]').click();
    await expect(patientPage.locator(".status-card")).toHaveAttribute("data-stage", "consultation_scheduled");
    await expect(patientPage.getByTestId("consultation-address")).toContainText(address);
    await expectNoAxeViolations(patientPage);
    const [patientDownload] = await Promise.all([
      patientPage.waitForEvent("download"),
      patientPage.getByTestId("consultation-calendar").click(),
    ]);
    const patientFile = fs.readFileSync((await patientDownload.path())!, "utf8");
    checkCalendar(patientFile, expected);
    // Nothing about the patient or the illness in the file.
    expect(patientFile).not.toContain(referral.code);
    await patient.close();
  });
}

test("another site's coordinator cannot see or book a site's slots", async ({ page }) => {
  await signInAs(page, "suzuki.yui@demo.test", "en");
  const konyangAccepted = await query<{ id: string; code: string }>(
    "select id, reference_code as code from referrals where status in ('accepted', 'consultation_scheduled') and site_code = 'konyang' limit 1",
  );
  expect((await page.goto(`/queue/${konyangAccepted.id}/schedule`))?.status()).toBe(404);
  const data = await page.request.get(`/queue/${konyangAccepted.id}/schedule.data`);
  expect(data.status()).toBe(404);
  expect(await data.text()).not.toContain(konyangAccepted.code);
  // A reviewer keeps no slots.
  await signInAs(page, "takahashi.hiroshi@demo.test", "en");
  expect((await page.request.get("/queue/slots")).status()).toBe(403);
});

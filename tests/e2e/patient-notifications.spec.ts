import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import type { CapturedMail } from "../factories/mail";
import { consoleErrors, expectNoAxeViolations, fill, gotoIn, signInAs, words, type Language } from "./helpers";
import { readRow } from "./database";
import { mailbox } from "./mailbox";
import { budget } from "./time";

// Issue #17: a patient who opted in at intake is e-mailed at each change of their status page, in their language, with
// no health detail, and one link stops the e-mails; the status page speaks the reader's language, not the last
// patient's. The portal's mail goes to the run's capturing SMTP server (tests/e2e/mailbox.ts).
const capture = mailbox;

const PHYSICIAN = "park.jihoon@demo.test";
const COORDINATOR = "lee.sujin@demo.test";
const REVIEWER = "choi.minho@demo.test";
const DEMO_TOKEN = "kq_demo_park_jihoon_try_the_json_doors";

/** The test server's database, read only: what the outbox holds is the portal's own record of what it will send. */
async function patientMailCount(referenceCode: string): Promise<number> {
  const row = await readRow<{ n: number }>(
    "select count(*) as n from mail_outbox m join referrals r on r.id = m.referral_id where r.reference_code = ? and m.kind = 'patient_status'",
    referenceCode,
  );
  return row?.n ?? 0;
}

/** A Korean patient's referral through the JSON door, opted in to status e-mails at this address. */
async function optedInReferral(page: Page, email: string): Promise<string> {
  const example = JSON.parse(fs.readFileSync(path.resolve("docs/examples/referral-case.json"), "utf8"));
  example.patient = {
    ...example.patient,
    familyName: "한",
    givenName: "소망",
    familyNameLatin: "HAN",
    givenNameLatin: "SOMANG",
    email,
  };
  example.consent = { ...example.consent, statusUpdates: true };
  const answer = await page.request.post("/api/v1/referrals", {
    headers: { Authorization: `Bearer ${DEMO_TOKEN}`, "Content-Type": "application/json" },
    data: example,
  });
  expect(answer.status()).toBe(201);
  return ((await answer.json()) as { referenceCode: string }).referenceCode;
}

async function lookUp(page: Page, code: string, birthDate: string) {
  const [year, month, day] = birthDate.split("-");
  await page.locator('input[name="referenceCode"]').fill(code);
  await page.locator('input[name="birthDate.year"]').fill(year!);
  await page.locator('input[name="birthDate.month"]').fill(String(Number(month)));
  await page.locator('input[name="birthDate.day"]').fill(String(Number(day)));
  await page.locator('form[data-form="status-lookup"] button[type="submit"]').click();
  await expect(page).toHaveURL(/\/status\/view$/);
}

test("a patient who opted in is e-mailed in Korean at each visible change, with no diagnosis, until one link stops it", async ({
  page,
  browser,
}) => {
  test.setTimeout(budget(240_000));
  const intake = words("ko", "intake");
  const queue = words("ko", "queue");
  const status = words("ko", "status");
  const notices = words("ko", "patient-notices");

  // At intake: the opt-in sits with the consents, and the patient's e-mail is asked only once it is ticked.
  await signInAs(page, PHYSICIAN, "ko");
  await gotoIn(page, "/referrals/new", "ko");
  await page.locator('form[data-form="start-referral"] button[type="submit"]').click();
  await expect(page).toHaveURL(/\/referrals\/[0-9a-f-]{36}\/edit$/);
  await gotoIn(page, `${new URL(page.url()).pathname}/consent`, "ko");
  await expect(page.locator('form[data-form="section-consent"]')).toHaveAttribute("data-hydrated", "true");
  const emailField = page.locator("#field-patient-email");
  await expect(emailField).toBeHidden();
  await page.locator("#field-consent-statusUpdates").check();
  await expect(emailField).toBeVisible();
  await page.locator("#field-consent-sensitiveData").check();
  await page.locator("#field-consent-informedOfDiagnosis").check();
  await page.locator('button[name="intent"][value="continue"]').click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.locator('a[href="#field-patient-email"]')).toContainText(intake.validation.required);
  await expectNoAxeViolations(page);
  await emailField.fill("somang.han@patient.test");
  await page.locator('button[name="intent"][value="continue"]').click();
  await expect(page).toHaveURL(/\/edit\/diagnosis$/);

  // The journey, on a referral sent through the JSON door with the same opt-in.
  const address = `han.${Date.now()}@patient.test`;
  const code = await optedInReferral(page, address);
  const toPatient = (m: CapturedMail) => m.to.includes(address);
  const stagesSoFar: string[] = ["received"];
  const expectMails = async () => {
    const mails = await capture.waitForMatching(toPatient, stagesSoFar.length, budget(30_000));
    expect(mails).toHaveLength(stagesSoFar.length);
    const latest = mails[mails.length - 1]!;
    expect(latest).toMatchObject({ subject: notices.email.subject, language: "ko" });
    expect(latest.text).toContain(
      fill(notices.email.statusNow, { status: status.stages[stagesSoFar[stagesSoFar.length - 1]!].headline }),
    );
    expect(latest.text).toContain(`${new URL(page.url()).origin}/status\n`);
    // No diagnosis, no reason, no code, no birth date, no name. The stop link's token is random letters, which can
    // spell "PSA" or "C61" by chance (one run's did): the words are looked for in the mail around it.
    const stopLink = /\/status\/stop-emails\/[A-Za-z0-9_-]{20,}/;
    const prose = latest.text.replace(stopLink, "/status/stop-emails/TOKEN");
    for (const secret of ["전립선", "prostate", "암", "C61", "Gleason", "PSA", code, "1957-05-09", "소망"])
      expect(prose).not.toContain(secret);
    return latest;
  };
  await expectMails();

  // The coordinator asks the doctor for the ECOG score.
  await signInAs(page, COORDINATOR, "ko");
  await gotoIn(page, `/queue?q=${code}`, "ko");
  const id = (await page.locator(`tbody tr[data-code="${code}"]`).getAttribute("data-referral"))!;
  await gotoIn(page, `/queue/${id}/request-info`, "ko");
  const request = page.locator('form[data-form="action-request-info"]');
  for (const box of await request.locator('input[name="documents"]').all()) await box.uncheck();
  const ecog = request.locator('input[name="fields"][value="clinical.ecog"]');
  if (!(await ecog.isVisible())) await request.locator("summary").click();
  await ecog.check();
  await request.getByRole("button", { name: queue.actionPage.submit.request_info }).click();
  await expect(page.getByTestId("referral-status")).toHaveAttribute("data-status", "info_requested");
  stagesSoFar.push("info_requested");
  await expectMails();

  // The doctor answers: the referral is with the team again.
  await signInAs(page, PHYSICIAN, "ko");
  await gotoIn(page, `/referrals/${id}`, "ko");
  const answer = page.locator('form[data-form="answer"]');
  await answer.locator('input[name="clinical.ecog"][value="1"]').check();
  await answer.getByRole("button", { name: intake.referral.sendAnswer }).click();
  await expect(page.getByTestId("referral-status")).toHaveAttribute("data-status", "triage");
  stagesSoFar.push("received");
  await expectMails();

  // The reviewer records the clinical decision, accepts and books the first consultation.
  const decisions = words("ko", "decisions");
  await signInAs(page, REVIEWER, "ko");
  await gotoIn(page, `/queue/${id}/clinical-decision`, "ko");
  const clinical = page.locator('form[data-form="clinical-decision"]');
  await clinical.getByRole("radio", { name: decisions.recommendations.accept, exact: true }).check();
  await clinical.getByRole("radio", { name: decisions.approaches.carbon_ion, exact: true }).check();
  await clinical.getByLabel(decisions.form.rationale, { exact: true }).fill("ECOG 1.");
  await clinical.getByRole("button", { name: decisions.form.submit }).click();
  await expect(page.getByTestId("clinical-record")).toHaveAttribute("data-recommendation", "accept");
  await gotoIn(page, `/queue/${id}/accept`, "ko");
  await page.getByRole("button", { name: queue.actionPage.submit.accept }).click();
  await expect(page.getByTestId("referral-status")).toHaveAttribute("data-status", "accepted");
  stagesSoFar.push("accepted");
  await expectMails();

  await gotoIn(page, `/queue/${id}/schedule`, "ko");
  const when = new Date(Date.now() + 22 * 86_400_000);
  const schedule = page.locator('form[data-form="action-schedule"]');
  const common = words("ko", "common");
  const date = schedule.getByRole("group", { name: queue.actionPage.date });
  await date.getByLabel(common.forms.date.year, { exact: true }).fill(String(when.getUTCFullYear()));
  await date.getByLabel(common.forms.date.month, { exact: true }).fill(String(when.getUTCMonth() + 1));
  await date.getByLabel(common.forms.date.day, { exact: true }).fill(String(when.getUTCDate()));
  await schedule.getByLabel(queue.actionPage.time, { exact: true }).fill("16:15");
  await schedule.getByLabel(queue.actionPage.place, { exact: true }).fill("Radiation Oncology, 2F");
  await schedule.getByRole("button", { name: queue.actionPage.submit.schedule }).click();
  // The day may be a weekend or a public holiday: the page then asks to confirm it.
  const confirmDay = page.getByTestId("day-warnings");
  await expect(page.getByTestId("referral-status").or(confirmDay)).toBeVisible({ timeout: budget(30_000) });
  if (await confirmDay.isVisible()) {
    await confirmDay.getByRole("checkbox").check();
    await schedule.getByRole("button", { name: queue.actionPage.submit.schedule }).click();
  }
  await expect(page.getByTestId("referral-status")).toHaveAttribute("data-status", "consultation_scheduled");
  stagesSoFar.push("consultation_scheduled");
  const booked = await expectMails();
  expect(booked.text).not.toContain("Radiation Oncology");

  // The patient opens the link in the latest e-mail (no sign-in) and stops the e-mails.
  const stopLink = /http\S+\/status\/stop-emails\/[A-Za-z0-9_-]+/.exec(booked.text)![0];
  const patient = await browser.newContext({ locale: "ko-KR" });
  const patientPage = await patient.newPage();
  const patientErrors = consoleErrors(patientPage);
  await patientPage.goto(stopLink);
  await expect(patientPage.locator("html")).toHaveAttribute("lang", "ko");
  await expect(patientPage.getByRole("heading", { level: 1 })).toHaveText(notices.stop.heading);
  await expectNoAxeViolations(patientPage);
  await patientPage.getByRole("button", { name: notices.stop.submit }).click();
  await expect(patientPage.getByTestId("emails-stopped")).toHaveText(notices.stop.stopped);
  await expectNoAxeViolations(patientPage);
  // The same page in the other two languages (the switcher), accessible too.
  for (const lng of ["ja", "en"] as const) {
    await gotoIn(patientPage, new URL(stopLink).pathname, lng);
    await expect(patientPage.getByTestId("emails-stopped")).toHaveText(words(lng, "patient-notices").stop.stopped);
    await expectNoAxeViolations(patientPage);
  }
  expect(patientErrors).toEqual([]);
  await patient.close();

  // The next change (closing the referral) queues nothing for the patient.
  expect(await patientMailCount(code)).toBe(stagesSoFar.length);
  await gotoIn(page, `/queue/${id}/close`, "ko");
  await page.getByRole("button", { name: queue.actionPage.submit.close }).click();
  await expect(page.getByTestId("referral-status")).toHaveAttribute("data-status", "closed");
  expect(await patientMailCount(code)).toBe(stagesSoFar.length);

  // The stop is in the audit log.
  await signInAs(page, "admin@demo.test", "ko");
  await gotoIn(page, `/admin/audit?subjectType=referral&subjectId=${id}`, "ko");
  await expect(page.locator('tbody tr[data-action="patient_notice.stopped"]')).toHaveCount(1);
});

// Demo referrals (README, "Check a referral as a patient").
const JAPANESE_PATIENT = { code: "KQ-6FPXE-AA02T-RA389", birthDate: "1974-02-05", stage: "received" };
const KOREAN_PATIENT = { code: "KQ-2RY5P-DNDJR-J9ZHX", birthDate: "1973-10-12", stage: "redirected" };

/** One device (one browser context) set to `locale`, looking up the Japanese patient, then the Korean one. */
async function twoPatientsOnOneDevice(browser: Browser, locale: string, expected: [Language, Language]) {
  const device = await browser.newContext({ locale });
  const page = await device.newPage();
  const errors = consoleErrors(page);
  await page.goto("/status");
  for (const [patient, lng] of [
    [JAPANESE_PATIENT, expected[0]],
    [KOREAN_PATIENT, expected[1]],
  ] as const) {
    await lookUp(page, patient.code, patient.birthDate);
    await expect(page.locator("html")).toHaveAttribute("lang", lng);
    await expect(page.locator(".status-card h2")).toHaveText(words(lng, "status").stages[patient.stage].headline);
    await expectNoAxeViolations(page);
    // No lasting language choice is left on the device.
    expect((await device.cookies()).map((c) => c.name)).not.toContain("lng");
    await page.locator('button[name="intent"][value="another"]').click();
    await expect(page).toHaveURL(/\/status$/);
  }
  expect(errors).toEqual([]);
  await device.close();
}

test("in a browser set to English, a Japanese patient's code answers in English, and the next patient's too", async ({
  browser,
}) => {
  await twoPatientsOnOneDevice(browser, "en-US", ["en", "en"]);
});

test("in a browser asking for none of ko, ja, en, each patient reads their own language, and the next is not in the last one's", async ({
  browser,
}) => {
  await twoPatientsOnOneDevice(browser, "de-DE", ["ja", "ko"]);
});

import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { withParticle, type ParticleOption } from "../../app/i18n/korean-particle";
import { readRow } from "./database";
import { mailbox } from "./mailbox";
import { expectNoAxeViolations, gotoIn, idInQueue, languages, newReferral, signIn, type Language } from "./helpers";
import { test } from "./people";
import { budget } from "./time";

// The portal's mail goes to the run's capturing SMTP server (tests/e2e/mailbox.ts).
const capture = mailbox;

type Words = Record<string, any>;
const words = (lng: Language, ns: string): Words =>
  JSON.parse(fs.readFileSync(path.resolve("locales", lng, `${ns}.json`), "utf8"));
// Korean templates choose the particle from the word: "{{code, josa(이/가)}}" (app/i18n/korean-particle.ts).
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)(?:, josa\(([^)]+)\))?\}\}/g, (_, k: string, particle?: string) =>
    particle ? withParticle(values[k] ?? "", particle as ParticleOption) : (values[k] ?? ""),
  );

/** The patient's date of birth, which the patient knows: read from the database the test server runs on. */
async function birthDateOf(referenceCode: string): Promise<string> {
  const row = await readRow<{ birthDate: string }>(
    'select patient_birth_date as "birthDate" from referrals where reference_code = ?',
    referenceCode,
  );
  if (!row) throw new Error(`no referral ${referenceCode}`);
  return row.birthDate;
}

const COORDINATOR = "lee.sujin@demo.test";
const REVIEWER = "choi.minho@demo.test";

async function signOut(page: Page) {
  await page.context().clearCookies();
}

async function signInAs(page: Page, email: string, lng: Language) {
  await signOut(page);
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/login/);
  await gotoIn(page, "/account", lng);
}

async function setMailLanguage(page: Page, lng: Language) {
  await gotoIn(page, "/account", lng);
  await page.getByRole("radio", { name: { ko: "한국어", ja: "日本語", en: "English" }[lng] }).check();
  await page.locator('form[data-form="language"] button[type="submit"]').click();
  await expect(page.getByRole("status")).toBeVisible();
}

for (const lng of languages) {
  test(`a Konyang coordinator triages a referral to its first consultation; the physician answers and is mailed, and the patient sees the status follow, in ${lng}`, async ({
    page,
    request,
    people,
  }) => {
    test.setTimeout(budget(360_000));
    const queue = words(lng, "queue");
    const email = words(lng, "email");
    const intake = words(lng, "intake");

    // A physician of this test alone, whose account speaks another language until they choose this run's for mail,
    // sends a new referral through the JSON door: it waits, unassigned, in Konyang's triage.
    const physician = await people.physician({ language: lng === "ko" ? "en" : "ko", country: "KR", token: true });
    const PHYSICIAN = physician.email;
    const code = await newReferral(request, { given: "다온", latin: "TRIAGE", crossBorder: false }, physician.token);
    await signInAs(page, PHYSICIAN, lng);
    await setMailLanguage(page, lng);

    await signInAs(page, COORDINATOR, lng);
    await gotoIn(page, "/queue", lng);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(queue.list.title);
    await expect(
      page
        .getByRole("navigation", { name: queue.tabs.label })
        .getByRole("link", { name: new RegExp(queue.tabs.triage) }),
    ).toHaveAttribute("aria-current", "page");
    await expectNoAxeViolations(page);
    const id = await idInQueue(page, code, lng);
    await expect(page.locator(`tbody tr[data-code="${code}"]`)).toHaveAttribute("data-status", "triage");

    // Search by the code as a patient might read it out: lower case, spaces.
    await gotoIn(page, "/queue", lng);
    await page.getByLabel(queue.filters.search, { exact: true }).fill(code.toLowerCase().replace(/-/g, " "));
    await page.getByRole("button", { name: queue.filters.apply }).click();
    await expect(page.locator("tbody tr[data-referral]")).toHaveCount(1);
    await page.getByRole("link", { name: code }).click();
    await expect(page).toHaveURL(`/queue/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(fill(queue.referral.heading, { code }));
    await expect(page.getByTestId("referral-status")).toHaveAttribute("data-status", "triage");
    await expectNoAxeViolations(page);

    // Claim.
    await page.getByRole("button", { name: queue.actions.claim }).click();
    await expect(page.getByTestId("done-banner")).toHaveText(queue.done.claim);
    await expect(page.getByTestId("referral-status")).toHaveAttribute("data-status", "in_review");

    // Every action form is accessible (decline and redirect are only looked at, not sent).
    for (const slug of ["assign", "decline", "redirect", "accept"]) {
      await gotoIn(page, `/queue/${id}/${slug}`, lng);
      await expect(page.locator(`form[data-form="action-${slug}"]`)).toBeVisible();
      await expectNoAxeViolations(page);
    }
    // A decline without a reason: the error summary takes focus, and is accessible too.
    await gotoIn(page, `/queue/${id}/decline`, lng);
    await page.getByRole("button", { name: queue.actionPage.submit.decline }).click();
    await expect(page.locator(".error-summary")).toBeFocused();
    await expect(page.locator(".error-summary")).toContainText(queue.validation.reasonRequired);
    await expectNoAxeViolations(page);

    // Request information: a document and the ECOG score, with a message. The clock pauses.
    await gotoIn(page, `/queue/${id}/request-info`, lng);
    const form = page.locator('form[data-form="action-request-info"]');
    await expectNoAxeViolations(page);
    const documents = form.locator('input[name="documents"]');
    for (const box of await documents.all()) await box.uncheck();
    await form.locator('input[name="documents"][value="pathology_report"]').check();
    const ecog = form.locator('input[name="fields"][value="clinical.ecog"]');
    if (!(await ecog.isVisible())) await form.locator("summary").click();
    await ecog.check();
    await form.getByLabel(queue.actionPage.message, { exact: true }).fill("ECOG?");
    await form.getByRole("button", { name: queue.actionPage.submit.request_info }).click();
    await expect(page).toHaveURL(`/queue/${id}?done=request_info`);
    await expect(page.getByTestId("referral-status")).toHaveAttribute("data-status", "info_requested");
    await expect(page.getByTestId("referral-clock").locator("[data-clock]")).toHaveAttribute("data-clock", "paused");

    // Only this referral's mail: the outbox may still deliver an earlier language's mail while this one runs.
    const aboutThis = (m: { subject: string; to: string[] }) => m.subject.includes(code) && m.to.includes(PHYSICIAN);
    const [requested] = await capture.waitForMatching(aboutThis);
    expect(requested).toMatchObject({
      to: [PHYSICIAN],
      language: lng,
      subject: fill(email.info_requested.subject, { code }),
    });
    expect(requested!.text).toContain(intake.documents.items.pathology_report);
    expect(requested!.text).toContain(`/referrals/${id}`);

    // The physician answers on their referral page: the referral is back in triage.
    await signInAs(page, PHYSICIAN, lng);
    await gotoIn(page, `/referrals/${id}`, lng);
    await expect(page.getByTestId("info-request")).toBeVisible();
    const answer = page.locator('form[data-form="answer"]');
    await answer.locator('input[name="clinical.ecog"][value="1"]').check();
    await answer.getByLabel(intake.referral.reply, { exact: true }).fill("ECOG 1");
    await answer.getByRole("button", { name: intake.referral.sendAnswer }).click();
    await expect(page.getByTestId("referral-status")).toHaveAttribute("data-status", "triage");

    // The reviewer records the clinical decision the site requires before accepting (docs/decisions/0012).
    const decisions = words(lng, "decisions");
    await signInAs(page, REVIEWER, lng);
    await gotoIn(page, `/queue/${id}`, lng);
    await page.getByRole("link", { name: decisions.panel.record }).click();
    await expect(page).toHaveURL(`/queue/${id}/clinical-decision`);
    const clinical = page.locator('form[data-form="clinical-decision"]');
    await clinical.getByRole("radio", { name: decisions.recommendations.accept, exact: true }).check();
    await clinical.getByRole("radio", { name: decisions.approaches.carbon_ion, exact: true }).check();
    await clinical
      .getByLabel(decisions.form.rationale, { exact: true })
      .fill("ECOG 1; localised disease within the criteria.");
    await clinical.getByRole("button", { name: decisions.form.submit }).click();
    await expect(page.getByTestId("clinical-record")).toHaveAttribute("data-recommendation", "accept");

    // The coordinator sees the answer, accepts and schedules.
    await signInAs(page, COORDINATOR, lng);
    await gotoIn(page, `/queue/${id}`, lng);
    await expect(page.getByTestId("referral-status")).toHaveAttribute("data-status", "triage");
    await expect(page.getByTestId("thread")).toContainText("ECOG 1");
    await expect(page.getByTestId("referral-clock").locator("[data-clock]")).toHaveAttribute("data-clock", "running");
    await page.getByRole("link", { name: queue.actions.accept, exact: true }).click();
    await expect(page).toHaveURL(`/queue/${id}/accept`);
    await page.getByRole("button", { name: queue.actionPage.submit.accept }).click();
    await expect(page.getByTestId("referral-status")).toHaveAttribute("data-status", "accepted");

    await page.getByRole("link", { name: queue.actions.schedule }).click();
    await expect(page).toHaveURL(`/queue/${id}/schedule`);
    await expectNoAxeViolations(page);
    const when = new Date(Date.now() + 21 * 86_400_000);
    const schedule = page.locator('form[data-form="action-schedule"]');
    const date = schedule.getByRole("group", { name: queue.actionPage.date });
    const common = words(lng, "common");
    await date.getByLabel(common.forms.date.year, { exact: true }).fill(String(when.getUTCFullYear()));
    await date.getByLabel(common.forms.date.month, { exact: true }).fill(String(when.getUTCMonth() + 1));
    await date.getByLabel(common.forms.date.day, { exact: true }).fill(String(when.getUTCDate()));
    // One time per language, over an hour apart: each run books the same day, and a site refuses overlapping consultations.
    // All after 16:00, when the demo data's consultations (09:30–15:00, an hour each; db/demo-referrals.ts) have ended:
    // 15:30 met one of them on the days when three weeks ahead is the demo's day 21 in Korea.
    const time = { ko: "16:30", ja: "17:45", en: "19:00" }[lng];
    await schedule.getByLabel(queue.actionPage.time, { exact: true }).fill(time);
    await schedule.getByLabel(queue.actionPage.place, { exact: true }).fill("Radiation Oncology, 2F");
    await schedule.getByRole("button", { name: queue.actionPage.submit.schedule }).click();
    // Three weeks ahead may be a weekend or a public holiday: the page then asks to confirm the day (scheduling.spec.ts).
    const booked = page.getByTestId("referral-status");
    const confirmDay = page.getByTestId("day-warnings");
    await expect(booked.or(confirmDay)).toBeVisible({ timeout: budget(30_000) });
    if (await confirmDay.isVisible()) {
      await confirmDay.getByRole("checkbox").check();
      await schedule.getByRole("button", { name: queue.actionPage.submit.schedule }).click();
    }
    await expect(page.getByTestId("referral-status")).toHaveAttribute("data-status", "consultation_scheduled");
    await expect(page.getByTestId("consultation")).toContainText(time);
    await expect(page.getByTestId("history").locator('li[data-action="schedule"]')).toHaveCount(1);
    await expectNoAxeViolations(page);

    // The physician's mail: request, acceptance, consultation — each in their language.
    const mails = await capture.waitForMatching(aboutThis, 3);
    expect(mails.map((m) => m.subject)).toEqual([
      fill(email.info_requested.subject, { code }),
      fill(email.accepted.subject, {
        code,
        site: { ko: "건양대학교병원", ja: "建陽大学校病院", en: "Konyang University Hospital" }[lng],
      }),
      fill(email.scheduled.subject, { code }),
    ]);
    expect(mails.every((m) => m.language === lng)).toBe(true);
    expect(mails[2]!.text).toContain(time);

    // The patient's status follows, seen as the patient sees it: the code and the birth date, no account.
    const patient = await page.context().browser()!.newContext();
    const patientPage = await patient.newPage();
    await gotoIn(patientPage, "/status", lng);
    const [year, month, day] = (await birthDateOf(code)).split("-");
    await patientPage.locator('input[name="referenceCode"]').fill(code);
    await patientPage.locator('input[name="birthDate.year"]').fill(year!);
    await patientPage.locator('input[name="birthDate.month"]').fill(String(Number(month)));
    await patientPage.locator('input[name="birthDate.day"]').fill(String(Number(day)));
    await patientPage.locator('form[data-form="status-lookup"] button[type="submit"]').click();
    const card = patientPage.locator(".status-card");
    await expect(card).toHaveAttribute("data-stage", "consultation_scheduled");
    await expect(card.locator("h2")).toHaveText(words(lng, "status").stages.consultation_scheduled.headline);
    await expect(patientPage.locator("main")).toContainText(time);
    await patient.close();

    // Every step is in the audit log (the administrator's audit page, by subject and action: with every page read
    // audited, the referral's events fill more than the first page).
    await signInAs(page, "admin@demo.test", lng);
    for (const step of [
      "referral.submitted",
      "referral.viewed",
      "referral.claim",
      "referral.request_info",
      "referral.answer_info",
      "referral.accept",
      "referral.schedule",
    ]) {
      await gotoIn(page, `/admin/audit?subjectType=referral&subjectId=${id}&action=${step}`, lng);
      await expect(page.locator(`tbody tr[data-action="${step}"]`).first()).toBeVisible();
    }
  });

  test(`the site dashboard is accessible and counts Konyang's referrals (${lng})`, async ({ page }) => {
    const queue = words(lng, "queue");
    await signInAs(page, COORDINATOR, lng);
    await gotoIn(page, "/queue/dashboard", lng);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(
      fill(queue.dashboard.heading, { site: "" }).trim(),
    );
    await expect(page.locator('[data-stat="open"] .value')).not.toHaveText("0");
    await expect(page.locator("figure.chart").first()).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel(queue.dashboard.period, { exact: true }).selectOption("365");
    await page.getByRole("button", { name: queue.dashboard.show }).click();
    await expect(page).toHaveURL(/period=365/);
    await expectNoAxeViolations(page);
    // The queue's other tabs, filtered and empty states are accessible too.
    await gotoIn(page, "/queue?tab=closed", lng);
    await expect(page.locator("tbody tr[data-referral]").first()).toBeVisible();
    await expectNoAxeViolations(page);
    await gotoIn(page, "/queue?tab=triage&q=%E2%80%94nobody%E2%80%94", lng);
    await expect(page.getByTestId("queue-empty")).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test("a QST coordinator sees none of Konyang's referrals: not in the queue, not by search, not by address", async ({
  page,
}) => {
  await signInAs(page, COORDINATOR, "en");
  await gotoIn(page, "/queue?tab=closed", "en");
  const konyang = await page
    .locator("tbody tr[data-referral]")
    .evaluateAll((rows) =>
      rows.map((r) => ({ id: r.getAttribute("data-referral")!, code: r.getAttribute("data-code")! })),
    );
  expect(konyang.length).toBeGreaterThan(0);

  await signInAs(page, "suzuki.yui@demo.test", "ja");
  const seen = new Set<string>();
  for (const tab of ["triage", "in_review", "info_requested", "accepted", "scheduled", "closed"]) {
    await gotoIn(page, `/queue?tab=${tab}`, "ja");
    for (const code of await page
      .locator("tbody tr[data-referral]")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-code")!)))
      seen.add(code);
  }
  expect(seen.size).toBeGreaterThan(0);
  for (const { id, code } of konyang) {
    expect(seen.has(code)).toBe(false);
    await gotoIn(page, `/queue?tab=closed&q=${encodeURIComponent(code)}`, "ja");
    await expect(page.getByTestId("queue-empty")).toBeVisible();
    const direct = await page.goto(`/queue/${id}`);
    expect(direct?.status()).toBe(404);
    const data = await page.request.get(`/queue/${id}.data`);
    expect(data.status()).toBe(404);
    expect(await data.text()).not.toContain(code);
  }
});

import { expect } from "@playwright/test";
import {
  consoleErrors,
  expectNoAxeViolations,
  fill,
  gotoIn,
  idInQueue,
  languages,
  newReferral,
  signInAs,
  words,
} from "./helpers";
import { mailbox } from "./mailbox";
import { test } from "./people";
import { budget } from "./time";

// Issue #10: Konyang and QST review a case together. Each language makes its own referrals through the JSON door,
// schedules its own conference and ends it, so no other spec's demo data is touched.

// The portal's mail goes to the run's capturing SMTP server (tests/e2e/mailbox.ts).
const capture = mailbox;

const KONYANG = "lee.sujin@demo.test";
const KONYANG_REVIEWER = "choi.minho@demo.test";
const QST_REVIEWER = "takahashi.hiroshi@demo.test";

/** A day `days` from now on Korea's and Japan's clock (UTC+9), as year, month and day. */
function dayAhead(days: number) {
  const [year, month, day] = new Date(Date.now() + days * 86_400_000 + 9 * 3_600_000)
    .toISOString()
    .slice(0, 10)
    .split("-");
  return { year: year!, month: String(Number(month)), day: String(Number(day)) };
}

const givenNames = { ko: "누리", ja: "소라", en: "가람" } as const;
const qstName = { ko: "QST 병원", ja: "QST病院", en: "QST Hospital" } as const;
const konyangName = { ko: "건양대학교병원", ja: "建陽大学校病院", en: "Konyang University Hospital" } as const;

for (const lng of languages) {
  test(`Konyang proposes a consented referral, QST finds it on the conference agenda, the chair records a recommendation, Konyang redirects citing it and the physician is mailed (${lng})`, async ({
    page,
    request,
    people,
  }) => {
    test.setTimeout(budget(240_000));
    const errors = consoleErrors(page);
    const c = words(lng, "conferences");
    const queue = words(lng, "queue");
    const decisions = words(lng, "decisions");
    const email = words(lng, "email");
    // A physician of this test alone, so that choosing the language of their mail changes no one else's.
    const physician = await people.physician({ language: lng === "ko" ? "en" : "ko", country: "KR", token: true });
    const PHYSICIAN = physician.email;
    const code = await newReferral(
      request,
      { given: givenNames[lng], latin: "JOINT", crossBorder: true },
      physician.token,
    );
    const refusedCode = await newReferral(
      request,
      {
        given: `${givenNames[lng]}별`,
        latin: "JOINT",
        crossBorder: false,
      },
      physician.token,
    );

    // The physician reads the portal's mail in this run's language.
    await signInAs(page, PHYSICIAN, lng);
    await page.getByRole("radio", { name: { ko: "한국어", ja: "日本語", en: "English" }[lng] }).check();
    await page.locator('form[data-form="language"] button[type="submit"]').click();
    await expect(page.getByRole("status")).toBeVisible();

    // Without the patient's consent to the other country's hospital, the portal refuses and says why.
    await signInAs(page, KONYANG, lng);
    const refusedId = await idInQueue(page, refusedCode, lng);
    await gotoIn(page, `/queue/${refusedId}/joint-review`, lng);
    const refusal = fill(c.refusals.no_cross_border_consent, { site: qstName[lng] });
    await expect(page.getByTestId("joint-refusal")).toHaveText(refusal);
    await page.getByLabel(c.propose.question).fill("Re-irradiation?");
    await page.getByRole("button", { name: c.propose.submit }).click();
    await expect(page.locator(".error-summary")).toBeFocused();
    await expect(page.locator(".error-summary")).toContainText(refusal);
    await expect(page.getByLabel(c.propose.question)).toHaveValue("Re-irradiation?");
    await expectNoAxeViolations(page);

    // The Konyang coordinator schedules the next conference with a QST reviewer, on Korea's clock.
    await gotoIn(page, "/conferences", lng);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.hub.heading);
    await page.getByRole("link", { name: c.hub.schedule }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.schedule.heading);
    await expectNoAxeViolations(page);
    const form = page.locator('form[data-form="conference"]');
    // First sent empty: every problem at once, in this language.
    await form.getByRole("button", { name: c.schedule.submit }).click();
    await expect(page.locator(".error-summary")).toContainText(c.validation.dateRequired);
    await expect(page.locator(".error-summary")).toContainText(c.validation.placeOrLink);
    await expect(page.locator(".error-summary")).toContainText(c.validation.attendeesBothSites);
    const start = dayAhead(2);
    const cutoff = dayAhead(1);
    for (const [name, value] of Object.entries({
      "date.year": start.year,
      "date.month": start.month,
      "date.day": start.day,
      time: "17:30",
      "cutoffDate.year": cutoff.year,
      "cutoffDate.month": cutoff.month,
      "cutoffDate.day": cutoff.day,
      cutoffTime: "18:00",
    }))
      await form.locator(`input[name="${name}"]`).fill(value);
    await form.getByLabel(c.schedule.videoUrl).fill("https://meet.example.org/kq-joint");
    await form.getByRole("checkbox", { name: /高橋/ }).check();
    await form.getByRole("button", { name: c.schedule.submit }).click();
    await expect(page.getByTestId("done-banner")).toHaveText(c.done.scheduled);
    const conferenceUrl = new URL(page.url()).pathname;
    await expectNoAxeViolations(page);

    // Konyang proposes the consented referral for joint review.
    const id = await idInQueue(page, code, lng);
    await gotoIn(page, `/queue/${id}`, lng);
    await page.getByTestId("joint-panel").getByRole("link", { name: c.panel.propose }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("QST");
    await page
      .getByLabel(c.propose.question)
      .fill("Locally recurrent after surgery: is carbon-ion therapy at QST reasonable?");
    await page.getByRole("button", { name: c.propose.submit }).click();
    await expect(page.getByTestId("done-banner")).toHaveText(queue.done.joint_proposed);
    await expect(page.getByTestId("joint-panel").getByRole("link", { name: c.panel.openConference })).toHaveAttribute(
      "href",
      conferenceUrl,
    );
    await expectNoAxeViolations(page);

    // A QST reviewer finds it on the conference's agenda: the code and the owning site, never the patient's name.
    await signInAs(page, QST_REVIEWER, lng);
    await gotoIn(page, conferenceUrl, lng);
    const item = page.getByTestId("agenda").locator(`li[data-code="${code}"]`);
    await expect(item).toBeVisible();
    await expect(item).not.toContainText("한");
    await expectNoAxeViolations(page);
    await item.getByRole("link", { name: code }).click();
    await expect(page).toHaveURL(`/joint/${id}`);
    await expect(page.getByTestId("owner-marker")).toContainText(konyangName[lng]);
    await expect(page.locator("main")).not.toContainText(givenNames[lng]);
    await page.getByLabel(c.thread.label).fill("Please upload the latest MRI before the meeting.");
    await page.getByRole("button", { name: c.thread.send }).click();
    await expect(page.getByTestId("joint-thread")).toContainText("Please upload the latest MRI");
    await expectNoAxeViolations(page);

    // The chair holds the meeting: one case, the question, the screen's decision; the recommendation recorded.
    await signInAs(page, KONYANG, lng);
    await gotoIn(page, `${conferenceUrl}/meeting`, lng);
    await expect(page.getByTestId("meeting-code")).toContainText(code);
    await expect(page.getByTestId("meeting-question")).toContainText("carbon-ion therapy at QST");
    await expectNoAxeViolations(page);
    const record = page.locator('form[data-form="recommendation"]');
    await record.getByRole("radio", { name: c.recommendations.treat_at_qst }).check();
    await record
      .getByLabel(c.meeting.rationale, { exact: true })
      .fill("Inoperable local recurrence; dose to the bowel acceptable with carbon ions.");
    await record.getByRole("button", { name: c.meeting.save }).click();
    await expect(page.getByTestId("done-banner")).toHaveText(c.done.recorded);
    await expect(page.getByTestId("agenda-recommendation")).toContainText(c.recommendations.treat_at_qst);
    await gotoIn(page, conferenceUrl, lng);
    await page.getByRole("button", { name: c.detail.finish }).click();
    await expect(page.getByTestId("done-banner")).toHaveText(c.done.finished);
    await expect(page.getByTestId("conference-status")).toHaveText(c.statuses.held);
    await page.getByRole("link", { name: c.minutes.link }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(c.minutes.heading.split("{{date}}")[0].trim());
    await expect(page.locator("main")).toContainText(code);
    await expectNoAxeViolations(page);
    const pdf = await page.request.get(`${conferenceUrl}/minutes.pdf?language=${lng}`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");

    // The physician is told the recommendation in their language.
    const told = await capture.waitForMatching(
      (m) => m.to.includes(PHYSICIAN) && m.subject === fill(email.joint_recommendation.subject, { code }),
      1,
      20_000,
    );
    expect(told[0]!.text).toContain(c.recommendations.treat_at_qst);
    // …and reads it, with the conference's reasons, on the referral's page.
    await signInAs(page, PHYSICIAN, lng);
    await gotoIn(page, `/referrals/${id}`, lng);
    const joint = page.getByTestId("physician-joint");
    await expect(joint.getByRole("heading", { level: 2 })).toHaveText(c.physician.heading);
    await expect(joint).toContainText(c.recommendations.treat_at_qst);
    await expect(joint).toContainText("dose to the bowel acceptable");
    await expectNoAxeViolations(page);

    // Konyang's reviewer signs off the redirect; the coordinator redirects to QST citing the recommendation.
    await signInAs(page, KONYANG_REVIEWER, lng);
    await gotoIn(page, `/queue/${id}/clinical-decision`, lng);
    const clinical = page.locator('form[data-form="clinical-decision"]');
    await clinical.getByRole("radio", { name: decisions.recommendations.redirect, exact: true }).check();
    await clinical.getByRole("radio", { name: queue.redirectReasons.treatment_on_site }).check();
    await clinical.getByLabel(decisions.form.rationale, { exact: true }).fill("As the joint conference recommended.");
    await clinical.getByRole("button", { name: decisions.form.submit }).click();
    await expect(page.getByTestId("clinical-record")).toHaveAttribute("data-recommendation", "redirect");
    await signInAs(page, KONYANG, lng);
    await gotoIn(page, `/queue/${id}/redirect`, lng);
    const cite = page.getByTestId("joint-cite");
    await expect(cite).toContainText(c.recommendations.treat_at_qst);
    await expect(cite.getByRole("checkbox", { name: c.cite.label })).toBeChecked();
    await expectNoAxeViolations(page);
    await page.locator('form[data-form="action-redirect"] input[name="reasonCode"][value="treatment_on_site"]').check();
    await page.locator('form[data-form="action-redirect"] button[type="submit"]').click();
    await expect(page).toHaveURL(`/queue?done=moved&referral=${id}`);

    // Now QST's referral: its history names the recommendation the redirect followed.
    await signInAs(page, QST_REVIEWER, lng);
    await gotoIn(page, `/queue/${id}`, lng);
    await expect(
      page.getByTestId("history").locator('li[data-action="redirect"]').getByTestId("joint-event"),
    ).toContainText(fill(c.history.follows, { recommendation: c.recommendations.treat_at_qst }));
    await capture.waitForMatching(
      (m) =>
        m.to.includes(PHYSICIAN) &&
        m.subject.includes(code) &&
        m.subject !== fill(email.joint_recommendation.subject, { code }),
      1,
      20_000,
    );
    expect(errors).toEqual([]);
  });
}

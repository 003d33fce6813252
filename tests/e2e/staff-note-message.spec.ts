import { expect } from "@playwright/test";
import { expectNoAxeViolations, gotoIn, idInQueue, newReferral, signIn, words } from "./helpers";
import { mailbox } from "./mailbox";
import { test } from "./people";
import { budget } from "./time";

// On the staff referral page (/queue/:id) a coordinator writes an internal note and a message to the referring
// physician: the note stays with the site's staff, the message reaches the physician, on their referral page and as
// a mail that says a message is waiting without carrying its text. English only: the other languages of these forms
// are covered by the route tests (app/routes/queue_.$id/messages.test.ts).

test.describe.configure({ timeout: budget(180_000) });

test("a coordinator writes an internal note and a message; only the message reaches the physician (en)", async ({
  page,
  request,
  people,
}) => {
  const queue = words("en", "queue");
  // People of this test alone: a physician with a token sends a new referral, which waits in Konyang's triage.
  const physician = await people.physician({ language: "en", country: "KR", token: true });
  const coordinator = await people.staff({ role: "coordinator", site: "konyang", language: "en" });
  const code = await newReferral(request, { given: "노트", latin: "NOTES", crossBorder: false }, physician.token);
  const note = `Check the MRI date with radiology (${code})`;
  const message = `Please send the latest pathology report for ${code}.`;

  await signIn(page, coordinator.email);
  await expect(page).not.toHaveURL(/\/login/);
  const id = await idInQueue(page, code, "en");
  await gotoIn(page, `/queue/${id}`, "en");

  await page.getByLabel(queue.notes.label, { exact: true }).fill(note);
  await page.getByRole("button", { name: queue.notes.add }).click();
  await expect(page.getByTestId("done-banner")).toHaveText(queue.done.note);
  await expect(page.getByTestId("notes")).toContainText(note);

  await page.getByLabel(queue.messages.label, { exact: true }).fill(message);
  await page.getByRole("button", { name: queue.messages.send }).click();
  await expect(page.getByTestId("done-banner")).toHaveText(queue.done.message);
  await expect(page.getByTestId("thread")).toContainText(message);
  await expect(page.getByTestId("thread")).not.toContainText(note);
  await expectNoAxeViolations(page);

  // The physician is mailed that a message waits (not its text), and reads the message, never the note.
  const [mail] = await mailbox.waitForMatching((m) => m.subject.includes(code) && m.to.includes(physician.email));
  expect(mail!.text).not.toContain(message);
  await page.context().clearCookies();
  await signIn(page, physician.email);
  await expect(page).not.toHaveURL(/\/login/);
  await gotoIn(page, `/referrals/${id}`, "en");
  const messages = page.locator("section.messages");
  await expect(messages).toContainText(message);
  await expect(page.locator("main")).not.toContainText(note);
});

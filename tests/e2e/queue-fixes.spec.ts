import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
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
import { budget } from "./time";

// Issue #15, what new users hit: every referral these tests act on is made here, through the JSON door, so no other
// spec's demo referral is touched.

// The redirects and declines here mail the demo physician; the run's capturing SMTP server takes that mail
// (tests/e2e/mailbox.ts).

const KONYANG = "lee.sujin@demo.test";
const KONYANG_REVIEWER = "choi.minho@demo.test";
const QST = "suzuki.yui@demo.test";
const PHYSICIAN = "park.jihoon@demo.test";
const ADMIN = "admin@demo.test";

const givenNames = { ko: "하늘", ja: "바다", en: "나래" } as const;

for (const lng of languages) {
  test(`a redirect lands on the queue with a banner naming the code and the site, and the receiving site's clock runs (${lng})`, async ({
    page,
    request,
  }) => {
    // Several sign-ins and axe scans on a machine shared with other runs.
    test.setTimeout(budget(120_000));
    const errors = consoleErrors(page);
    const queue = words(lng, "queue");
    const common = words(lng, "common");
    const code = await newReferral(request, { given: givenNames[lng], urgency: "urgent", crossBorder: true });
    await signInAs(page, KONYANG, lng);
    const id = await idInQueue(page, code, lng);

    await gotoIn(page, `/queue/${id}/redirect`, lng);
    await page.locator('form[data-form="action-redirect"] input[name="reasonCode"][value="treatment_on_site"]').check();
    await page.locator('form[data-form="action-redirect"] button[type="submit"]').click();

    await expect(page).toHaveURL(`/queue?done=moved&referral=${id}`);
    const banner = page.getByTestId("moved-away");
    await expect(banner).toHaveAttribute("role", "alert");
    await expect(banner).toBeFocused();
    await expect(banner.getByRole("heading", { level: 2 })).toHaveText(common.notification.success);
    await expect(banner).toContainText(code);
    await expect(banner).toContainText("QST");
    expect(page.url()).not.toContain(code);
    await expectNoAxeViolations(page);
    // The referral is no longer Konyang's: its page is a plain 404.
    expect((await page.request.get(`/queue/${id}`)).status()).toBe(404);

    // At QST it waits in triage with QST's own clock running (urgent: 3 working days), not "no clock here".
    await signInAs(page, QST, lng);
    await idInQueue(page, code, lng);
    const clock = page.locator(`tbody tr[data-code="${code}"] [data-testid="queue-clock"] [data-clock]`);
    await expect(clock).toHaveAttribute("data-clock", "running");
    await expect(clock).not.toContainText(queue.clock.redirected);
    expect(errors).toEqual([]);
  });

  test(`the physician's page of a declined referral leads with the team's decision, then the screen's view (${lng})`, async ({
    page,
    request,
  }) => {
    // Several sign-ins and axe scans on a machine shared with other runs.
    test.setTimeout(budget(120_000));
    const errors = consoleErrors(page);
    const intake = words(lng, "intake");
    const queue = words(lng, "queue");
    const code = await newReferral(request, { given: `${givenNames[lng]}별`, urgency: "routine", crossBorder: true });
    await signInAs(page, KONYANG, lng);
    const id = await idInQueue(page, code, lng);
    // The site asks for a reviewer's clinical decision before a decline (docs/decisions/0012).
    const d = words(lng, "decisions");
    await signInAs(page, KONYANG_REVIEWER, lng);
    await gotoIn(page, `/queue/${id}/clinical-decision`, lng);
    const clinical = page.locator('form[data-form="clinical-decision"]');
    await clinical.getByRole("radio", { name: d.recommendations.decline, exact: true }).check();
    await clinical.getByRole("radio", { name: queue.declineReasons.alternative_recommended }).check();
    await clinical.getByLabel(d.form.rationale, { exact: true }).fill("Low-risk disease: active surveillance first.");
    await clinical.getByRole("button", { name: d.form.submit }).click();
    await expect(page.getByTestId("clinical-record")).toHaveAttribute("data-recommendation", "decline");
    await signInAs(page, KONYANG, lng);
    await gotoIn(page, `/queue/${id}/decline`, lng);
    const form = page.locator('form[data-form="action-decline"]');
    await form.locator('input[name="reasonCode"][value="alternative_recommended"]').check();
    await form.locator('textarea[name="note"]').fill("Active surveillance first; SBRT if the PSA rises.");
    await form.locator('button[type="submit"]').click();
    await expect(page).toHaveURL(`/queue/${id}?done=decline`);

    await signInAs(page, PHYSICIAN, lng);
    await gotoIn(page, `/referrals/${id}`, lng);
    const decision = page.getByTestId("team-decision");
    await expect(decision.getByRole("heading", { level: 2 })).toHaveText(intake.teamDecision.title);
    await expect(page.getByTestId("team-decision-reason")).toHaveText(queue.declineReasons.alternative_recommended);
    await expect(page.getByTestId("team-decision-advice")).toHaveText(
      "Active surveillance first; SBRT if the PSA rises.",
    );
    const screen = page.getByTestId("screen-view");
    await expect(screen.getByRole("heading", { level: 2 })).toHaveText(intake.teamDecision.screenTitle);
    // The screen's "likely eligible" is still there, but below the team's decision and inside the screen's view.
    await expect(screen.getByTestId("decision-outcome")).toBeVisible();
    const order = await page.evaluate(() => {
      const team = document.querySelector('[data-testid="team-decision"]')!;
      const screenView = document.querySelector('[data-testid="screen-view"]')!;
      const history = document.getElementById("history-title")!;
      return {
        teamFirst: !!(team.compareDocumentPosition(screenView) & Node.DOCUMENT_POSITION_FOLLOWING),
        beforeHistory: !!(team.compareDocumentPosition(history) & Node.DOCUMENT_POSITION_FOLLOWING),
        panelsOutsideView:
          document.querySelectorAll(".decision").length -
          document.querySelectorAll('[data-testid="screen-view"] .decision').length,
      };
    });
    expect(order).toEqual({ teamFirst: true, beforeHistory: true, panelsOutsideView: 0 });
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });

  test(`the queue sorts by any column, finds a code by its first five symbols, and reads well at 1280 and 390 px (${lng})`, async ({
    page,
    request,
  }) => {
    // Several sign-ins and axe scans on a machine shared with other runs.
    test.setTimeout(budget(120_000));
    const errors = consoleErrors(page);
    const queue = words(lng, "queue");
    const code = await newReferral(request, { given: `${givenNames[lng]}솔`, urgency: "routine", crossBorder: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInAs(page, KONYANG, lng);

    // Partial code: the first five symbols in small full-width letters, then the first seven with a space.
    const symbols = code.replace(/^KQ-|-/g, "");
    const fullWidth = symbols
      .slice(0, 5)
      .toLowerCase()
      .replace(/[0-9a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    for (const q of [fullWidth, `${symbols.slice(0, 5)} ${symbols.slice(5, 7)}`]) {
      await gotoIn(page, "/queue?tab=triage", lng);
      await page.locator('form[data-form="queue-filters"] input[name="q"]').fill(q);
      await page.locator('form[data-form="queue-filters"] button[type="submit"]').click();
      await expect(page).toHaveURL(/q=/);
      await expect(page.locator("tbody tr[data-code]")).toHaveCount(1);
      await expect(page.locator(`tbody tr[data-code="${code}"]`)).toHaveCount(1);
    }

    // Sorting: the code header sorts ascending, then descending, announced by aria-sort.
    await gotoIn(page, "/queue?tab=triage", lng);
    const header = page.locator('th[data-column="code"]');
    await header.getByRole("link").click();
    await expect(page).toHaveURL(/sort=code&dir=asc/);
    await expect(header).toHaveAttribute("aria-sort", "ascending");
    await expect(page.locator("th[aria-sort]")).toHaveCount(1);
    const codes = async () =>
      page.locator("tbody tr[data-code]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-code")!));
    const ascending = await codes();
    expect(ascending.length).toBeGreaterThan(1);
    expect(ascending).toEqual([...ascending].sort());
    await header.getByRole("link").click();
    await expect(header).toHaveAttribute("aria-sort", "descending");
    expect(await codes()).toEqual([...ascending].reverse());
    await expect(page.getByTestId("queue-sorted")).toContainText(queue.columns.code);
    await expectNoAxeViolations(page);

    // 1280 px: names on one line, no "time left" cell taller than three lines, no sideways scrolling of the page.
    await gotoIn(page, "/queue?tab=triage", lng);
    const layout = await page.evaluate(() => {
      const names = [...document.querySelectorAll("tbody td[data-label] > span.nowrap")].map(
        (s) => s.getClientRects().length,
      );
      const clockLines = [...document.querySelectorAll<HTMLElement>('[data-testid="queue-clock"]')].map((cell) => {
        const lineHeight = parseFloat(getComputedStyle(cell).lineHeight) || 24;
        return Math.round((cell.clientHeight - 16) / lineHeight);
      });
      return {
        names: Math.max(...names),
        clockLines: Math.max(...clockLines),
        sideways: document.documentElement.scrollWidth > window.innerWidth,
      };
    });
    expect(layout.names).toBe(1);
    expect(layout.clockLines).toBeLessThanOrEqual(3);
    expect(layout.sideways).toBe(false);
    if (lng === "ko") {
      const breaks = await page
        .locator("table.queue-table td")
        .first()
        .evaluate((td) => [getComputedStyle(td).wordBreak, getComputedStyle(td).overflowWrap]);
      expect(breaks).toEqual(["keep-all", "normal"]);
    }

    // 390 px: a card per referral, each cell named, the sort as a form, still no sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    await gotoIn(page, "/queue?tab=triage", lng);
    await expect(page.locator("table.queue-table thead")).toHaveCSS("position", "absolute");
    await expect(page.locator("tbody tr[data-code]").first()).toHaveCSS("display", "block");
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    const sortForm = page.locator('form[data-form="queue-sort"]');
    await sortForm.locator('select[name="sort"]').selectOption("received");
    await sortForm.locator('select[name="dir"]').selectOption("desc");
    await sortForm.locator('button[type="submit"]').click();
    await expect(page).toHaveURL(/sort=received&dir=desc/);
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });

  test(`a file over the size limit is refused in the browser before it is sent (${lng})`, async ({ page }) => {
    // Several sign-ins and axe scans on a machine shared with other runs.
    test.setTimeout(budget(120_000));
    const errors = consoleErrors(page);
    const intake = words(lng, "intake");
    await signInAs(page, PHYSICIAN, lng);
    await gotoIn(page, "/referrals/new", lng);
    await page.locator('form[data-form="start-referral"] button[type="submit"]').click();
    await expect(page).toHaveURL(/\/referrals\/[0-9a-f-]{36}\/edit$/);
    const id = /\/referrals\/([0-9a-f-]{36})\/edit$/.exec(page.url())![1]!;
    await gotoIn(page, `/referrals/${id}/edit/documents`, lng);
    const upload = page.locator('form[data-form="upload"]');
    await expect(upload).toHaveAttribute("data-hydrated", "true");

    // A 201 MB file (sparse on disk), over the 200 MB a file: nothing may be posted.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kq-e2e-")), "ct-series.zip");
    fs.closeSync(fs.openSync(file, "w"));
    fs.truncateSync(file, 201 * 1024 * 1024);
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().includes("/upload")) posts.push(r.url());
    });
    await upload.locator('input[type="file"]').setInputFiles(file);
    await upload.locator('button[type="submit"]').click();
    await expect(page.locator(".upload__outcomes li[data-ok=false]")).toHaveText(
      `✕ ${fill(intake.documents.notSent, { name: "ct-series.zip", size: 201, max: 200 })}`,
    );
    await expect(page.getByTestId("upload-phase")).toContainText(intake.documents.notUploaded);
    await expect(page.getByTestId("upload-progress")).toHaveCount(0);
    await expect(page.getByText(intake.documents.uploaded)).toHaveCount(0);
    expect(posts).toEqual([]);
    await expectNoAxeViolations(page);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    expect(errors).toEqual([]);
  });

  test(`suspending an account asks for confirmation and a reason, and the audit log keeps the reason (${lng})`, async ({
    page,
  }) => {
    // Several sign-ins and axe scans on a machine shared with other runs.
    test.setTimeout(budget(120_000));
    const errors = consoleErrors(page);
    const admin = words(lng, "admin");
    await signInAs(page, ADMIN, lng);
    // A staff account of this test's own, so no other spec loses its demo user.
    const email = `suspend.${lng}.${Date.now()}@konyang.test`;
    await gotoIn(page, "/admin/users/new", lng);
    const staffForm = page.locator('form[data-form="staff"]');
    await staffForm.locator('input[name="familyName"]').fill("정");
    await staffForm.locator('input[name="givenName"]').fill("다은");
    await staffForm.locator('input[name="email"]').fill(email);
    await staffForm.locator('input[name="role"][value="coordinator"]').check();
    await staffForm.locator('select[name="siteCode"]').selectOption("konyang");
    await staffForm.locator('input[name="institution"]').fill("건양대학교병원");
    await staffForm.locator('input[name="country"][value="KR"]').check();
    await staffForm.locator('input[name="preferredLanguage"][value="ko"]').check();
    await staffForm.locator('input[name="password"]').fill("bright-autumn-river-8");
    await staffForm.locator('button[type="submit"]').click();
    await expect(page).toHaveURL("/admin/users?done=created");

    const row = page.locator(`tr[data-email="${email}"]`);
    await row.getByRole("link", { name: new RegExp(admin.users.actions.suspend) }).click();
    await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}\/suspend$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(admin.suspend.title);
    await expectNoAxeViolations(page);
    // Confirming without a reason changes nothing and says what is missing.
    await page.locator('form[data-form="suspend-account"] button[type="submit"]').click();
    await expect(page.locator(".error-summary")).toContainText(admin.suspend.errors.reasonRequired);
    await expect(page.locator(".error-summary")).toBeFocused();
    await expectNoAxeViolations(page);
    await page.locator('textarea[name="reason"]').fill(`Left the department (${lng})`);
    await page.locator('form[data-form="suspend-account"] button[type="submit"]').click();
    await expect(page).toHaveURL("/admin/users?done=suspended");
    await expect(page.getByRole("status")).toHaveText(admin.users.done.suspended);

    // The reason is kept in the event itself, one click away on the audit page.
    await gotoIn(page, "/admin/audit?action=account.suspended", lng);
    const event = page
      .locator('tbody tr[data-action="account.suspended"]')
      .filter({ hasText: `Left the department (${lng})` });
    await expect(event).toHaveCount(1);
    await event.locator("details summary").click();
    await expect(event.locator("pre")).toBeVisible();
    expect(errors).toEqual([]);
  });
}

import { expect, test, type Page } from "@playwright/test";
import { demoStatusExamples } from "../../db/demo-referrals";
import { gotoIn, languages, signIn, type Language } from "./helpers";
import { budget } from "./time";

// Every page of every journey, in every language, as each demo role: a page is clean when the browser reports
// no console error, no uncaught exception (React's hydration errors #418/#425 are both), no failed request and no
// answer >= 400. This is what a new user sees first, so it is what must never be noisy.
// Only GETs and one status lookup: nothing here changes the demo data that other specs rely on.

type Problem = { page: string; what: string };

/** Collects everything the browser complains about while `page` is open. */
async function watch(page: Page): Promise<Problem[]> {
  const problems: Problem[] = [];
  // Awaited: Playwright handles calls side by side, so a navigation asked for while the script is still being added
  // can open its document without it; that page then never counts a commit, and `settle` waited its full 30 s.
  await page.addInitScript(countCommits);
  const where = () => {
    const url = new URL(page.url());
    return url.pathname + url.search;
  };
  page.on("console", (message) => {
    if (message.type() === "error") problems.push({ page: where(), what: `console: ${message.text()}` });
  });
  page.on("pageerror", (error) => problems.push({ page: where(), what: `uncaught: ${error.message}` }));
  page.on("requestfailed", (request) => {
    const failure = request.failure()?.errorText ?? "";
    // A navigation or a prefetch cancelled by the next one is not a failure of the portal.
    if (failure.includes("ERR_ABORTED")) return;
    problems.push({
      page: where(),
      what: `request failed: ${request.method()} ${new URL(request.url()).pathname} ${failure}`,
    });
  });
  page.on("response", (response) => {
    if (response.status() >= 400)
      problems.push({
        page: where(),
        what: `HTTP ${response.status()}: ${response.request().method()} ${new URL(response.url()).pathname}`,
      });
  });
  return problems;
}

/** Opens a page and waits until React has hydrated it, so that hydration errors are seen too. */
async function visit(page: Page, path: string, lng: Language) {
  await gotoIn(page, path, lng);
  await settle(page);
}

async function settle(page: Page) {
  // The patient status pages are plain HTML, without a script: nothing hydrates there.
  if ((await page.locator('script[type="module"]').count()) === 0) return;
  // React reports each commit to the devtools hook (see `countCommits`); a hydration mismatch is reported in the
  // same task as the first commit, so once one commit is counted every hydration error has reached the console.
  // A page that has not hydrated in 30 s (scaled for a shared machine) will not: fail then, rather than wait out the
  // whole test's time.
  await page.waitForFunction(() => ((window as unknown as { __kqCommits?: number }).__kqCommits ?? 0) > 0, undefined, {
    timeout: budget(30_000),
  });
}

/** Counts React commits through the devtools hook, which React calls in production builds too. */
function countCommits() {
  const w = window as unknown as {
    __kqCommits: number;
    __REACT_DEVTOOLS_GLOBAL_HOOK__?: unknown;
  };
  w.__kqCommits = 0;
  w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    isDisabled: false,
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberRoot: () => {
      w.__kqCommits += 1;
    },
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
  };
}

async function signInAs(page: Page, email: string) {
  await page.context().clearCookies();
  // The login page is checked like every other: it hydrates before its form is sent, as it would for a person.
  // Sent mid-hydration, React 18 can throw its internal #345 ("Root did not complete") on the page being left.
  await signIn(page, email, undefined, settle);
  await expect(page).not.toHaveURL(/\/login/);
  await settle(page);
}

/** The hrefs of the links on the current page that match `pattern`, each once, in page order. */
async function linksMatching(page: Page, pattern: RegExp): Promise<string[]> {
  const hrefs = await page
    .locator("a[href]")
    .evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter((href) => pattern.test(href)))];
}

function expectClean(problems: Problem[]) {
  expect(problems.map((p) => `${p.page}: ${p.what}`)).toEqual([]);
}

test("public pages and a patient's status", async ({ page }) => {
  test.setTimeout(budget(120_000));
  const problems = await watch(page);
  const { referenceCode, birthDate } = demoStatusExamples[0]!;
  const [year, month, day] = birthDate.split("-");
  for (const lng of languages) {
    for (const path of ["/", "/precheck", "/login", "/register", "/status"]) await visit(page, path, lng);
    await page.locator('input[name="referenceCode"]').fill(referenceCode);
    await page.locator('input[name="birthDate.year"]').fill(year!);
    await page.locator('input[name="birthDate.month"]').fill(String(Number(month)));
    await page.locator('input[name="birthDate.day"]').fill(String(Number(day)));
    await page.locator('form[data-form="status-lookup"] button[type="submit"]').click();
    await expect(page).toHaveURL(/\/status\/view$/);
    await expect(page.locator("html")).toHaveAttribute("lang", lng);
  }
  expectClean(problems);
});

for (const physician of ["park.jihoon@demo.test", "tanaka.kenichi@demo.test"]) {
  test(`physician ${physician}: referrals, a referral, its summary and handout, a draft's every section, account`, async ({
    page,
  }) => {
    test.setTimeout(budget(120_000));
    const problems = await watch(page);
    await signInAs(page, physician);
    for (const lng of languages) {
      await visit(page, "/account", lng);
      // A name is written by its own script in every interface language: 박지훈 and 田中健一, never "박 지훈".
      await expect(page.locator("header")).toContainText(physician.startsWith("park") ? "박지훈" : "田中健一");
      await visit(page, "/account/tokens", lng);
      await visit(page, "/referrals", lng);
      const id = await page
        .locator('tbody tr[data-referral]:not([data-status="draft"])')
        .first()
        .getAttribute("data-referral");
      const draft = await page
        .locator('tbody tr[data-referral][data-status="draft"]')
        .first()
        .getAttribute("data-referral");
      expect(id).toBeTruthy();
      expect(draft).toBeTruthy();
      for (const path of [`/referrals/${id}`, `/referrals/${id}/summary`, `/referrals/${id}/handout`, "/referrals/new"])
        await visit(page, path, lng);
      for (const section of ["", "/patient", "/consent", "/diagnosis", "/history", "/documents", "/review"]) {
        await visit(page, `/referrals/${draft}/edit${section}`, lng);
      }
    }
    expectClean(problems);
  });
}

for (const staff of ["lee.sujin@demo.test", "takahashi.hiroshi@demo.test"]) {
  test(`site staff ${staff}: queue, dashboard, a referral and its action pages`, async ({ page }) => {
    test.setTimeout(budget(120_000));
    const problems = await watch(page);
    await signInAs(page, staff);
    for (const lng of languages) {
      await visit(page, "/account", lng);
      await visit(page, "/queue/dashboard", lng);
      await visit(page, "/queue?tab=in_review", lng);
      await visit(page, "/conferences", lng);
      // Coordinators schedule conferences; reviewers attend them.
      if (staff.startsWith("lee.")) await visit(page, "/conferences/new", lng);
      await visit(page, "/queue", lng);
      const id = await page.locator("tbody tr[data-referral]").first().getAttribute("data-referral");
      expect(id).toBeTruthy();
      await visit(page, `/queue/${id}`, lng);
      const actions = await linksMatching(page, new RegExp(`^/queue/${id}/[a-z-]+$`));
      expect(actions.length).toBeGreaterThan(0);
      for (const path of actions) await visit(page, path, lng);
    }
    expectClean(problems);
  });
}

test("administrator: users, sites, each site, the audit log; then a physician awaiting approval", async ({ page }) => {
  test.setTimeout(budget(120_000));
  const problems = await watch(page);
  await signInAs(page, "admin@demo.test");
  for (const lng of languages) {
    for (const path of [
      "/account",
      "/admin/users",
      "/admin/users/new",
      "/admin/sites",
      "/admin/sites/konyang",
      "/admin/sites/qst",
      "/admin/audit",
      "/admin/exchange",
      "/admin/retention",
      "/admin/sites/qst/contacts",
      "/admin/sites/qst/checklist",
      "/research",
    ]) {
      await visit(page, path, lng);
    }
  }
  await signInAs(page, "yoon.seoyeon@demo.test");
  for (const lng of languages) {
    await visit(page, "/account/pending", lng);
  }
  expectClean(problems);
});

import { expect } from "@playwright/test";
import { expectNoAxeViolations, gotoIn, languages, newReferral, signIn, words } from "./helpers";
import { test } from "./people";
import { budget } from "./time";

// A referring physician withdraws a referral they sent: a missing reason and "Other" without detail are refused
// with the error summary and the answer kept, then a reason withdraws it and My referrals says so, in each language.

test.describe.configure({ timeout: budget(120_000) });

for (const lng of languages) {
  test(`a physician withdraws a sent referral, told first what is missing (${lng})`, async ({
    page,
    request,
    people,
  }) => {
    const intake = words(lng, "intake");
    const physician = await people.physician({ language: lng, country: "KR", token: true });
    const code = await newReferral(request, { given: "철회", latin: "WITHDRAW", crossBorder: false }, physician.token);

    await signIn(page, physician.email);
    await expect(page).not.toHaveURL(/\/login/);
    await gotoIn(page, "/referrals", lng);
    await page.getByRole("row").filter({ hasText: code }).getByRole("link").first().click();
    await expect(page).toHaveURL(/\/referrals\/[^/?]+$/);
    const submit = page.getByRole("button", { name: intake.withdraw.submit });

    // No reason: the summary links to the reasons, and nothing is withdrawn.
    await submit.click();
    const summary = page.locator(".error-summary");
    await expect(summary).toBeVisible();
    await summary.getByRole("link").first().click();
    await expect(page.getByLabel(intake.withdraw.reasons.patient_declined)).toBeFocused();

    // "Other" needs a word more; the choice stays ticked after the refusal.
    await page.getByLabel(intake.withdraw.reasons.other).check();
    await submit.click();
    await expect(page.locator(".error-summary")).toContainText(intake.validation.withdrawNote);
    await expect(page.getByLabel(intake.withdraw.reasons.other)).toBeChecked();
    await expectNoAxeViolations(page);

    await page.getByLabel(intake.withdraw.reasons.duplicate).check();
    await submit.click();
    await expect(page).toHaveURL(/\/referrals\?done=withdrawn/);
    await expect(page.locator(".banner--success")).toHaveText(intake.list.done.withdrawn);
    await expect(page.getByRole("row").filter({ hasText: code })).toContainText(intake.statuses.withdrawn);
  });
}

import { describe, expect, it } from "vitest";
import { findUserById } from "~/modules/accounts/accounts.repository.server";
import { getDb } from "~/utils/db.server";
import { createAccount } from "../../../tests/factories/accounts";
import { clinicalDecisionBy, reviewerOf } from "../../../tests/factories/clinical";
import { referralAt } from "../../../tests/factories/queue";
import { clinicalDecisionForm, formatRecord } from "./clinical-decisions.service.server";

describe("the reviewer's clinical decision form", () => {
  it("gives the referral, the decision in force and the physician's language, to the referral's own site only", async () => {
    const db = await getDb();
    const physician = await createAccount(db);
    const referral = await referralAt(db, physician, { site: "konyang", now: new Date() });
    const reviewer = await reviewerOf(db, "konyang");

    const empty = (await clinicalDecisionForm(db, reviewer, referral.id))!;
    expect(empty.referral.id).toBe(referral.id);
    expect(empty.panel).toMatchObject({ current: null, earlier: [], canRecord: true, viewerIsReviewer: true });
    expect(empty.physicianLanguage).toBe((await findUserById(db, physician.id))!.preferred_language);

    await clinicalDecisionBy(db, referral.id, "konyang", "accept");
    expect((await clinicalDecisionForm(db, reviewer, referral.id))!.panel.current).toMatchObject({
      recommendation: "accept",
    });

    expect(await clinicalDecisionForm(db, await reviewerOf(db, "qst"), referral.id)).toBeNull();
    expect(await clinicalDecisionForm(db, reviewer, "no-such-referral")).toBeNull();
  });

  it("writes a recording's time on the site's 24-hour clock", async () => {
    const db = await getDb();
    const physician = await createAccount(db);
    const referral = await referralAt(db, physician, { site: "konyang", now: new Date() });
    await clinicalDecisionBy(db, referral.id, "konyang", "decline", {}, new Date("2026-12-03T06:29:00Z"));
    const { panel } = (await clinicalDecisionForm(db, await reviewerOf(db, "konyang"), referral.id))!;
    expect(formatRecord(panel.current!, "ko", "Asia/Seoul").recordedAt).toBe("2026년 12월 3일 15:29");
  });
});

import { toReferral } from "~/modules/referrals/referral.mapper.server";
import { describe, expect, it } from "vitest";
import { getSessionUser } from "~/modules/accounts/session.server";
import { auditEventsFor } from "~/modules/audit/audit.repository.server";
import type { Staff } from "~/modules/queue/staff.server";
import { performStaffAction } from "~/modules/queue/triage.service.server";
import { findReferral } from "~/modules/referrals/referrals.repository.server";
import { getDb, type Database } from "~/utils/db.server";
import { answerOf, createAccount, getRequest, sessionCookieFor } from "../../../tests/factories/accounts";
import { clinicalDecisionBy } from "../../../tests/factories/clinical";
import { referralAt } from "../../../tests/factories/queue";
import { formRequest } from "../../../tests/setup/request";
import * as referAgainRoute from "../../routes/referrals.$id_.refer-again/route";
import * as editRoute from "../../routes/referrals.$id_.edit._index/route";
import { caseOf } from "./intake.service.server";
import { decisionLinks, referAgain } from "./refer-again.service.server";

async function signedIn(db: Database, overrides: Parameters<typeof createAccount>[1]) {
  const account = await createAccount(db, overrides);
  const cookie = await sessionCookieFor(db, account.id);
  return { ...account, cookie, user: (await getSessionUser(getRequest("/", { cookie })))! };
}

async function declined(db: Database, physician: { id: string }) {
  const referral = await referralAt(db, physician, { site: "konyang", now: new Date() });
  await clinicalDecisionBy(db, referral.id, "konyang", "decline");
  const coordinator = await signedIn(db, { role: "coordinator", site: "konyang" });
  await performStaffAction(
    db,
    coordinator.user as Staff,
    referral.id,
    "decline",
    { reasonCode: "outside_criteria", note: undefined },
    { now: new Date(), ip: null, portalUrl: "" },
  );
  return (await findReferral(db, referral.id))!;
}

const args = (request: Request, id: string) => ({ request, params: { id }, context: {} });
/** The "Refer again" button on the referral's page, pressed in `cookie`'s browser. */
const pressReferAgain = (id: string, cookie: string) =>
  answerOf(referAgainRoute.action(args(formRequest(`/referrals/${id}/refer-again`, {}, { cookie }), id)));

describe("referring again with new information", () => {
  it("opens one linked draft prefilled from the declined referral, without its consents, files or date", async () => {
    const db = await getDb();
    const physician = await signedIn(db, { role: "physician" });
    const old = await declined(db, physician);

    const posted = await pressReferAgain(old.id, physician.cookie);
    expect(posted.status).toBe(302);
    const draftId = posted.location!.match(/^\/referrals\/([^/]+)\/edit$/)![1]!;
    const draft = (await findReferral(db, draftId))!;
    expect(draft).toMatchObject({
      status: "draft",
      reference_code: null,
      site_code: null,
      previous_referral_id: old.id,
      physician_id: physician.id,
    });
    expect(draft).toMatchObject({
      patient_family_name: old.patient_family_name,
      patient_birth_date: old.patient_birth_date,
      indication: old.indication,
    });
    // Every list column is carried over, read from the case the way a saved draft's are.
    expect(old.patient_latin_name).toBeTruthy();
    expect(draft).toMatchObject({
      patient_given_name: old.patient_given_name,
      patient_latin_name: old.patient_latin_name,
      patient_language: old.patient_language,
      urgency: old.urgency,
    });
    const before = caseOf(toReferral(old));
    const after = caseOf(toReferral(draft));
    expect(after.diagnosis).toEqual(before.diagnosis);
    expect(after.patient).toEqual(before.patient);
    expect(after).not.toHaveProperty("consent");
    expect(after).not.toHaveProperty("attachments");
    expect(after).not.toHaveProperty("referredOn");

    // Asking again opens the same draft; both pages name the other.
    expect(
      await referAgain(db, { user: physician.user, referral: toReferral(old), now: new Date(), ip: null }),
    ).toEqual({
      ok: true,
      id: draftId,
      created: false,
    });
    expect((await decisionLinks(db, toReferral(old))).links.next).toEqual({ id: draftId, code: null, status: "draft" });
    const editPage = await answerOf(
      editRoute.loader(args(getRequest(`/referrals/${draftId}/edit`, { cookie: physician.cookie }), draftId)),
    );
    expect(editPage.data.previous).toEqual({ id: old.id, code: old.reference_code });
    expect((await auditEventsFor(db, "referral", old.id)).map((e) => e.action)).toContain("referral.referred_again");
  });

  it("is only for the physician's own referral that the team did not accept", async () => {
    const db = await getDb();
    const physician = await signedIn(db, { role: "physician" });
    const old = await declined(db, physician);
    const other = await signedIn(db, { role: "physician" });
    expect((await pressReferAgain(old.id, other.cookie)).status).toBe(404);
    const coordinator = await signedIn(db, { role: "coordinator", site: "konyang" });
    expect((await pressReferAgain(old.id, coordinator.cookie)).status).toBe(403);

    const open = await referralAt(db, physician, { site: "konyang", now: new Date() });
    const refused = await pressReferAgain(open.id, physician.cookie);
    expect(refused).toMatchObject({ status: 409, data: { refused: true } });
    expect((await decisionLinks(db, toReferral((await findReferral(db, open.id))!))).canReferAgain).toBe(false);
    // A GET never creates a draft.
    expect(
      await answerOf(
        referAgainRoute.loader(
          args(getRequest(`/referrals/${old.id}/refer-again`, { cookie: physician.cookie }), old.id),
        ),
      ),
    ).toMatchObject({
      status: 302,
      location: `/referrals/${old.id}`,
    });
  });
});

import { pdfText } from "../../../tests/factories/pdf";
import { describe, expect, it } from "vitest";
import { tFor } from "~/i18n/i18n.server";
import { getSessionUser } from "~/modules/accounts/session.server";
import type { Staff } from "~/modules/queue/staff.server";
import { performStaffAction } from "~/modules/queue/triage.service.server";
import { getDb, type Database } from "~/utils/db.server";
import { answerOf, createAccount, getRequest, sessionCookieFor } from "../../../tests/factories/accounts";
import { clinicalDecisionBy } from "../../../tests/factories/clinical";
import { referralAt } from "../../../tests/factories/queue";
import { loader as pdfLoader } from "../referrals.$id_.letter_.pdf/route";
import { headers, loader } from "./route";

const args = (request: Request, id: string) => ({ request, params: { id }, context: {} });

async function signedIn(db: Database, overrides: Parameters<typeof createAccount>[1], lng?: string) {
  const account = await createAccount(db, overrides);
  if (lng) await db.updateTable("users").set({ preferred_language: lng }).where("id", "=", account.id).execute();
  return { ...account, cookie: await sessionCookieFor(db, account.id) };
}

/** A referral at `site`, declined by its coordinator on the reviewer's decision: the physician gets a letter. */
async function declinedFor(db: Database, physician: { id: string }, site: "konyang" | "qst") {
  const referral = await referralAt(db, physician, { site, now: new Date() });
  await clinicalDecisionBy(db, referral.id, site, "decline", {
    declineReason: "prior_radiotherapy",
    rationale: "Re-irradiation of the same field is not advisable.",
  });
  const coordinator = await signedIn(db, { role: "coordinator", site });
  const staff = (await getSessionUser(getRequest("/", { cookie: coordinator.cookie }))) as Staff;
  const result = await performStaffAction(
    db,
    staff,
    referral.id,
    "decline",
    { reasonCode: "prior_radiotherapy", note: undefined },
    { now: new Date(), ip: null, portalUrl: "https://portal.test" },
  );
  expect(result.ok).toBe(true);
  return { ...referral, coordinator };
}

/** Strangers get a 404 (page and PDF), an admin a 403, anyone signed out the sign-in page; no letter yet, no page. */
async function expectNoLetterForOthers(db: Database, id: string, physician: { id: string; cookie: string }) {
  for (const stranger of [
    await signedIn(db, { role: "physician" }),
    await signedIn(db, { role: "coordinator", site: "qst" }),
    await signedIn(db, { role: "reviewer", site: "qst" }),
  ]) {
    expect(
      (await answerOf(loader(args(getRequest(`/referrals/${id}/letter`, { cookie: stranger.cookie }), id)))).status,
    ).toBe(404);
    expect(
      (await answerOf(pdfLoader(args(getRequest(`/referrals/${id}/letter/pdf`, { cookie: stranger.cookie }), id))))
        .status,
    ).toBe(404);
  }
  const admin = await signedIn(db, { role: "admin" });
  expect(
    (await answerOf(loader(args(getRequest(`/referrals/${id}/letter`, { cookie: admin.cookie }), id)))).status,
  ).toBe(403);
  const anonymous = await answerOf(loader(args(getRequest(`/referrals/${id}/letter`), id)));
  expect(anonymous.status).toBe(302);
  // A referral without a letter yet has no letter page.
  const fresh = await referralAt(db, physician, { site: "konyang", now: new Date() });
  expect(
    (await answerOf(loader(args(getRequest(`/referrals/${fresh.id}/letter`, { cookie: physician.cookie }), fresh.id))))
      .status,
  ).toBe(404);
}

describe("the decision letter page and PDF", () => {
  it("shows the physician's letter in their language, to them and to the site's staff, and to nobody else", async () => {
    const db = await getDb();
    const physician = await signedIn(db, { role: "physician" }, "ja");
    const { id, referenceCode, coordinator } = await declinedFor(db, physician, "konyang");

    // The physician reads English pages; the letter stays in the language of their account.
    const page = await answerOf(
      loader(args(getRequest(`/referrals/${id}/letter`, { cookie: physician.cookie, lng: "en" }), id)),
    );
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({
      back: `/referrals/${id}`,
      language: "日本語",
      content: { lang: "ja", salutation: "拝啓" },
    });
    expect(JSON.stringify(page.data.content)).toContain(
      tFor("ja")("decisions:letter.declineReasons.prior_radiotherapy"),
    );
    expect(JSON.stringify(page.data.content)).toContain(referenceCode);
    expect(new Headers(headers({} as never)).get("Cache-Control")).toBe("private, no-store");

    const staffView = await answerOf(
      loader(args(getRequest(`/referrals/${id}/letter`, { cookie: coordinator.cookie }), id)),
    );
    expect(staffView).toMatchObject({ status: 200, data: { back: `/queue/${id}` } });

    await expectNoLetterForOthers(db, id, physician);
  });

  for (const [lng, expected] of [
    ["ja", "慎重に検討いたしましたが"],
    ["ko", "신중히 검토한 결과"],
    ["en", "After careful review"],
  ] as const) {
    it(`gives the PDF with its fonts embedded and its text readable in ${lng}`, async () => {
      const db = await getDb();
      const physician = await signedIn(db, { role: "physician" }, lng);
      const { id, referenceCode } = await declinedFor(db, physician, lng === "ja" ? "qst" : "konyang");
      const response = await pdfLoader(
        args(getRequest(`/referrals/${id}/letter/pdf`, { cookie: physician.cookie, lng }), id),
      );
      expect(response.headers.get("Content-Type")).toBe("application/pdf");
      expect(response.headers.get("Cache-Control")).toBe("private, no-store");
      expect(response.headers.get("Content-Disposition")).toContain(`filename="decision-letter-${referenceCode}.pdf"`);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
      // Embedded, subset CID fonts (no font needed on the reader's machine).
      expect(bytes.toString("latin1")).toMatch(/\/FontFile3|\/FontFile2/);
      const text = pdfText(bytes).replace(/\s+/g, "");
      expect(text).toContain(expected.replace(/\s+/g, ""));
      expect(text).toContain(referenceCode.replace(/\s+/g, ""));
      expect(text).toContain("Re-irradiationofthesamefieldisnotadvisable.");
    });
  }
});

import jsQR from "jsqr";
import { describe, expect, it } from "vitest";
import { tFor } from "~/i18n/i18n.server";
import { getDb, type Database } from "~/utils/db.server";
import { accountWithCookie, answerOf, args, getRequest, sessionCookieFor } from "../../../tests/factories/accounts";
import { confirmSiteContacts } from "../../../tests/factories/site-contacts";
import { patientStatusPage, submittedReferral } from "../../../tests/factories/status-lookup";
import { formRequest } from "../../../tests/setup/request";
import { action as editContacts, loader as contactsForm } from "../../routes/admin.sites_.$siteCode_.contacts/route";
import { loader as sitesPage } from "../../routes/admin.sites/route";
import { loader as handout } from "../../routes/referrals.$id_.handout/route";
import { loader as staffPage } from "../../routes/queue_.$id/route";
import { loader as statusEntry } from "../../routes/status/route";
import { siteContactsOf } from "./site-contacts.service.server";

const now = new Date("2026-12-01T01:00:00Z");
const qst = { siteCode: "qst" };

/** The QST contact form as a browser posts it, from the details in force, with some fields changed. */
async function qstForm(db: Database, overrides: Record<string, string> = {}) {
  const c = (await siteContactsOf(db, "qst"))!;
  const fields: Record<string, string> = {
    baseVersion: String(c.version),
    phone: c.phone,
    email: c.email,
    mapQuery: c.mapQuery,
    note: "QST's international office confirmed the phone number.",
  };
  for (const lng of ["ko", "ja", "en"] as const) {
    fields[`contactName.${lng}`] = c.contactName[lng];
    fields[`hours.${lng}`] = c.hours[lng];
    fields[`address.${lng}`] = c.address[lng];
  }
  return { ...fields, ...overrides };
}

const post = (fields: Record<string, string>, cookie: string, lng = "en") =>
  answerOf(
    editContacts({
      request: formRequest("/admin/sites/qst/contacts", fields, { cookie, lng }),
      params: qst,
      context: {},
    }),
  );

/** Draws the handout's SVG path as pixels and reads it the way a phone camera would. */
function decodeQr(qr: { path: string; size: number }): string | null {
  const scale = 5;
  const width = qr.size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, xs, ys] of qr.path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let y = Number(ys) * scale; y < (Number(ys) + 1) * scale; y++) {
      for (let x = Number(xs) * scale; x < (Number(xs) + 1) * scale; x++)
        data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  }
  return jsQR(data, width, width)?.data ?? null;
}

async function statusWordsFor(db: Database, referral: { referenceCode: string; birthDate: string }, lng: string) {
  return (await patientStatusPage(db, referral, lng)).words;
}

describe("site contact details as configuration", () => {
  it("are for administrators to change: translated errors keep what was typed, a save is a new audited version", async () => {
    const db = await getDb();
    const { cookie: coordinatorCookie } = await accountWithCookie(db, { role: "coordinator", site: "qst" });
    const refusedPage = await answerOf(
      contactsForm({
        request: getRequest("/admin/sites/qst/contacts", { cookie: coordinatorCookie }),
        params: qst,
        context: {},
      }),
    );
    expect(refusedPage.status).toBe(403);
    expect((await post(await qstForm(db), coordinatorCookie)).status).toBe(403);

    const { cookie, ...admin } = await accountWithCookie(db, { role: "admin" });
    const bad = await post(
      await qstForm(db, { phone: "+81-43-206", "hours.ja": " ", note: "", phoneConfirmed: "yes" }),
      cookie,
      "ja",
    );
    expect(bad.status).toBe(400);
    const ja = tFor("ja");
    // Every problem at once, the phone number's (checked with the full metadata) too.
    expect(bad.data.errors).toEqual({
      "hours.ja": ja("contacts:validation.hours"),
      note: ja("contacts:validation.noteRequired"),
      phone: ja("contacts:validation.phoneInvalid"),
    });
    expect(bad.data.values.phone).toBe("+81-43-206");
    const wrongPhone = await post(await qstForm(db, { phone: "+81-43-206", phoneConfirmed: "yes" }), cookie, "ko");
    expect(wrongPhone.data.errors).toEqual({ phone: tFor("ko")("contacts:validation.phoneInvalid") });
    expect(wrongPhone.data.values.phoneConfirmed).toBe("yes");

    const form = await qstForm(db, { phoneConfirmed: "yes" });
    const saved = await post(form, cookie);
    expect(saved).toMatchObject({ status: 302, location: "/admin/sites?contacts=qst#site-qst-contacts" });
    const now = (await siteContactsOf(db, "qst"))!;
    expect(now.version).toBe(2);
    expect(now.confirmed).toEqual({ phone: true, email: false, hours: false, address: false });
    const audit = await db
      .selectFrom("audit_events")
      .select(["action", "actor_user_id", "detail"])
      .where("action", "=", "site.contacts.changed")
      .executeTakeFirstOrThrow();
    expect(audit.actor_user_id).toBe(admin.id);
    expect(JSON.parse(audit.detail)).toMatchObject({
      fromVersion: 1,
      toVersion: 2,
      before: { confirmed: { phone: false } },
      after: { confirmed: { phone: true } },
    });

    expect((await post(form, cookie)).status).toBe(409); // based on version 1, now 2
    expect((await post({ ...(await qstForm(db)), phoneConfirmed: "yes" }, cookie)).data.formError).toBe(
      tFor("en")("contacts:errors.unchanged"),
    );
    const page = await answerOf(sitesPage(args(getRequest("/admin/sites?contacts=qst", { cookie }))));
    expect(page.data.sites.find((s: { code: string }) => s.code === "qst").contacts.confirmed.phone).toBe(true);
  });
});

describe("what patients and staff see of a site's contact details", () => {
  it("shows the patient confirmed details only, and warns staff until the site has confirmed them all", async () => {
    const db = await getDb();
    await confirmSiteContacts(db, "qst", []); // tests of this file share the database: start from nothing confirmed
    const referral = await submittedReferral(db, { caseName: "pancreas-kr-prefers-qst-consented", now });
    const { cookie } = await accountWithCookie(db, { role: "coordinator", site: "qst" });
    const staffView = async () =>
      (
        await answerOf(
          staffPage({
            request: getRequest(`/queue/${referral.id}`, { cookie }),
            params: { id: referral.id },
            context: {},
          }),
        )
      ).data;

    const before = await statusWordsFor(db, referral, "en");
    expect(before.site.contact).toEqual({
      name: "Enquiries from patients abroad",
      phone: null,
      phoneHref: null,
      email: null,
      hours: null,
    });
    expect((await staffView()).unconfirmedContacts).toEqual(["phone", "email", "hours", "address"]);

    await confirmSiteContacts(db, "qst", ["phone", "hours"]);
    const after = await statusWordsFor(db, referral, "ja");
    expect(after.site.contact).toMatchObject({
      phone: "+81-43-206-3306",
      phoneHref: "tel:+81432063306",
      hours: "平日 9:00〜17:00（日本時間）",
      email: null,
    });
    expect((await staffView()).unconfirmedContacts).toEqual(["email", "address"]);

    await confirmSiteContacts(db, "qst", ["phone", "email", "hours", "address"]);
    expect((await staffView()).unconfirmedContacts).toBeNull();
  });
});

describe("the patient's handout", () => {
  it("carries the date, a QR code that opens /status with the code filled in, and the confirmed phone number only", async () => {
    const db = await getDb();
    await confirmSiteContacts(db, "qst", []);
    const referral = await submittedReferral(db, { caseName: "pancreas-kr-prefers-qst-consented", now });
    const cookie = await sessionCookieFor(db, referral.physician.id);
    const open = async () =>
      (
        await answerOf(
          handout({
            request: getRequest(`/referrals/${referral.id}/handout`, { cookie, lng: "en" }),
            params: { id: referral.id },
            context: {},
          }),
        )
      ).data;

    const unconfirmed = await open();
    expect(unconfirmed.lang).toBe("ko"); // the patient's language
    expect(unconfirmed.texts.phone).toBeNull();
    expect(unconfirmed.unconfirmed).toEqual(["phone", "hours"]);

    await confirmSiteContacts(db, "qst", ["phone"]);
    const page = await open();
    const link = decodeQr(page.qr);
    expect(link).toBe(`http://localhost/status?code=${referral.referenceCode}`);
    expect(link).not.toContain(referral.birthDate);
    expect(page.texts.phone).toBe("+81-43-206-3306");
    expect(page.texts.hours).toBeNull();
    expect(page.unconfirmed).toEqual(["hours"]);
    expect(page.texts.date).toMatch(/^작성일: \d{4}년 \d{1,2}월 \d{1,2}일/);
    // A Korean patient travelling to QST is pointed to the trip checklist among the next steps.
    expect(page.texts.next).toHaveLength(2);

    // The QR link fills the code in on the status page; a mangled code fills in nothing.
    const filled = await answerOf(
      statusEntry(args(getRequest(`/status?code=${referral.referenceCode.toLowerCase()}`))),
    );
    expect(filled.data.prefilledCode).toBe(referral.referenceCode);
    expect((await answerOf(statusEntry(args(getRequest("/status?code=KQ-NOT-A-CODE"))))).data.prefilledCode).toBeNull();
  });
});

import { personName } from "~/i18n/person-name";
import { siteContactBook } from "~/modules/site-contacts/site-contacts.service.server";
import { confirmSiteContacts } from "../../../tests/factories/site-contacts";
import { beforeEach, describe, expect, it } from "vitest";
import { tFor } from "~/i18n/i18n.server";
import { getSessionUser } from "~/modules/accounts/session.server";
import { auditEventsFor } from "~/modules/audit/audit.repository.server";
import { clinicalDecisionSchema } from "~/modules/clinical-decisions/clinical-decision.schema";
import { recordClinicalDecision, signoffFor } from "~/modules/clinical-decisions/clinical-decisions.service.server";
import { performStaffAction } from "~/modules/queue/triage.service.server";
import { findReferral, referralEvents } from "~/modules/referrals/referrals.repository.server";
import { changeSiteConfig, sitesOverview, siteNames } from "~/modules/sites/sites.service.server";
import { getDb, type Database } from "~/utils/db.server";
import { createAccount, getRequest, sessionCookieFor } from "../../../tests/factories/accounts";
import { clinicalDecisionBy, reviewerOf, staffOf } from "../../../tests/factories/clinical";
import { emptyQueues, referralAt } from "../../../tests/factories/queue";
import { composeLetter } from "./compose-letter";
import { letterSummaries, openLetter } from "./letters.service.server";

const ctx = (now = new Date()) => ({ now, ip: "192.0.2.1", portalUrl: "https://portal.test" });

async function userOf(db: Database, account: { id: string }) {
  return (await getSessionUser(getRequest("/", { cookie: await sessionCookieFor(db, account.id) })))!;
}

async function physicianIn(db: Database, lng: "ko" | "ja" | "en") {
  const account = await createAccount(db, { role: "physician" });
  await db.updateTable("users").set({ preferred_language: lng }).where("id", "=", account.id).execute();
  return { ...account, user: await userOf(db, account) };
}

/** A physician who reads `lng`, and their referral waiting in `site`'s queue. */
async function referralFrom(db: Database, lng: "ko" | "ja" | "en", site: "konyang" | "qst") {
  const physician = await physicianIn(db, lng);
  const { id } = await referralAt(db, physician, { site, now: new Date() });
  return { physician, id };
}

describe("the clinical sign-off of accepting and declining", () => {
  beforeEach(async () => emptyQueues(await getDb()));

  it("refuses a decline without the reviewer's decision, or against it, and then declines with it and writes the letter", async () => {
    const db = await getDb();
    const { physician, id } = await referralFrom(db, "ja", "konyang");
    const coordinator = await staffOf(db, "konyang");
    const decline = () =>
      performStaffAction(db, coordinator, id, "decline", { reasonCode: "disease_extent", note: undefined }, ctx());

    expect(await decline()).toMatchObject({ ok: false, code: "clinical_decision_required" });
    await clinicalDecisionBy(db, id, "konyang", "accept");
    expect(await decline()).toMatchObject({ ok: false, code: "clinical_decision_differs", recommendation: "accept" });
    expect(await findReferral(db, id)).toMatchObject({ status: "triage" });
    expect(await letterSummaries(db, id)).toEqual([]);

    // The reviewer changes their mind: the newest recording counts.
    const { id: recordId, reviewer } = await clinicalDecisionBy(db, id, "konyang", "decline", {
      declineReason: "disease_extent",
      rationale: "Multiple liver metastases on the latest CT.",
      alternatives: "Systemic therapy; palliative radiotherapy if symptomatic.",
    });
    expect((await signoffFor(db, "konyang", id, "decline")).check).toEqual({ ok: true });
    expect(await decline()).toMatchObject({ ok: true, referral: { status: "declined" } });
    const event = (await referralEvents(db, id)).at(-1)!;
    expect(JSON.parse(event.data)).toMatchObject({ clinicalDecisionId: recordId });

    const [letter] = await letterSummaries(db, id);
    expect(letter).toMatchObject({ decision: "declined" });
    const audit = await auditEventsFor(db, "referral", id);
    const recorded = audit.filter((e) => e.action === "referral.clinical_decision_recorded");
    expect(recorded).toHaveLength(2);
    // The audit names what was recommended, never the clinical text.
    expect(recorded.map((e) => e.detail).join("")).not.toMatch(/metastases|Systemic/);
    expect(audit.find((e) => e.action === "referral.letter_issued")?.detail).toContain('"language":"ja"');

    // The physician reads it in their language; the reviewer is named, family name first.
    const opened = await openLetter(db, physician.user, id, null, { now: new Date(), ip: null, format: "page" });
    expect(opened?.letter).toMatchObject({
      decision: "declined",
      language: "ja",
      reasonCode: "disease_extent",
      site: "konyang",
    });
    const names = await siteNames(db);
    const content = composeLetter(opened!.letter, tFor("ja"), (code) => names[code as keyof typeof names].ja);
    const text = JSON.stringify(content);
    expect(content.salutation).toBe("拝啓");
    expect(content.letterhead).toBe("建陽大学校病院");
    expect(text).toContain("病変の広がりが局所治療の範囲を超えています。");
    expect(text).toContain("Multiple liver metastases on the latest CT.");
    expect(text).toContain("Systemic therapy; palliative radiotherapy if symptomatic.");
    expect(text).toContain(`放射線腫瘍医　${personName(reviewer.familyName, reviewer.givenName)}`);
    expect(content.date).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    expect(content.sections.map((s) => s.id)).toEqual(["decision", "reasons", "alternatives", "next", "contact"]);
    // The contact paragraph names only what the site has confirmed (docs/decisions/0023): nothing yet, then the phone.
    const contactText = (book: Awaited<ReturnType<typeof siteContactBook>>) =>
      JSON.stringify(
        composeLetter(opened!.letter, tFor("ja"), (code) => names[code as keyof typeof names].ja, book).sections.find(
          (s) => s.id === "contact",
        ),
      );
    expect(contactText(await siteContactBook(db))).not.toMatch(/\+82|@|9:00/);
    await confirmSiteContacts(db, "konyang", ["phone"], { actor: reviewer });
    const confirmed = contactText(await siteContactBook(db));
    expect(confirmed).toContain("電話 +82-42-600-9000");
    expect(confirmed).not.toMatch(/@|9:00/);
    expect(
      (await auditEventsFor(db, "referral", id)).filter((e) => e.action === "referral.letter_viewed"),
    ).toHaveLength(1);
  });

  it("lets a site turn the sign-off off: coordinators then decide alone, and the letter quotes no clinical record", async () => {
    const db = await getDb();
    const physician = await physicianIn(db, "en");
    const coordinator = await staffOf(db, "qst");
    const admin = await createAccount(db, { role: "admin" });
    const qst = (await sitesOverview(db)).find((s) => s.code === "qst")!;
    const change = {
      siteCode: "qst" as const,
      baseVersion: qst.current.version,
      acceptedIndications: qst.current.acceptedIndications,
      treatsOnSite: qst.current.treatsOnSite,
      languages: qst.current.languages,
      weeklyCapacity: qst.current.weeklyCapacity,
      note: "Sign-off happens in the weekly board, outside the portal.",
    };
    expect(qst.current.clinicalSignoffRequired).toBe(true);
    // A client that does not send the setting keeps it as it is.
    expect(
      await changeSiteConfig(db, {
        actor: { id: admin.id, role: "admin" },
        change: { ...change, weeklyCapacity: 31 },
        at: new Date(),
      }),
    ).toMatchObject({ ok: true });
    expect((await sitesOverview(db)).find((s) => s.code === "qst")!.current.clinicalSignoffRequired).toBe(true);
    const off = await changeSiteConfig(db, {
      actor: { id: admin.id, role: "admin" },
      change: { ...change, baseVersion: qst.current.version + 1, weeklyCapacity: 31, clinicalSignoff: false },
      at: new Date(),
    });
    expect(off).toMatchObject({ ok: true, version: qst.current.version + 2 });
    const after = (await sitesOverview(db)).find((s) => s.code === "qst")!;
    expect(after.current.clinicalSignoffRequired).toBe(false);

    const { id } = await referralAt(db, physician, { site: "qst", now: new Date() });
    expect(await performStaffAction(db, coordinator, id, "accept", { note: undefined }, ctx())).toMatchObject({
      ok: true,
    });
    const opened = await openLetter(db, physician.user, id, null, { now: new Date(), ip: null, format: "pdf" });
    expect(opened?.letter).toMatchObject({ decision: "accepted", language: "en", clinical: null });

    // Turned back on for the other tests of this file.
    await changeSiteConfig(db, {
      actor: { id: admin.id, role: "admin" },
      change: { ...change, baseVersion: after.current.version, weeklyCapacity: 30, clinicalSignoff: true },
      at: new Date(),
    });
  });

  it("lets only the site's reviewers record, while the referral is still open", async () => {
    const db = await getDb();
    const { id } = await referralFrom(db, "ko", "konyang");
    const input = clinicalDecisionSchema.parse({ recommendation: "more_info", rationale: "Need the PSA trend." });
    const coordinator = await staffOf(db, "konyang");
    expect(await recordClinicalDecision(db, coordinator, id, input, { now: new Date(), ip: null })).toEqual({
      ok: false,
      code: "not_reviewer",
    });
    expect(
      await recordClinicalDecision(db, await reviewerOf(db, "qst"), id, input, { now: new Date(), ip: null }),
    ).toEqual({ ok: false, code: "not_found" });
    await clinicalDecisionBy(db, id, "konyang", "accept");
    expect(await performStaffAction(db, coordinator, id, "accept", { note: undefined }, ctx())).toMatchObject({
      ok: true,
    });
    expect(
      await recordClinicalDecision(db, await reviewerOf(db, "konyang"), id, input, { now: new Date(), ip: null }),
    ).toEqual({ ok: false, code: "not_open" });
    // Nothing can rewrite a recording.
    await expect(
      db.updateTable("clinical_decisions").set({ rationale: "changed" }).where("referral_id", "=", id).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it("keeps every letter from the people who may not see the referral", async () => {
    const db = await getDb();
    const { physician, id } = await referralFrom(db, "ko", "konyang");
    await clinicalDecisionBy(db, id, "konyang", "accept", { approachDetail: "64.0 Gy (RBE) in 16 fractions" });
    expect(
      await performStaffAction(db, await staffOf(db, "konyang"), id, "accept", { note: undefined }, ctx()),
    ).toMatchObject({ ok: true });
    const open = (user: Awaited<ReturnType<typeof userOf>>) =>
      openLetter(db, user, id, null, { now: new Date(), ip: null, format: "page" });
    expect(await open(physician.user)).not.toBeNull();
    expect(await open(await staffOf(db, "konyang"))).not.toBeNull();
    expect(await open(await staffOf(db, "qst"))).toBeNull();
    expect(await open((await physicianIn(db, "ko")).user)).toBeNull();
    expect(await open(await userOf(db, await createAccount(db, { role: "admin" })))).toBeNull();
    expect(
      await openLetter(db, physician.user, id, "no-such-letter", { now: new Date(), ip: null, format: "page" }),
    ).toBeNull();

    const opened = await open(physician.user);
    const names = await siteNames(db);
    const content = composeLetter(opened!.letter, tFor("ko"), (code) => names[code as keyof typeof names].ko);
    expect(content.title).toBe("중입자선 치료 진료의뢰 회신서");
    expect(content.sections.map((s) => s.id)).toEqual(["decision", "reasons", "approach", "next", "contact"]);
    expect(JSON.stringify(content)).toContain("64.0 Gy (RBE) in 16 fractions");
    expect(content.recipient.at(-1)).toBe(`${physician.familyName}${physician.givenName} 선생님 귀하`);
  });
});

import { describe, expect, it } from "vitest";
import { tFor } from "~/i18n/i18n.server";
import { createDraft } from "~/modules/intake/intake.service.server";
import { getDb } from "~/utils/db.server";
import { createAccount } from "../factories/accounts";
import { signedIn } from "../factories/intake";
import { referralAt } from "../factories/queue";
import { portalForThisFile } from "./app-server";

const portal = portalForThisFile({ clientIp: "192.0.2.44" });

async function eventsFor(subjectId: string, action: string) {
  const db = await getDb();
  return db
    .selectFrom("audit_events")
    .select(["actor_user_id", "action", "detail", "ip"])
    .where("subject_id", "=", subjectId)
    .where("action", "=", action)
    .execute();
}

const get = (path: string, cookie: string) => portal.fetch(path, { headers: { Cookie: cookie } });

describe("every page that shows who the patient is writes a read event", () => {
  it("records the printable summary, the handout, the consent notice, a draft's pages and a staff action page", async () => {
    const db = await getDb();
    const physician = await signedIn(db, { role: "physician" });
    const referral = await referralAt(db, physician.user, { site: "konyang", now: new Date() });
    for (const [page, action] of [
      ["summary", "referral.summary_viewed"],
      ["handout", "referral.handout_viewed"],
      ["consent-notice", "referral.consent_notice_viewed"],
    ] as const) {
      expect((await get(`/referrals/${referral.id}/${page}`, physician.cookie)).status).toBe(200);
      expect(await eventsFor(referral.id, action)).toEqual([
        { actor_user_id: physician.user.id, action, detail: expect.stringContaining(page), ip: "192.0.2.44" },
      ]);
    }
    const draftId = await createDraft(db, { user: physician.user, now: new Date(), ip: null });
    for (const path of ["edit", "edit/patient", "edit/documents"])
      expect((await get(`/referrals/${draftId}/${path}`, physician.cookie)).status).toBe(200);
    expect(await eventsFor(draftId, "referral.draft_viewed")).toHaveLength(3);

    const coordinator = await signedIn(db, { role: "coordinator", site: "konyang" });
    expect((await get(`/queue/${referral.id}/assign`, coordinator.cookie)).status).toBe(200);
    expect(await eventsFor(referral.id, "referral.action_page_viewed")).toEqual([
      expect.objectContaining({
        actor_user_id: coordinator.user.id,
        detail: expect.stringContaining('"action":"assign"'),
      }),
    ]);
  });
});

describe("refused attempts on someone else's referral are security events", () => {
  it("records another physician and another site's staff, on pages and .data, and the admin finds them", async () => {
    const db = await getDb();
    const owner = await signedIn(db, { role: "physician" });
    const referral = await referralAt(db, owner.user, { site: "konyang", now: new Date() });
    const stranger = await signedIn(db, { role: "physician" });
    const otherSite = await signedIn(db, { role: "coordinator", site: "qst" });
    expect((await get(`/referrals/${referral.id}/summary`, stranger.cookie)).status).toBe(404);
    expect((await get(`/referrals/${referral.id}.data`, stranger.cookie)).status).toBe(404);
    expect((await get(`/queue/${referral.id}`, otherSite.cookie)).status).toBe(404);
    const refused = await eventsFor(referral.id, "security.referral_refused");
    expect(refused.map((e) => e.actor_user_id)).toEqual([stranger.user.id, stranger.user.id, otherSite.user.id]);
    expect(refused.every((e) => e.ip === "192.0.2.44")).toBe(true);
    // The owner reading their own referral, and an id that does not exist, are no refusal.
    expect((await get(`/referrals/${referral.id}`, owner.cookie)).status).toBe(200);
    expect((await get(`/referrals/00000000-0000-0000-0000-000000000000/summary`, stranger.cookie)).status).toBe(404);
    expect(await eventsFor("00000000-0000-0000-0000-000000000000", "security.referral_refused")).toEqual([]);
    expect(await eventsFor(referral.id, "security.referral_refused")).toHaveLength(3);

    // The administrator filters the audit log to these events, and reads each as a sentence in their language.
    const admin = await createAccount(db, { role: "admin" });
    const adminCookie = (await signedIn(db, { role: "admin", email: `x${admin.email}` })).cookie;
    const page = await get(`/admin/audit?action=security.referral_refused`, `${adminCookie}; lng=en`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain(tFor("en")("audit:actions.security.referral_refused").replace(/'/g, "&#x27;"));
    expect(html.match(/data-action="security\.referral_refused"/g)).toHaveLength(3);
    expect(html).not.toMatch(/data-action="referral\.summary_viewed"/);
  });
});

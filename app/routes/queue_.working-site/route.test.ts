import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "~/utils/db.server";
import { answerOf, args, createAccount, getRequest, sessionCookieFor } from "../../../tests/factories/accounts";
import { referralAt } from "../../../tests/factories/queue";
import { formRequest } from "../../../tests/setup/request";
import * as exchangePage from "../admin.exchange/route";
import * as queuePage from "../queue/route";
import * as referralPage from "../queue_.$id/route";
import { action } from "./route";

// The clock is moved, never waited for: only Date is faked, so the database and the password hashing run as usual.
const tokyo = (local: string) => new Date(`${local}+09:00`);
const setClock = (local: string) => vi.setSystemTime(tokyo(local));
afterEach(() => vi.useRealTimers());

const switchTo = (site: string, cookie: string) =>
  answerOf(action(args(formRequest("/queue/working-site", { site }, { cookie }))));
const openReferral = (id: string, cookie: string) =>
  answerOf(
    referralPage.loader({ request: getRequest(`/queue/${id}`, { cookie, lng: "en" }), params: { id }, context: {} }),
  );

describe("working for the host site during a staff exchange", () => {
  it("opens on the grant's days and closes by itself at the host's midnight after the last", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const db = await getDb();
    setClock("2026-12-01T09:00:00");
    const admin = await createAccount(db, { role: "admin" });
    const visitor = await createAccount(db, { role: "coordinator", site: "konyang" });
    const physician = await createAccount(db, { role: "physician" });
    const atQst = await referralAt(db, physician, { site: "qst", now: new Date() });
    const grant = {
      visitorId: visitor.id,
      hostSiteCode: "qst",
      "from.year": "2026",
      "from.month": "12",
      "from.day": "10",
      "to.year": "2026",
      "to.month": "12",
      "to.day": "12",
    };
    const adminCookie = await sessionCookieFor(db, admin.id, new Date());
    expect(
      (await answerOf(exchangePage.action(args(formRequest("/admin/exchange", grant, { cookie: adminCookie })))))
        .location,
    ).toBe("/admin/exchange?done=granted");

    // Before the first day: no switch on the queue, a forged switch is refused, the host's referral is a 404.
    setClock("2026-12-09T23:50:00");
    let cookie = await sessionCookieFor(db, visitor.id, new Date());
    expect(
      (await answerOf(queuePage.loader(args(getRequest("/queue", { cookie, lng: "en" }))))).data.workingFor,
    ).toBeNull();
    expect((await switchTo("qst", cookie)).location).toBe("/queue?exchange=ended");
    expect((await openReferral(atQst.id, cookie)).status).toBe(404);

    // The last evening of the grant: the switch is offered, and once used the host's referral opens.
    setClock("2026-12-12T23:50:00");
    cookie = await sessionCookieFor(db, visitor.id, new Date());
    const offered = await answerOf(queuePage.loader(args(getRequest("/queue", { cookie, lng: "en" }))));
    expect(offered.data.workingFor).toMatchObject({
      current: "konyang",
      host: { code: "qst", to: "12 December 2026" },
    });
    expect((await switchTo("qst", cookie)).location).toBe("/queue");
    const visiting = await answerOf(queuePage.loader(args(getRequest("/queue", { cookie, lng: "en" }))));
    expect(visiting.data.siteName).toBe("QST Hospital");
    expect(visiting.data.workingFor.current).toBe("qst");
    expect((await openReferral(atQst.id, cookie)).status).toBe(200);

    // Eleven minutes later it is 13 December in Tokyo: the same session is back home, the referral a 404 again.
    setClock("2026-12-13T00:01:00");
    expect((await openReferral(atQst.id, cookie)).status).toBe(404);
    const home = await answerOf(queuePage.loader(args(getRequest("/queue", { cookie, lng: "en" }))));
    expect(home.data.siteName).toBe("Konyang University Hospital");
    expect(home.data.workingFor).toBeNull();
  });

  it("is for coordinators and reviewers only", async () => {
    const db = await getDb();
    const physician = await createAccount(db, { role: "physician" });
    const cookie = await sessionCookieFor(db, physician.id);
    expect((await switchTo("qst", cookie)).status).toBe(403);
  });
});

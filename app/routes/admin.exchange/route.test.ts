import { describe, expect, it } from "vitest";
import { tFor } from "~/i18n/i18n.server";
import { getDb } from "~/utils/db.server";
import {
  accountWithCookie,
  answerOf,
  args,
  createAccount,
  expectOnlyRoleServed,
  getRequest,
} from "../../../tests/factories/accounts";
import { formRequest } from "../../../tests/setup/request";
import * as revokePage from "../admin.exchange_.$grantId.revoke/route";
import { action, loader } from "./route";

const nextYear = String(new Date().getUTCFullYear() + 1);
const dates = (from: [string, string, string], to: [string, string, string]) => ({
  "from.year": from[0],
  "from.month": from[1],
  "from.day": from[2],
  "to.year": to[0],
  "to.month": to[1],
  "to.day": to[2],
});

describe("the staff exchange page", () => {
  it("is for administrators: everyone else, the host's coordinators and reviewers included, is refused", async () => {
    await expectOnlyRoleServed(await getDb(), "admin", { loader, action }, "/admin/exchange");
  });

  it("lists every problem of the form at once, in the page's language and the form's order", async () => {
    const db = await getDb();
    const cookie = (await accountWithCookie(db, { role: "admin" })).cookie;
    const t = tFor("ko", "admin");
    const empty = await answerOf(action(args(formRequest("/admin/exchange", {}, { cookie, lng: "ko" }))));
    expect(empty.status).toBe(400);
    expect(empty.data.errors).toEqual({
      visitorId: t("exchange.errors.visitorRequired"),
      hostSiteCode: t("exchange.errors.hostRequired"),
      from: t("exchange.errors.fromRequired"),
      to: t("exchange.errors.toRequired"),
    });
    expect(Object.keys(empty.data.errors)).toEqual(["visitorId", "hostSiteCode", "from", "to"]);
    // A start in the past and an end before it show together, with the missing visitor, and what was typed stays.
    const wrong = await answerOf(
      action(
        args(
          formRequest(
            "/admin/exchange",
            { hostSiteCode: "qst", ...dates(["2020", "1", "10"], ["2020", "1", "9"]) },
            { cookie, lng: "ko" },
          ),
        ),
      ),
    );
    expect(wrong.data.errors).toEqual({
      visitorId: t("exchange.errors.visitorRequired"),
      from: t("exchange.errors.fromInPast"),
      to: t("exchange.errors.toBeforeFrom"),
    });
    expect(wrong.data.values).toMatchObject({ "from.year": "2020", "to.day": "9" });
    const tooLong = await answerOf(
      action(
        args(
          formRequest(
            "/admin/exchange",
            { hostSiteCode: "qst", ...dates([nextYear, "1", "1"], [nextYear, "4", "1"]) },
            { cookie, lng: "ja" },
          ),
        ),
      ),
    );
    expect(tooLong.data.errors.to).toBe(tFor("ja", "admin")("exchange.errors.tooLong", { maximum: 90 }));
  });

  it("refuses a physician or a member of the host's own team as the visitor", async () => {
    const db = await getDb();
    const cookie = (await accountWithCookie(db, { role: "admin" })).cookie;
    const t = tFor("en", "admin");
    const period = dates([nextYear, "3", "2"], [nextYear, "3", "6"]);
    for (const [visitor, key] of [
      [await createAccount(db, { role: "physician" }), "exchange.errors.visitorNotStaff"],
      [await createAccount(db, { role: "reviewer", site: "qst" }), "exchange.errors.visitorSameSite"],
    ] as const) {
      const answer = await answerOf(
        action(
          args(
            formRequest(
              "/admin/exchange",
              { visitorId: visitor.id, hostSiteCode: "qst", ...period },
              { cookie, lng: "en" },
            ),
          ),
        ),
      );
      expect(answer.status).toBe(400);
      expect(answer.data.errors).toEqual({ visitorId: t(key) });
    }
  });

  it("grants, lists the grant with its dates in words, and revokes it after confirmation", async () => {
    const db = await getDb();
    const { cookie } = await accountWithCookie(db, { role: "admin" });
    const visitor = await createAccount(db, { role: "reviewer", site: "konyang" });
    const granted = await answerOf(
      action(
        args(
          formRequest(
            "/admin/exchange",
            {
              visitorId: visitor.id,
              hostSiteCode: "qst",
              note: "研修",
              ...dates([nextYear, "6", "1"], [nextYear, "6", "14"]),
            },
            { cookie },
          ),
        ),
      ),
    );
    expect(granted.location).toBe("/admin/exchange?done=granted");
    const page = await answerOf(loader(args(getRequest("/admin/exchange?done=granted", { cookie, lng: "en" }))));
    const row = page.data.upcoming.find((r: { email: string }) => r.email === visitor.email);
    expect(row).toMatchObject({
      from: `1 June ${nextYear}`,
      to: `14 June ${nextYear}`,
      hostSite: "QST Hospital",
      homeSite: "Konyang University Hospital",
      note: "研修",
      state: "upcoming",
    });
    expect(page.data.done).toBe("granted");
    expect(page.data.candidates.map((c: { id: string }) => c.id)).toContain(visitor.id);

    const revokeArgs = (request: Request) => ({ request, params: { grantId: row.id }, context: {} });
    const confirm = await answerOf(
      revokePage.loader(revokeArgs(getRequest(`/admin/exchange/${row.id}/revoke`, { cookie, lng: "ja" }))),
    );
    expect(confirm.data).toMatchObject({ host: "QST病院", inForce: false, from: `${nextYear}年6月1日` });
    const revoked = await answerOf(
      revokePage.action(revokeArgs(formRequest(`/admin/exchange/${row.id}/revoke`, {}, { cookie }))),
    );
    expect(revoked.location).toBe("/admin/exchange?done=revoked");
    // Nothing left to confirm: the page is gone, a second post changes nothing.
    expect(
      (await answerOf(revokePage.loader(revokeArgs(getRequest(`/admin/exchange/${row.id}/revoke`, { cookie })))))
        .status,
    ).toBe(404);
    expect(
      (await answerOf(revokePage.action(revokeArgs(formRequest(`/admin/exchange/${row.id}/revoke`, {}, { cookie })))))
        .location,
    ).toBe("/admin/exchange?done=alreadyEnded");
    const after = await answerOf(loader(args(getRequest("/admin/exchange", { cookie }))));
    expect(after.data.past.find((r: { id: string }) => r.id === row.id)?.state).toBe("revoked");
  });
});

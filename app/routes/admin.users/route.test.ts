import { describe, expect, it } from "vitest";
import { findUserById } from "~/modules/accounts/accounts.repository.server";
import { requireRole } from "~/modules/accounts/guards.server";
import { auditEventsFor } from "~/modules/audit/audit.repository.server";
import { getDb } from "~/utils/db.server";
import {
  accountWithCookie,
  answerOf,
  args,
  createAccount,
  getRequest,
  toPendingPage,
} from "../../../tests/factories/accounts";
import { formRequest } from "../../../tests/setup/request";
import * as newUserRoute from "../admin.users_.new/route";
import * as suspendRoute from "../admin.users_.$userId.suspend/route";
import * as usersRoute from "./route";

describe("who may open the accounts page", () => {
  it("sends an anonymous visitor to sign in and back", async () => {
    expect(await answerOf(usersRoute.loader(args(getRequest("/admin/users"))))).toMatchObject({
      status: 302,
      location: "/login?redirectTo=%2Fadmin%2Fusers",
    });
  });

  it("sends an account awaiting approval to its pending page, for every role-guarded page", async () => {
    const db = await getDb();
    const { cookie, ...pending } = await accountWithCookie(db, { status: "pending" });
    expect(await answerOf(usersRoute.loader(args(getRequest("/admin/users", { cookie }))))).toMatchObject(
      toPendingPage,
    );
    expect(
      await answerOf(
        usersRoute.action(args(formRequest("/admin/users", { intent: "approve", userId: pending.id }, { cookie }))),
      ),
    ).toMatchObject(toPendingPage);
    // Even a page meant for physicians refuses a physician who has not been approved.
    expect(await answerOf(requireRole(getRequest("/precheck", { cookie }), ["physician"]))).toMatchObject(
      toPendingPage,
    );
    expect((await findUserById(db, pending.id))!.status).toBe("pending");
  });

  it("refuses an approved physician or reviewer with 403 and no data", async () => {
    const db = await getDb();
    for (const role of ["physician", "reviewer"] as const) {
      const cookie = (await accountWithCookie(db, { role })).cookie;
      const answer = await answerOf(usersRoute.loader(args(getRequest("/admin/users", { cookie }))));
      expect(answer).toMatchObject({ status: 403, data: null });
    }
  });

  it("lets only an administrator open the staff account form", async () => {
    const db = await getDb();
    const coordinator = (await accountWithCookie(db, { role: "coordinator" })).cookie;
    expect(
      (await answerOf(newUserRoute.loader(args(getRequest("/admin/users/new", { cookie: coordinator }))))).status,
    ).toBe(403);
    expect(
      (await answerOf(newUserRoute.action(args(formRequest("/admin/users/new", {}, { cookie: coordinator }))))).status,
    ).toBe(403);
    const admin = (await accountWithCookie(db, { role: "admin" })).cookie;
    expect((await answerOf(newUserRoute.loader(args(getRequest("/admin/users/new", { cookie: admin }))))).status).toBe(
      200,
    );
  });
});

describe("approving accounts", () => {
  it("a coordinator sees pending physicians, family name first with a localised date, and approves one", async () => {
    const db = await getDb();
    const { cookie, ...coordinator } = await accountWithCookie(db, { role: "coordinator" });
    const pending = await createAccount(db, { status: "pending" });
    const page = await answerOf(usersRoute.loader(args(getRequest("/admin/users", { cookie, lng: "ja" }))));
    expect(page.data.isAdmin).toBe(false);
    expect(page.data.others).toEqual([]);
    const row = page.data.pending.find((r: { id: string }) => r.id === pending.id);
    expect(row).toMatchObject({ familyName: pending.familyName, givenName: pending.givenName, actions: ["approve"] });
    expect(row.registered).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);

    const answer = await answerOf(
      usersRoute.action(args(formRequest("/admin/users", { intent: "approve", userId: pending.id }, { cookie }))),
    );
    expect(answer).toMatchObject({ status: 302, location: "/admin/users?done=approved" });
    expect((await findUserById(db, pending.id))!.status).toBe("active");
    expect(
      (await auditEventsFor(db, "user", pending.id)).map((e) => [e.action, e.actor_user_id, e.actor_role]),
    ).toEqual([["account.approved", coordinator.id, "coordinator"]]);
  });

  it("answers a coordinator's attempt to suspend with 403 and changes nothing", async () => {
    const db = await getDb();
    const cookie = (await accountWithCookie(db, { role: "coordinator" })).cookie;
    const physician = await createAccount(db);
    const answer = await answerOf(
      usersRoute.action(
        args(formRequest("/admin/users", { intent: "suspend", userId: physician.id }, { cookie, lng: "ko" })),
      ),
    );
    expect(answer.status).toBe(403);
    expect(answer.data.formError).toBe("이 계정에는 해당 작업을 할 수 없습니다.");
    expect((await findUserById(db, physician.id))!.status).toBe("active");
  });

  it("an administrator sees every account, pending first, and creates a staff account", async () => {
    const db = await getDb();
    const { cookie, ...admin } = await accountWithCookie(db, { role: "admin" });
    await createAccount(db, { status: "pending" });
    const page = await answerOf(usersRoute.loader(args(getRequest("/admin/users", { cookie, lng: "ko" }))));
    expect(page.data.isAdmin).toBe(true);
    expect(page.data.pending.length).toBeGreaterThan(0);
    expect(page.data.others.find((r: { id: string }) => r.id === admin.id).actions).toEqual([]);

    const fields = {
      familyName: "최",
      givenName: "유나",
      email: "choi.yuna@konyang.test",
      role: "coordinator",
      institution: "건양대학교병원",
      country: "KR",
      preferredLanguage: "ko",
      password: "bright-autumn-river-8",
    };
    const missingSite = await answerOf(
      newUserRoute.action(args(formRequest("/admin/users/new", fields, { cookie, lng: "ko" }))),
    );
    expect(missingSite.status).toBe(400);
    expect(missingSite.data.errors.siteCode).toBe("담당 병원을 선택해 주십시오");
    expect(missingSite.data.values.familyName).toBe("최");
    expect(missingSite.data.values.password).toBeUndefined();
    const created = await answerOf(
      newUserRoute.action(args(formRequest("/admin/users/new", { ...fields, siteCode: "konyang" }, { cookie }))),
    );
    expect(created).toMatchObject({ status: 302, location: "/admin/users?done=created" });
    const taken = await answerOf(
      newUserRoute.action(args(formRequest("/admin/users/new", { ...fields, siteCode: "konyang" }, { cookie }))),
    );
    expect(taken.status).toBe(400);
    expect(taken.data.errors.email).toBe("An account with this email address already exists");
  });
});

describe("suspending an account", () => {
  it("asks for confirmation and a reason on its own page, keeps the typed text on a mistake, and audits the reason", async () => {
    const db = await getDb();
    const { cookie, ...admin } = await accountWithCookie(db, { role: "admin" });
    const physician = await createAccount(db);
    const suspendArgs = (request: Request) => ({ request, params: { userId: physician.id }, context: {} });
    const url = `/admin/users/${physician.id}/suspend`;

    // The list links to the confirmation page; a suspend posted to the list itself changes nothing and goes there.
    const list = await answerOf(usersRoute.loader(args(getRequest("/admin/users", { cookie }))));
    expect(list.data.others.find((r: { id: string }) => r.id === physician.id).actions).toEqual(["suspend"]);
    expect(
      await answerOf(
        usersRoute.action(args(formRequest("/admin/users", { intent: "suspend", userId: physician.id }, { cookie }))),
      ),
    ).toMatchObject({
      status: 302,
      location: url,
    });
    expect((await findUserById(db, physician.id))!.status).toBe("active");

    const page = await answerOf(suspendRoute.loader(suspendArgs(getRequest(url, { cookie }))));
    expect(page.data.account).toMatchObject({ id: physician.id, email: physician.email });
    const empty = await answerOf(
      suspendRoute.action(suspendArgs(formRequest(url, { reason: "  " }, { cookie, lng: "ja" }))),
    );
    expect(empty).toMatchObject({
      status: 400,
      data: { errors: { reason: "アカウントを停止する理由を入力してください" } },
    });
    const tooLong = await answerOf(
      suspendRoute.action(suspendArgs(formRequest(url, { reason: "x".repeat(501) }, { cookie, lng: "ko" }))),
    );
    expect(tooLong).toMatchObject({
      status: 400,
      data: { errors: { reason: "사유는 500자 이내로 입력해 주십시오" }, reason: "x".repeat(501) },
    });
    expect((await findUserById(db, physician.id))!.status).toBe("active");

    const done = await answerOf(
      suspendRoute.action(suspendArgs(formRequest(url, { reason: "Left the practice" }, { cookie }))),
    );
    expect(done).toMatchObject({ status: 302, location: "/admin/users?done=suspended" });
    expect((await findUserById(db, physician.id))!.status).toBe("suspended");
    const [event] = await auditEventsFor(db, "user", physician.id);
    expect(event).toMatchObject({ action: "account.suspended", actor_user_id: admin.id });
    expect(JSON.parse(event!.detail)).toMatchObject({ reason: "Left the practice" });
    // Once suspended there is nothing to confirm: the page is a 404, as it is for a coordinator or an unknown id.
    expect((await answerOf(suspendRoute.loader(suspendArgs(getRequest(url, { cookie }))))).status).toBe(404);
    const coordinator = (await accountWithCookie(db, { role: "coordinator" })).cookie;
    const other = await createAccount(db);
    const otherArgs = (request: Request) => ({ request, params: { userId: other.id }, context: {} });
    expect(
      (
        await answerOf(
          suspendRoute.loader(otherArgs(getRequest(`/admin/users/${other.id}/suspend`, { cookie: coordinator }))),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await answerOf(
          suspendRoute.action(
            otherArgs(formRequest(`/admin/users/${other.id}/suspend`, { reason: "x" }, { cookie: coordinator })),
          ),
        )
      ).status,
    ).toBe(403);
  });
});

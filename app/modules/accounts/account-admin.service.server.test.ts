import { describe, expect, it } from "vitest";
import { auditEventsFor } from "~/modules/audit/audit.repository.server";
import { getDb } from "~/utils/db.server";
import { createAccount, TEST_PASSWORD } from "../../../tests/factories/accounts";
import { accountsFor, changeAccountStatus, createStaffAccount } from "./account-admin.service.server";
import { findUserByEmail, findUserById } from "./accounts.repository.server";
import { staffSchema } from "./accounts.schema";
import { homeFor } from "./home";
import { signIn } from "./accounts.service.server";
import { getSessionUser, type SessionUser } from "./session.server";

const now = new Date("2026-11-26T09:00:00Z");
const context = { ip: "10.0.0.9", now };

async function actor(role: SessionUser["role"]): Promise<SessionUser> {
  const db = await getDb();
  const account = await createAccount(db, { role });
  const result = await signIn(
    db,
    { email: account.email, password: TEST_PASSWORD, previousSessionId: null },
    { ip: null, now: new Date() },
  );
  if (result.kind !== "signedIn") throw new Error("expected a session");
  const user = await getSessionUser(
    new Request("http://localhost/", { headers: { Cookie: result.setCookie.split(";")[0]! } }),
  );
  return user!;
}

describe("account approval", () => {
  it("a coordinator approves a pending physician: active, approved by them, audited with role and address", async () => {
    const db = await getDb();
    const coordinator = await actor("coordinator");
    const physician = await createAccount(db, { status: "pending" });
    expect(await changeAccountStatus(db, coordinator, { userId: physician.id, action: "approve" }, context)).toEqual({
      kind: "done",
      action: "approve",
    });
    expect(await findUserById(db, physician.id)).toMatchObject({
      status: "active",
      approved_by: coordinator.id,
      approved_at: now.toISOString(),
    });
    const [event] = await auditEventsFor(db, "user", physician.id);
    expect(event).toMatchObject({
      action: "account.approved",
      actor_user_id: coordinator.id,
      actor_role: "coordinator",
      ip: "10.0.0.9",
    });
    expect(JSON.parse(event!.detail)).toMatchObject({ from: "pending", to: "active" });
    // Approving twice is a conflict, not a second event.
    expect(await changeAccountStatus(db, coordinator, { userId: physician.id, action: "approve" }, context)).toEqual({
      kind: "conflict",
    });
    expect(await auditEventsFor(db, "user", physician.id)).toHaveLength(1);
  });

  it("a coordinator sees only pending physicians and may only approve", async () => {
    const db = await getDb();
    const coordinator = await actor("coordinator");
    const pending = await createAccount(db, { status: "pending" });
    const active = await createAccount(db);
    const reviewer = await createAccount(db, { role: "reviewer" });
    const listed = await accountsFor(db, coordinator);
    expect(listed.map((a) => a.id)).toContain(pending.id);
    expect(listed.every((a) => a.status === "pending" && a.role === "physician")).toBe(true);
    expect(await changeAccountStatus(db, coordinator, { userId: pending.id, action: "reject" }, context)).toEqual({
      kind: "forbidden",
    });
    expect(await changeAccountStatus(db, coordinator, { userId: active.id, action: "suspend" }, context)).toEqual({
      kind: "forbidden",
    });
    expect(await changeAccountStatus(db, coordinator, { userId: reviewer.id, action: "suspend" }, context)).toEqual({
      kind: "notFound",
    });
    expect((await findUserById(db, pending.id))!.status).toBe("pending");
    expect((await findUserById(db, active.id))!.status).toBe("active");
  });

  it("an administrator rejects, suspends (ending sessions) and reactivates", async () => {
    const db = await getDb();
    const admin = await actor("admin");
    const pending = await createAccount(db, { status: "pending" });
    expect((await changeAccountStatus(db, admin, { userId: pending.id, action: "reject" }, context)).kind).toBe("done");
    expect((await findUserById(db, pending.id))!.status).toBe("rejected");

    const physician = await actor("physician");
    // Never in one step: without a reason nothing changes.
    expect(await changeAccountStatus(db, admin, { userId: physician.id, action: "suspend" }, context)).toEqual({
      kind: "reasonRequired",
    });
    expect(
      await changeAccountStatus(db, admin, { userId: physician.id, action: "suspend", reason: "   " }, context),
    ).toEqual({ kind: "reasonRequired" });
    expect((await findUserById(db, physician.id))!.status).toBe("active");
    expect(
      (
        await changeAccountStatus(
          db,
          admin,
          { userId: physician.id, action: "suspend", reason: "Left the hospital in November" },
          context,
        )
      ).kind,
    ).toBe("done");
    const suspended = (await auditEventsFor(db, "user", physician.id)).find((e) => e.action === "account.suspended");
    expect(JSON.parse(suspended!.detail)).toMatchObject({
      from: "active",
      to: "suspended",
      reason: "Left the hospital in November",
    });
    const signInAgain = await signIn(
      db,
      { email: physician.email, password: TEST_PASSWORD, previousSessionId: null },
      { ip: null, now },
    );
    expect(signInAgain).toEqual({ kind: "disabled" });
    expect((await changeAccountStatus(db, admin, { userId: physician.id, action: "reactivate" }, context)).kind).toBe(
      "done",
    );
    expect(
      (
        await signIn(
          db,
          { email: physician.email, password: TEST_PASSWORD, previousSessionId: null },
          { ip: null, now },
        )
      ).kind,
    ).toBe("signedIn");
    expect(
      (await auditEventsFor(db, "user", physician.id))
        .map((e) => e.action)
        .filter((a) => !a.startsWith("account.sign")),
    ).toEqual(["account.suspended", "account.reactivated"]);
    // No one can lock themself out.
    expect(await changeAccountStatus(db, admin, { userId: admin.id, action: "suspend" }, context)).toEqual({
      kind: "forbidden",
    });
    expect(await changeAccountStatus(db, admin, { userId: "no-such-id", action: "approve" }, context)).toEqual({
      kind: "notFound",
    });
  });

  it("suspending ends the account's live sessions at once", async () => {
    const db = await getDb();
    const admin = await actor("admin");
    const account = await createAccount(db);
    const result = await signIn(
      db,
      { email: account.email, password: TEST_PASSWORD, previousSessionId: null },
      { ip: null, now: new Date() },
    );
    if (result.kind !== "signedIn") throw new Error("expected a session");
    const request = new Request("http://localhost/", { headers: { Cookie: result.setCookie.split(";")[0]! } });
    expect(await getSessionUser(request)).not.toBeNull();
    await changeAccountStatus(db, admin, { userId: account.id, action: "suspend", reason: "Shared password" }, context);
    expect(await getSessionUser(request)).toBeNull();
    // Reactivating does not bring an ended session back.
    await changeAccountStatus(db, admin, { userId: account.id, action: "reactivate" }, context);
    expect(await getSessionUser(request)).toBeNull();
  });

  it("physicians and reviewers may do nothing here", async () => {
    const db = await getDb();
    const pending = await createAccount(db, { status: "pending" });
    for (const role of ["physician", "reviewer"] as const) {
      const someone = await actor(role);
      expect(await accountsFor(db, someone)).toEqual([]);
      expect(await changeAccountStatus(db, someone, { userId: pending.id, action: "approve" }, context)).toEqual({
        kind: "forbidden",
      });
    }
  });
});

describe("staff accounts", () => {
  const staff = {
    familyName: "山田",
    givenName: "花子",
    email: "yamada.hanako@qst.test",
    role: "reviewer" as const,
    siteCode: "qst" as const,
    institution: "QST病院",
    country: "JP" as const,
    preferredLanguage: "ja" as const,
    password: "cherry-blossom-window-5",
  };

  it("an administrator creates an active account for one site, audited; the address must be new", async () => {
    const db = await getDb();
    const admin = await actor("admin");
    const created = await createStaffAccount(db, admin, staff, context);
    expect(created.kind).toBe("created");
    const row = await findUserByEmail(db, staff.email);
    expect(row).toMatchObject({ role: "reviewer", site_code: "qst", status: "active", approved_by: admin.id });
    expect((await auditEventsFor(db, "user", row!.id))[0]).toMatchObject({
      action: "account.created",
      actor_role: "admin",
    });
    expect(await createStaffAccount(db, admin, staff, context)).toEqual({ kind: "emailTaken" });
    expect(
      (await signIn(db, { email: staff.email, password: staff.password, previousSessionId: null }, { ip: null, now }))
        .kind,
    ).toBe("signedIn");
  });

  it("an administrator creates a researcher (issue #11): no site, lands on the research export", async () => {
    const db = await getDb();
    const admin = await actor("admin");
    const input = { ...staff, email: "researcher@konyang.test", role: "researcher" as const, siteCode: undefined };
    expect(staffSchema.safeParse({ ...input, siteCode: "qst" }).success).toBe(false);
    expect(staffSchema.safeParse(input).success).toBe(true);
    expect((await createStaffAccount(db, admin, input, context)).kind).toBe("created");
    const row = await findUserByEmail(db, input.email);
    expect(row).toMatchObject({ role: "researcher", site_code: null, status: "active" });
    expect(homeFor({ role: "researcher", status: "active" })).toBe("/research");
  });

  it("a coordinator cannot create accounts", async () => {
    const db = await getDb();
    const coordinator = await actor("coordinator");
    expect(await createStaffAccount(db, coordinator, { ...staff, email: "other@qst.test" }, context)).toEqual({
      kind: "forbidden",
    });
    expect(await findUserByEmail(db, "other@qst.test")).toBeUndefined();
  });
});

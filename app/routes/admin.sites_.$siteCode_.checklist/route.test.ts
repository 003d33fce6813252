import { describe, expect, it } from "vitest";
import { tFor } from "~/i18n/i18n.server";
import { checklistInForce } from "~/modules/travel-checklist/travel-checklist-config.service.server";
import { getDb, type Database } from "~/utils/db.server";
import { answerOf, createAccount, getRequest, sessionCookieFor } from "../../../tests/factories/accounts";
import { formRequest } from "../../../tests/setup/request";
import { action, loader } from "./route";

const qst = { siteCode: "qst" };

/** The wording form as the page posts it: every item in force, with some fields changed. */
async function form(db: Database, overrides: Record<string, string> = {}) {
  const checklist = (await checklistInForce(db, "qst"))!;
  const fields: Record<string, string> = {
    baseVersion: String(checklist.version),
    note: "QST's international office reviewed the visa wording.",
  };
  for (const item of checklist.items) {
    for (const lng of ["ko", "ja", "en"] as const) {
      fields[`items.${item.key}.title.${lng}`] = item.title[lng];
      fields[`items.${item.key}.body.${lng}`] = item.body[lng];
    }
    fields[`items.${item.key}.sources`] = item.sources.join("\n");
  }
  return { ...fields, ...overrides };
}

describe("administering the cross-border checklist's wording", () => {
  it("is for administrators; saves a new audited version; keeps every typed answer on an error", async () => {
    const db = await getDb();
    const coordinator = await createAccount(db, { role: "coordinator", site: "qst" });
    const coordinatorCookie = await sessionCookieFor(db, coordinator.id);
    expect(
      (
        await answerOf(
          loader({
            request: getRequest("/admin/sites/qst/checklist", { cookie: coordinatorCookie }),
            params: qst,
            context: {},
          }),
        )
      ).status,
    ).toBe(403);

    const admin = await createAccount(db, { role: "admin" });
    const cookie = await sessionCookieFor(db, admin.id);
    expect(
      (
        await answerOf(
          loader({
            request: getRequest("/admin/sites/konyang/checklist", { cookie }),
            params: { siteCode: "konyang" },
            context: {},
          }),
        )
      ).status,
    ).toBe(404);

    const bad = await answerOf(
      action({
        request: formRequest(
          "/admin/sites/qst/checklist",
          await form(db, { "items.visa.body.ko": "", "items.visa.sources": "www.mofa.go.jp" }),
          { cookie, lng: "ko" },
        ),
        params: qst,
        context: {},
      }),
    );
    expect(bad.status).toBe(400);
    const ko = tFor("ko");
    expect(bad.data.errors).toEqual({
      "items.visa.body.ko": ko("travel:validation.body"),
      "items.visa.sources": ko("travel:validation.sources"),
    });
    expect(bad.data.values["items.visa.sources"]).toBe("www.mofa.go.jp");

    const newWording = "Your passport must be valid for at least the whole stay; bring a copy as well.";
    const saved = await answerOf(
      action({
        request: formRequest("/admin/sites/qst/checklist", await form(db, { "items.passport.body.en": newWording }), {
          cookie,
        }),
        params: qst,
        context: {},
      }),
    );
    expect(saved).toMatchObject({ status: 302, location: "/admin/sites?checklist=qst#site-qst-checklist" });
    const inForce = (await checklistInForce(db, "qst"))!;
    expect(inForce.version).toBe(2);
    expect(inForce.items.find((i) => i.key === "passport")).toMatchObject({
      audience: "patient",
      body: { en: newWording },
    });
    const audit = await db
      .selectFrom("audit_events")
      .select(["actor_user_id", "detail"])
      .where("action", "=", "site.checklist.changed")
      .executeTakeFirstOrThrow();
    expect(audit.actor_user_id).toBe(admin.id);
    expect(JSON.parse(audit.detail)).toMatchObject({ fromVersion: 1, toVersion: 2 });

    // A form made from version 1 is refused now that version 2 is in force.
    const stale = await answerOf(
      action({
        request: formRequest(
          "/admin/sites/qst/checklist",
          { ...(await form(db)), baseVersion: "1" },
          { cookie, lng: "ja" },
        ),
        params: qst,
        context: {},
      }),
    );
    expect(stale.status).toBe(409);
    expect(stale.data.formError).toBe(tFor("ja")("travel:errors.stale", { version: 2 }));
  });
});

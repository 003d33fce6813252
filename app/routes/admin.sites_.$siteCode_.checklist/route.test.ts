import { describe, expect, it } from "vitest";
import { tFor } from "~/i18n/i18n.server";
import { checklistInForce } from "~/modules/travel-checklist/travel-checklist-config.service.server";
import { getDb, type Database } from "~/utils/db.server";
import { accountWithCookie, answerOf, getRequest } from "../../../tests/factories/accounts";
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

/** The wording page of `siteCode`'s checklist, opened from `cookie`'s browser. */
const openChecklist = (siteCode: string, cookie: string) =>
  answerOf(
    loader({
      request: getRequest(`/admin/sites/${siteCode}/checklist`, { cookie }),
      params: { siteCode },
      context: {},
    }),
  );

/** QST's wording form posted from `cookie`'s browser, in the reader's language. */
const saveChecklist = (fields: Record<string, string>, cookie: string, lng?: string) =>
  answerOf(
    action({ request: formRequest("/admin/sites/qst/checklist", fields, { cookie, lng }), params: qst, context: {} }),
  );

describe("administering the cross-border checklist's wording", () => {
  it("is for administrators; saves a new audited version; keeps every typed answer on an error", async () => {
    const db = await getDb();
    const { cookie: coordinatorCookie } = await accountWithCookie(db, { role: "coordinator", site: "qst" });
    expect((await openChecklist("qst", coordinatorCookie)).status).toBe(403);

    const { cookie, ...admin } = await accountWithCookie(db, { role: "admin" });
    expect((await openChecklist("konyang", cookie)).status).toBe(404);

    const bad = await saveChecklist(
      await form(db, { "items.visa.body.ko": "", "items.visa.sources": "www.mofa.go.jp" }),
      cookie,
      "ko",
    );
    expect(bad.status).toBe(400);
    const ko = tFor("ko");
    expect(bad.data.errors).toEqual({
      "items.visa.body.ko": ko("travel:validation.body"),
      "items.visa.sources": ko("travel:validation.sources"),
    });
    expect(bad.data.values["items.visa.sources"]).toBe("www.mofa.go.jp");

    const newWording = "Your passport must be valid for at least the whole stay; bring a copy as well.";
    const saved = await saveChecklist(await form(db, { "items.passport.body.en": newWording }), cookie);
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
    const stale = await saveChecklist({ ...(await form(db)), baseVersion: "1" }, cookie, "ja");
    expect(stale.status).toBe(409);
    expect(stale.data.formError).toBe(tFor("ja")("travel:errors.stale", { version: 2 }));
  });
});

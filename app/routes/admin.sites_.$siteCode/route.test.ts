import { describe, expect, it } from "vitest";
import { indications } from "~/domain/case/schema";
import { tFor } from "~/i18n/i18n.server";
import { getDb } from "~/utils/db.server";
import { answerOf, createAccount, getRequest, sessionCookieFor } from "../../../tests/factories/accounts";
import { formRequest } from "../../../tests/setup/request";
import { loader as sitesLoader } from "../admin.sites/route";
import { action, loader } from "./route";

const konyang = { siteCode: "konyang" };
const call = (fn: (a: any) => Promise<unknown>, request: Request, params = konyang) =>
  answerOf(fn({ request, params, context: {} }));

/** The edit form as a browser posts it: every indication but the dropped ones ticked. */
function form(overrides: Record<string, string> = {}, drop: string[] = []) {
  const fields: Record<string, string> = {
    baseVersion: "1",
    treatsOnSite: "no",
    "languages.ko": "true",
    "languages.en": "true",
    weeklyCapacity: "20",
    note: "Gynaecological melanoma is referred to QST directly.",
  };
  for (const code of indications) if (!drop.includes(code)) fields[`acceptedIndications.${code}`] = "true";
  return { ...fields, ...overrides };
}

describe("administering a site's configuration", () => {
  it("is for administrators only", async () => {
    const db = await getDb();
    const coordinator = await createAccount(db, { role: "coordinator" });
    const cookie = await sessionCookieFor(db, coordinator.id);
    expect((await call(loader, getRequest("/admin/sites/konyang", { cookie }))).status).toBe(403);
    expect((await call(action, formRequest("/admin/sites/konyang", form(), { cookie }))).status).toBe(403);
    expect((await call(sitesLoader, getRequest("/admin/sites", { cookie }))).status).toBe(403);
    const anonymous = await call(sitesLoader, getRequest("/admin/sites"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login\?redirectTo=/);
  });

  it("refuses an incomplete form with translated errors and keeps every answer", async () => {
    const db = await getDb();
    const admin = await createAccount(db, { role: "admin" });
    const cookie = await sessionCookieFor(db, admin.id);
    const fields = form({ weeklyCapacity: "twenty", note: "  ", "languages.ko": "", "languages.en": "" }, ["prostate"]);
    delete fields["languages.ko"];
    delete fields["languages.en"];
    const { status, data } = await call(action, formRequest("/admin/sites/konyang", fields, { cookie, lng: "ja" }));
    expect(status).toBe(400);
    const ja = tFor("ja");
    expect(data.errors).toEqual({
      languages: ja("sites:validation.languages"),
      weeklyCapacity: ja("sites:validation.capacity"),
      note: ja("sites:validation.noteRequired"),
    });
    expect(data.values.weeklyCapacity).toBe("twenty");
    expect(data.values["acceptedIndications.prostate"]).toBeUndefined();
    expect(data.values["acceptedIndications.hcc"]).toBe("true");
  });

  it("saves a new version, shows it in the history, and refuses a form based on an older version", async () => {
    const db = await getDb();
    const admin = await createAccount(db, { role: "admin" });
    const cookie = await sessionCookieFor(db, admin.id);
    const saved = await call(action, formRequest("/admin/sites/konyang", form({}, ["gyn_melanoma"]), { cookie }));
    expect(saved.status).toBe(302);
    expect(saved.location).toBe("/admin/sites?saved=konyang#site-konyang-section");

    const page = await call(sitesLoader, getRequest("/admin/sites?saved=konyang", { cookie, lng: "ko" }));
    const site = page.data.sites.find((s: { code: string }) => s.code === "konyang");
    expect(page.data.saved).toEqual({ code: "konyang", version: 2 });
    expect(site.current.version).toBe(2);
    expect(site.current.acceptedIndications).not.toContain("gyn_melanoma");
    expect(site.history[0]).toMatchObject({
      version: 2,
      changedBy: { familyName: admin.familyName },
      note: "Gynaecological melanoma is referred to QST directly.",
    });
    expect(site.history[0].changes.removedIndications).toEqual(["gyn_melanoma"]);
    expect(site.history[0].changedAtText).toMatch(/\d{4}년/);
    expect(site.history[1].changes).toBeNull();

    const stale = await call(
      action,
      formRequest("/admin/sites/konyang", form({ weeklyCapacity: "25" }), { cookie, lng: "en" }),
    );
    expect(stale.status).toBe(409);
    expect(stale.data.formError).toBe(tFor("en")("sites:errors.stale", { version: 2 }));
    expect(stale.data.values.weeklyCapacity).toBe("25");
  });

  it("answers 404 for a site that does not exist", async () => {
    const db = await getDb();
    const admin = await createAccount(db, { role: "admin" });
    const cookie = await sessionCookieFor(db, admin.id);
    expect(
      (await call(loader, getRequest("/admin/sites/severance", { cookie }), { siteCode: "severance" })).status,
    ).toBe(404);
  });
});

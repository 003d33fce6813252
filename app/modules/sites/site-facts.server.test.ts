import { describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { createAccount } from "../../../tests/factories/accounts";
import { forgetSiteFacts, readerTimeZone, siteFacts } from "./site-facts.server";
import { changeSiteConfig, currentSiteConfigs, siteNames } from "./sites.service.server";
import { siteConfigChange } from "../../../tests/factories/site-config";

describe("site facts read from the sites table", () => {
  it("gives each site's country, time zone and names as the migrations seeded them", async () => {
    const db = await getDb();
    expect(await siteFacts(db)).toEqual([
      {
        code: "konyang",
        country: "KR",
        timezone: "Asia/Seoul",
        names: { ko: "건양대학교병원", ja: "建陽大学校病院", en: "Konyang University Hospital" },
      },
      {
        code: "qst",
        country: "JP",
        timezone: "Asia/Tokyo",
        names: { ko: "QST 병원", ja: "QST病院", en: "QST Hospital" },
      },
    ]);
    expect((await siteNames(db)).qst).toEqual({ ko: "QST 병원", ja: "QST病院", en: "QST Hospital" });
  });

  it("places a reader in their site's or country's zone", async () => {
    const db = await getDb();
    expect(await readerTimeZone(db, { siteCode: "konyang", country: "JP" })).toBe("Asia/Seoul");
    expect(await readerTimeZone(db, { siteCode: null, country: "JP" })).toBe("Asia/Tokyo");
    expect(await readerTimeZone(db, { siteCode: null, country: "KR" })).toBe("Asia/Seoul");
  });

  it("keeps the facts for the process and reads them again after an administrator's change", async () => {
    const db = await getDb();
    forgetSiteFacts();
    expect((await siteFacts(db)).find((s) => s.code === "qst")?.timezone).toBe("Asia/Tokyo");
    // Written behind the service's back (as a migration would): the cached facts stand until the cache is forgotten.
    await db.updateTable("sites").set({ timezone: "Asia/Bangkok" }).where("code", "=", "qst").execute();
    try {
      expect((await siteFacts(db)).find((s) => s.code === "qst")?.timezone).toBe("Asia/Tokyo");
      const admin = await createAccount(db, { role: "admin" });
      const qst = (await currentSiteConfigs(db)).find((s) => s.code === "qst")!;
      const { change } = await siteConfigChange(db, "qst", {
        weeklyCapacity: qst.weeklyCapacity + 1,
        note: "週の検討枠を1件増やします",
      });
      expect(
        await changeSiteConfig(db, { actor: { id: admin.id, role: "admin" }, change, at: new Date() }),
      ).toMatchObject({ ok: true });
      expect((await siteFacts(db)).find((s) => s.code === "qst")?.timezone).toBe("Asia/Bangkok");
    } finally {
      await db.updateTable("sites").set({ timezone: "Asia/Tokyo" }).where("code", "=", "qst").execute();
      forgetSiteFacts();
    }
  });
});

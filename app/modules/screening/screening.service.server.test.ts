import { describe, expect, it } from "vitest";
import { indications, screenCaseSchema, type ScreenCase } from "~/domain/case/schema";
import { auditEventsFor } from "~/modules/audit/audit.repository.server";
import { verifyAuditChain } from "~/modules/audit/audit.service.server";
import { changeSiteConfig, currentSiteConfigs, sitesOverview } from "~/modules/sites/sites.service.server";
import { siteConfigChange } from "../../../tests/factories/site-config";
import { getDb } from "~/utils/db.server";
import { createAccount } from "../../../tests/factories/accounts";
import { exampleCase as example } from "../../../tests/factories/example-cases";
import { screenCase } from "./screening.service.server";

function exampleCase(name: string): ScreenCase {
  return screenCaseSchema.parse(example(name).case);
}

describe("screening with the sites' configuration in force", () => {
  it("follows an administrator's change, records the versions used, and audits the change", async () => {
    const db = await getDb();
    const admin = await createAccount(db, { role: "admin" });
    const prostate = exampleCase("prostate-localised-kr"); // Korean resident, no cross-border consent

    const before = await screenCase(db, prostate);
    expect(before.decision.outcome).toBe("likely_eligible");
    expect(before.decision.route.site).toBe("konyang");
    expect(before).toMatchObject({ rulesetVersion: "kq-2026-12", siteConfigVersions: { konyang: 1, qst: 1 } });

    const at = new Date("2026-11-26T01:00:00Z");
    const { change: noProstate } = await siteConfigChange(db, "konyang", {
      acceptedIndications: indications.filter((i) => i !== "prostate"),
      note: "전립선암 의뢰 접수를 일시 중단합니다",
    });
    const change = await changeSiteConfig(db, {
      actor: { id: admin.id, role: "admin" },
      change: noProstate,
      ip: "192.0.2.1",
      at,
    });
    expect(change).toEqual({ ok: true, version: 2 });

    // Without consent to send the data abroad, QST (Japan) is no candidate either: no site, at best needs_review.
    const noConsent = await screenCase(db, prostate);
    expect(noConsent.decision.route.site).toBeNull();
    expect(noConsent.decision.route.reasons).toEqual(
      expect.arrayContaining(["indication_not_accepted", "no_cross_border_consent", "no_candidate"]),
    );
    expect(noConsent.decision.outcome).toBe("needs_review");
    expect(noConsent.siteConfigVersions).toEqual({ konyang: 2, qst: 1 });

    // With consent, QST is the only site left.
    const consented = await screenCase(db, { ...prostate, consent: { ...prostate.consent, crossBorder: true } });
    expect(consented.decision.route.site).toBe("qst");
    expect(consented.decision.route.reasons).toContain("indication_not_accepted");
    expect(consented.siteConfigVersions.konyang).toBe(2);

    const [event, ...others] = await auditEventsFor(db, "site", "konyang");
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      action: "site.config.changed",
      actor_user_id: admin.id,
      actor_role: "admin",
      ip: "192.0.2.1",
      occurred_at: at.toISOString(),
    });
    const detail = JSON.parse(event!.detail) as {
      fromVersion: number;
      toVersion: number;
      before: { acceptedIndications: string[] };
      after: { acceptedIndications: string[] };
    };
    expect(detail).toMatchObject({ fromVersion: 1, toVersion: 2 });
    expect(detail.before.acceptedIndications).toContain("prostate");
    expect(detail.after.acceptedIndications).not.toContain("prostate");
    expect(await verifyAuditChain(db)).toBeNull();

    const history = (await sitesOverview(db)).find((s) => s.code === "konyang")!.history;
    expect(history.map((v) => v.version)).toEqual([2, 1]);
    expect(history[0]).toMatchObject({
      changedBy: { familyName: admin.familyName, givenName: admin.givenName },
      changedAt: at.toISOString(),
    });
    expect(history[1]).toMatchObject({ changedBy: null, note: null });
  });

  it("never overwrites a version saved in between, and saves nothing when nothing changed", async () => {
    const db = await getDb();
    const admin = await createAccount(db, { role: "admin" });
    const { current: qst, change: base } = await siteConfigChange(db, "qst", {
      treatsOnSite: true,
      note: "週あたりの審査枠を見直し",
    });
    const actor = { id: admin.id, role: "admin" };
    const at = new Date("2026-11-26T02:00:00Z");
    expect(await changeSiteConfig(db, { actor, change: base, at })).toEqual({
      ok: false,
      reason: "unchanged",
      currentVersion: qst.version,
    });
    expect(await changeSiteConfig(db, { actor, change: { ...base, weeklyCapacity: 40 }, at })).toEqual({
      ok: true,
      version: qst.version + 1,
    });
    // A second administrator still looking at the old version:
    expect(await changeSiteConfig(db, { actor, change: { ...base, weeklyCapacity: 25 }, at })).toEqual({
      ok: false,
      reason: "stale",
      currentVersion: qst.version + 1,
    });
    expect((await currentSiteConfigs(db)).find((s) => s.code === "qst")).toMatchObject({
      weeklyCapacity: 40,
      version: qst.version + 1,
    });
  });
});

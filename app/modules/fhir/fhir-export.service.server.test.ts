import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoDataIfEmpty } from "../../../db/seed";
import type { SessionUser } from "~/modules/accounts/session.server";
import { getDb, type Database } from "~/utils/db.server";
import { exportReferralFhir } from "./fhir-export.service.server";
import { validateFhirBundle } from "./fhir-validate.server";

const now = new Date("2026-12-07T03:00:00Z");
let db: Database;

async function userByEmail(email: string): Promise<SessionUser> {
  const row = await db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
  return {
    id: row.id,
    email: row.email,
    familyName: row.family_name,
    givenName: row.given_name,
    role: row.role as SessionUser["role"],
    siteCode: row.site_code,
    status: row.status as SessionUser["status"],
    preferredLanguage: row.preferred_language,
    institution: row.institution,
    country: row.country,
    sessionId: "test",
  };
}

beforeAll(async () => {
  db = await getDb();
  await seedDemoDataIfEmpty(db, now);
});

describe("FHIR R4 export of the demo referrals", () => {
  it("gives every submitted demo referral's physician a bundle that validates with 0 errors against the R4 base definitions", async () => {
    const rows = await db
      .selectFrom("referrals")
      .select(["id", "physician_id"])
      .where("reference_code", "is not", null)
      .execute();
    expect(rows.length).toBeGreaterThan(50);
    const park = await userByEmail("park.jihoon@demo.test");
    const tanaka = await userByEmail("tanaka.kenichi@demo.test");
    for (const row of rows) {
      const reader = row.physician_id === park.id ? park : tanaka;
      const exported = await exportReferralFhir(db, { user: reader, via: "page" }, { id: row.id }, { now, ip: null });
      expect(exported).not.toBeNull();
      expect(validateFhirBundle(exported!.bundle)).toEqual([]);
    }
  });

  it("holds Medplum's validator to checking a bundle's entries (an invalid entry is an error naming its resource)", async () => {
    const row = await db
      .selectFrom("referrals")
      .select(["id"])
      .where("reference_code", "=", "KQ-0W721-6F6AB-X4X82")
      .executeTakeFirstOrThrow();
    const park = await userByEmail("park.jihoon@demo.test");
    const exported = await exportReferralFhir(db, { user: park, via: "page" }, { id: row.id }, { now, ip: null });
    const bad = structuredClone(exported!.bundle);
    const index = bad.entry!.findIndex((e) => e.resource?.resourceType === "Condition");
    (bad.entry![index]!.resource as unknown as Record<string, unknown>).recordedDate = "yesterday";
    expect(validateFhirBundle(bad)).toEqual([
      expect.objectContaining({ resource: "Condition", path: `Bundle.entry[${index}].resource.recordedDate` }),
    ]);
  });
});

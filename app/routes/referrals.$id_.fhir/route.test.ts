import type { Bundle, Patient } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { validateFhirBundle } from "~/modules/fhir/fhir-validate.server";
import { getDb } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";
import { accountWithCookie, getRequest } from "../../../tests/factories/accounts";
import { referralAt } from "../../../tests/factories/queue";
import { formRequest } from "../../../tests/setup/request";
import * as proposeRoute from "../queue_.$id_.joint-review/route";
import { loader } from "./route";

// The FHIR download from the referral pages (issue #11): the physician and the site's staff in full; the partner
// site of an open joint review without who the patient is, and only with cross-border consent; anyone else 404.

async function download(id: string, cookie: string, path = `/referrals/${id}/fhir`) {
  try {
    return (await loader({ request: getRequest(path, { cookie }), params: { id }, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const patientOf = (bundle: Bundle) =>
  bundle.entry!.find((e) => e.resource?.resourceType === "Patient")!.resource as Patient;

describe("GET /referrals/:id/fhir", () => {
  it("gives the physician and the site's staff the whole bundle, with each attachment's size, type and SHA-256, and audits it", async () => {
    const db = await getDb();
    const physician = await accountWithCookie(db, { role: "physician" });
    const coordinator = await accountWithCookie(db, { role: "coordinator", site: "konyang" });
    const { id, referenceCode } = await referralAt(db, physician, {
      site: "konyang",
      now: new Date(),
      crossBorder: true,
    });
    const sha256 = "a".repeat(64);
    await db
      .insertInto("attachments")
      .values({
        id: newId(),
        referral_id: id,
        kind: "pathology_report",
        file_name: "병리.pdf",
        media_type: "application/pdf",
        size_bytes: 2048,
        sha256,
        storage_key: `${id}/x`,
        uploaded_at: new Date().toISOString(),
        uploaded_by: physician.id,
        removed_at: null,
      })
      .execute();

    for (const reader of [physician, coordinator]) {
      const response = await download(id, reader.cookie);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="${referenceCode}.fhir.json"`);
      expect(response.headers.get("Cache-Control")).toBe("private, no-store");
      const bundle = (await response.json()) as Bundle;
      expect(validateFhirBundle(bundle)).toEqual([]);
      const names = patientOf(bundle).name!;
      expect(names.map((n) => [n.family, n.extension?.find((e) => e.url.endsWith("/language"))?.valueCode])).toEqual([
        ["김", "ko-Kore"],
        ["KIM", "ko-Latn"],
      ]);
      const document = bundle.entry!.find((e) => e.resource?.resourceType === "DocumentReference")!.resource as {
        content: { attachment: { size: number; contentType: string; extension: { valueString: string }[] } }[];
      };
      expect(document.content[0]!.attachment).toMatchObject({
        size: 2048,
        contentType: "application/pdf",
        extension: [{ valueString: sha256 }],
      });
      expect(patientOf(bundle)).toMatchObject({ birthDate: "1958-03-14", gender: "male" });
      const task = bundle.entry!.find((e) => e.resource?.resourceType === "Task")!.resource as {
        status: string;
        businessStatus: { coding: { code: string }[] };
        owner: { reference: string };
        relevantHistory: unknown[];
      };
      expect(task).toMatchObject({ status: "received", businessStatus: { coding: [{ code: "triage" }] } });
      expect(bundle.entry!.find((e) => e.fullUrl === task.owner.reference)?.resource?.resourceType).toBe(
        "Organization",
      );
      expect(task.relevantHistory.length).toBe(
        (await db.selectFrom("referral_events").select("id").where("referral_id", "=", id).execute()).length,
      );
      const screen = bundle
        .entry!.map(
          (e) =>
            e.resource as {
              resourceType: string;
              code?: { coding?: { code?: string }[] };
              method?: { coding: { code: string }[] };
            },
        )
        .find((r) => r.code?.coding?.[0]?.code === "screen-decision")!;
      expect(screen.method!.coding[0]!.code).toBe("kq-2026-12");
      const types = new Set(bundle.entry!.map((e) => e.resource!.resourceType));
      for (const type of [
        "Patient",
        "ServiceRequest",
        "Condition",
        "Observation",
        "DocumentReference",
        "Task",
        "Provenance",
        "Consent",
      ])
        expect(types).toContain(type);
    }
    const audit = await db
      .selectFrom("audit_events")
      .select(["actor_user_id", "detail"])
      .where("action", "=", "referral.exported_fhir")
      .where("subject_id", "=", id)
      .execute();
    expect(audit.map((a) => a.actor_user_id).sort()).toEqual([physician.id, coordinator.id].sort());
  });

  it("answers 404 with no data to another physician, the other site's staff and a draft", async () => {
    const db = await getDb();
    const physician = await accountWithCookie(db, { role: "physician" });
    const { id } = await referralAt(db, physician, { site: "konyang", now: new Date() });
    for (const reader of [
      await accountWithCookie(db, { role: "physician" }),
      await accountWithCookie(db, { role: "coordinator", site: "qst" }),
    ]) {
      const response = await download(id, reader.cookie);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("");
    }
  });

  it("gives the partner site of an open joint review the case without the patient's identity, only while cross-border consent stands", async () => {
    const db = await getDb();
    const physician = await accountWithCookie(db, { role: "physician" });
    const konyang = await accountWithCookie(db, { role: "coordinator", site: "konyang" });
    const qst = await accountWithCookie(db, { role: "reviewer", site: "qst" });
    const { id } = await referralAt(db, physician, {
      site: "konyang",
      now: new Date(),
      crossBorder: true,
      patient: "ko2",
    });
    expect((await download(id, qst.cookie)).status).toBe(404);
    await proposeRoute
      .action({
        request: formRequest(
          `/queue/${id}/joint-review`,
          { intent: "propose", question: "Carbon ions?" },
          { cookie: konyang.cookie },
        ),
        params: { id },
        context: {},
      })
      .catch((r: unknown) => r);

    const response = await download(id, qst.cookie);
    expect(response.status).toBe(200);
    const text = await response.text();
    const bundle = JSON.parse(text) as Bundle;
    expect(validateFhirBundle(bundle)).toEqual([]);
    expect(patientOf(bundle)).not.toHaveProperty("name");
    expect(patientOf(bundle)).not.toHaveProperty("birthDate");
    for (const secret of ["박", "PARK", "SEOYEON", "서연"]) expect(text).not.toContain(secret);
    const joint = await db
      .selectFrom("audit_events")
      .select("detail")
      .where("action", "=", "referral.viewed_jointly")
      .where("subject_id", "=", id)
      .execute();
    expect(joint.some((a) => JSON.parse(a.detail).format === "fhir")).toBe(true);

    // Consent to the other country withdrawn: the partner's copy stops at once.
    const row = await db.selectFrom("referrals").select("case_json").where("id", "=", id).executeTakeFirstOrThrow();
    const caseData = JSON.parse(row.case_json);
    caseData.consent.crossBorder = false;
    await db
      .updateTable("referrals")
      .set({ case_json: JSON.stringify(caseData) })
      .where("id", "=", id)
      .execute();
    expect((await download(id, qst.cookie)).status).toBe(404);
  });
});

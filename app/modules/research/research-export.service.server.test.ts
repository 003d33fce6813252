import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoDataIfEmpty } from "../../../db/seed";
import { K_ANONYMITY, quasiIdentifiers, researchColumns } from "~/domain/research/deidentify";
import { getDb, type Database } from "~/utils/db.server";
import { createAccount, getRequest, sessionCookieFor } from "../../../tests/factories/accounts";
import { referralAt } from "../../../tests/factories/queue";
import { loader as csvLoader } from "~/routes/research.export[.]csv/route";
import { loader as dictionaryLoader } from "~/routes/research.dictionary[.]json/route";
import { exportResearchCsv, researchCohort } from "./research-export.service.server";

// The research export (issue #11, part 3) on the demo data, plus one cohort large enough to pass k-anonymity.

const now = new Date("2026-12-07T03:00:00Z");
let db: Database;

function parseCsv(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  const names = header!.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((value, i) => [names[i]!, value])));
}

async function call(loader: (a: never) => unknown, path: string, cookie: string): Promise<Response> {
  try {
    return (await loader({ request: getRequest(path, { cookie }), params: {}, context: {} } as never)) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** Rewrites a stored referral's case behind the services' back (the seed's patients, an older stored shape). */
async function editStoredCase(id: string, edit: (caseData: any) => void) {
  const row = await db.selectFrom("referrals").select("case_json").where("id", "=", id).executeTakeFirstOrThrow();
  const caseData = JSON.parse(row.case_json);
  edit(caseData);
  await db
    .updateTable("referrals")
    .set({ case_json: JSON.stringify(caseData) })
    .where("id", "=", id)
    .execute();
}

beforeAll(async () => {
  db = await getDb();
  await seedDemoDataIfEmpty(db, now);
  // Six Japanese women of the same age band with head and neck cancer, research consented: one group of k or more.
  const physician = await createAccount(db, { role: "physician" });
  for (let i = 0; i < 6; i++) {
    const { id } = await referralAt(db, physician, { site: "qst", now, crossBorder: false, base: "larynx-scc" });
    await editStoredCase(id, (caseData) => {
      caseData.consent.research = true;
      caseData.patient.sex = "female";
      caseData.patient.birthDate = `1960-0${i + 1}-15`;
      caseData.patient.familyName = `研究${i}`;
    });
  }
  // A referral stored before the item existed: its case has no `consent.research` at all.
  for (let i = 0; i < 5; i++) {
    const { id } = await referralAt(db, physician, { site: "qst", now, base: "larynx-scc" });
    await editStoredCase(id, (caseData) => {
      delete caseData.consent.research;
      caseData.patient.sex = "female";
      caseData.patient.birthDate = "1960-03-03";
      caseData.patient.familyName = `過去${i}`;
    });
  }
});

/** The seeded administrator, as the export service sees who asks. */
async function demoAdmin() {
  const { id } = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", "admin@demo.test")
    .executeTakeFirstOrThrow();
  return { id, role: "admin" as const };
}

describe("the de-identified research export", () => {
  it("leaves out every name, birth date, reference code, phone, e-mail and record number, and every unconsented referral", async () => {
    const admin = await demoAdmin();
    const { csv, cohort } = await exportResearchCsv(db, admin, { now, ip: null });
    const referrals = await db
      .selectFrom("referrals")
      .select(["reference_code", "case_json"])
      .where("reference_code", "is not", null)
      .execute();
    const consented = referrals.filter((r) => JSON.parse(r.case_json).consent?.research === true);
    const unconsented = referrals.filter((r) => JSON.parse(r.case_json).consent?.research !== true);
    expect(unconsented.length).toBeGreaterThan(10);
    expect(cohort.consented).toBe(consented.length);
    expect(cohort.rows.length + cohort.suppressed).toBe(consented.length);
    expect(cohort.rows.length).toBeGreaterThanOrEqual(K_ANONYMITY);

    for (const { reference_code, case_json } of referrals) {
      const patient = JSON.parse(case_json).patient;
      expect(csv).not.toContain(reference_code!);
      for (const value of [
        patient.familyName,
        patient.givenName,
        patient.familyNameLatin,
        patient.givenNameLatin,
        patient.nameReading,
        patient.birthDate,
        patient.phone,
        patient.email,
        patient.referringHospitalId,
      ]) {
        if (typeof value === "string" && value.length > 2) expect(csv, value).not.toContain(value);
      }
    }
    const rows = parseCsv(csv);
    expect(Object.keys(rows[0]!)).toEqual([...researchColumns]);
    expect(rows.every((r) => /^\d{2}-\d{2}$|^90\+$/.test(r.age_band!))).toBe(true);
    const groups = new Map<string, number>();
    for (const row of rows)
      groups.set(
        quasiIdentifiers.map((q) => row[q]).join("|"),
        (groups.get(quasiIdentifiers.map((q) => row[q]).join("|")) ?? 0) + 1,
      );
    for (const [group, size] of groups) expect(size, group).toBeGreaterThanOrEqual(K_ANONYMITY);
    // The six cohort patients are released, with the intervals between their own dates kept.
    // …and the five stored without the item are not (the group would have eleven with them).
    expect(
      rows.filter(
        (r) =>
          r.indication === "head_neck" && r.sex === "female" && r.residence_country === "JP" && r.age_band === "65-69",
      ).length,
    ).toBe(6);
    for (const row of rows) {
      const days = (Date.parse(row.status_changed_on!) - Date.parse(row.submitted_on!)) / 86_400_000;
      expect(days).toBeGreaterThanOrEqual(0);
    }
  });

  it("gives new random ids and date shifts to every export, and audits each with the file's SHA-256", async () => {
    const admin = await demoAdmin();
    const first = await exportResearchCsv(db, admin, { now, ip: null });
    const second = await exportResearchCsv(db, admin, { now, ip: null });
    const ids = (csv: string) => new Set(parseCsv(csv).map((r) => r.research_id));
    expect([...ids(first.csv)].some((id) => ids(second.csv).has(id))).toBe(false);
    expect(first.sha256).not.toBe(second.sha256);
    const audited = await db
      .selectFrom("audit_events")
      .select("detail")
      .where("action", "=", "research.exported")
      .execute();
    const hashes = audited.map((a) => JSON.parse(a.detail).sha256);
    expect(hashes).toEqual(expect.arrayContaining([first.sha256, second.sha256]));
    expect(JSON.parse(audited.at(-1)!.detail)).toMatchObject({
      rows: second.cohort.rows.length,
      suppressed: second.cohort.suppressed,
      k: K_ANONYMITY,
    });
  });

  it("shifts one patient's dates by one offset: the interval between referral and last change is the true one", async () => {
    let calls = 0;
    const cohort = await researchCohort(db, { id: () => `id${calls++}`, shiftDays: () => 100 });
    const sources = await db
      .selectFrom("referrals")
      .select(["case_json"])
      .where("reference_code", "is not", null)
      .execute();
    const referredOn = new Set(sources.map((s) => JSON.parse(s.case_json).referredOn as string));
    for (const row of cohort.rows) expect(referredOn.has(row.referred_on)).toBe(false);
  });

  it("lets an administrator or a researcher download the CSV and the dictionary (ko/ja/en meanings), and nobody else", async () => {
    const researcher = await createAccount(db, { role: "researcher", site: null });
    const cookie = await sessionCookieFor(db, researcher.id);
    const response = await call(csvLoader as never, "/research/export.csv", cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("X-Content-SHA256")).toMatch(/^[0-9a-f]{64}$/);
    const dictionary = await (await call(dictionaryLoader as never, "/research/dictionary.json", cookie)).json();
    expect(dictionary.columns.map((c: { name: string }) => c.name)).toEqual([...researchColumns]);
    for (const column of dictionary.columns)
      for (const lng of ["ko", "ja", "en"]) expect(column.meaning[lng], `${column.name} ${lng}`).toMatch(/\S/);
    expect(new Set(dictionary.columns.map((c: { meaning: { ko: string } }) => c.meaning.ko)).size).toBe(
      researchColumns.length,
    );
    expect(dictionary.kAnonymity).toMatchObject({ k: K_ANONYMITY, quasiIdentifiers: [...quasiIdentifiers] });

    for (const role of ["physician", "coordinator", "reviewer"] as const) {
      const other = await createAccount(db, { role, site: role === "physician" ? null : "konyang" });
      const answer = await call(csvLoader as never, "/research/export.csv", await sessionCookieFor(db, other.id));
      expect(answer.status, role).toBe(403);
    }
  });
});

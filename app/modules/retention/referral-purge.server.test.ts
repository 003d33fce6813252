import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tFor } from "~/i18n/i18n.server";
import { verifyAuditChain } from "~/modules/audit/audit.service.server";
import { attachmentsRoot, listAttachments, receiveUploads } from "~/modules/intake/attachments.service.server";
import { createDraft } from "~/modules/intake/intake.service.server";
import { insertNoticeToken } from "~/modules/patient-notifications/patient-notifications.repository.server";
import { insertMessage, insertNote } from "~/modules/queue/referral-thread.repository.server";
import { findReferral } from "~/modules/referrals/referrals.repository.server";
import { runRetention } from "~/modules/retention/retention.service.server";
import { insertStatusSession } from "~/modules/status-lookup/status-lookup.repository.server";
import { getDb, type Database } from "~/utils/db.server";
import { answerOf, getRequest } from "../../../tests/factories/accounts";
import { signedIn, submitFilledDraft } from "../../../tests/factories/intake";
import { minimalPdf, uploadRequest } from "../../../tests/factories/uploads";
import * as staffRoute from "../../routes/queue_.$id/route";
import * as queueRoute from "../../routes/queue/route";
import * as physicianRoute from "../../routes/referrals.$id/route";

// Privacy rule 5 (ADR 0025), on a real SQLite database and real files under DATA_DIR.
const submittedOn = new Date("2026-11-26T01:00:00Z");
const purgeDay = new Date("2037-01-10T00:00:00Z"); // ten years (3650 days) after 2027-01-12
const args = (request: Request, params: Record<string, string>) => ({ request, params, context: {} });
const SECRETS = [
  "김",
  "민준",
  "KIM",
  "MINJUN",
  "1958-03-14",
  "1234-5678",
  "12345678",
  "minjun.kim@example.kr",
  "KY-000123",
  "seen at Daejeon",
  "tamsulosin",
  "left lobe",
  "Seoul clinic",
];

async function referralWithEverything(
  db: Database,
  owner: Awaited<ReturnType<typeof signedIn>>,
  endedAt: string | null,
) {
  const id = await createDraft(db, { user: owner.user, now: submittedOn });
  await receiveUploads(db, {
    user: owner.user,
    referralId: id,
    request: uploadRequest(`/referrals/${id}/edit/documents`, [{ name: "김민준 병리.pdf", content: minimalPdf() }], {
      cookie: owner.cookie,
    }),
    now: submittedOn,
    csrfInFirstPart: true,
  });
  await submitFilledDraft(db, owner.user, id, submittedOn);
  // What a physician may also have written: an address, the story in free text, notes and messages naming the patient.
  const row = (await findReferral(db, id))!;
  const caseData = JSON.parse(row.case_json);
  caseData.patient.email = "minjun.kim@example.kr";
  caseData.history = {
    ...caseData.history,
    clinicalSummary: "KIM MINJUN seen at Daejeon",
    referralReason: "left lobe",
    surgeries: [{ date: "2020-01-02", procedure: "biopsy at Seoul clinic" }],
  };
  caseData.clinical = { ...caseData.clinical, medicines: "tamsulosin" };
  await db
    .updateTable("referrals")
    .set({ case_json: JSON.stringify(caseData) })
    .where("id", "=", id)
    .execute();
  await insertNote(db, {
    id: `${id}-n`,
    referral_id: id,
    author_id: owner.user.id,
    body: "김민준 called",
    created_at: submittedOn.toISOString(),
  });
  await insertMessage(db, {
    id: `${id}-m`,
    referral_id: id,
    author_id: owner.user.id,
    author_role: "physician",
    body: "MINJUN's phone 010-1234-5678",
    created_at: submittedOn.toISOString(),
  });
  await insertStatusSession(db, {
    id: `${id}-s`,
    referral_id: id,
    created_at: submittedOn.toISOString(),
    last_seen_at: submittedOn.toISOString(),
    expires_at: "2099-01-01T00:00:00Z",
    ended_at: null,
  });
  await insertNoticeToken(db, {
    token_hash: `${id}-t`,
    referral_id: id,
    channel: "email",
    created_at: submittedOn.toISOString(),
  });
  if (endedAt)
    await db
      .updateTable("referrals")
      .set({ status: "withdrawn", status_changed_at: endedAt })
      .where("id", "=", id)
      .execute();
  const [attachment] = await listAttachments(db, id);
  return {
    id,
    file: path.join(
      attachmentsRoot(),
      (
        await db
          .selectFrom("attachments")
          .select("storage_key")
          .where("id", "=", attachment!.id)
          .executeTakeFirstOrThrow()
      ).storage_key,
    ),
  };
}

/** Everything the portal holds about one referral outside the audit log, as one text. */
async function everythingAbout(db: Database, id: string): Promise<string> {
  const tables = [
    "referral_notes",
    "referral_messages",
    "referral_events",
    "attachments",
    "referral_search_keys",
    "mail_outbox",
    "status_sessions",
    "patient_notification_tokens",
  ] as const;
  const rows: unknown[] = [await db.selectFrom("referrals").selectAll().where("id", "=", id).executeTakeFirst()];
  for (const table of tables) rows.push(await db.selectFrom(table).selectAll().where("referral_id", "=", id).execute());
  return JSON.stringify(rows);
}

describe("referrals past their retention period", () => {
  it("lose their personal details and files, keep their statistics, and still open for those who may see them", async () => {
    const db = await getDb();
    const owner = await signedIn(db);
    const old = await referralWithEverything(db, owner, "2027-01-12T00:00:00Z");
    const recent = await referralWithEverything(db, owner, "2036-06-01T00:00:00Z");
    const open = await referralWithEverything(db, owner, null);
    const before = { recent: await everythingAbout(db, recent.id), open: await everythingAbout(db, open.id) };
    for (const secret of SECRETS) expect(before.recent).toContain(secret);

    const counts = await runRetention(db, purgeDay, 3650);
    expect(counts).toMatchObject({ referralsPurged: 1, attachmentFilesRemoved: 1 });

    const after = await everythingAbout(db, old.id);
    for (const secret of SECRETS) expect(after).not.toContain(secret);
    expect(fs.existsSync(old.file)).toBe(false);
    const kept = (await findReferral(db, old.id))!;
    expect(kept).toMatchObject({
      status: "withdrawn",
      indication: "prostate",
      urgency: "routine",
      patient_language: "ko",
      submitted_at: submittedOn.toISOString(),
      purged_at: purgeDay.toISOString(),
    });
    expect(kept.screen_outcome).not.toBeNull();
    const keptCase = JSON.parse(kept.case_json);
    expect(keptCase.patient).toEqual({
      sex: "male",
      residenceCountry: "KR",
      preferredLanguage: "ko",
      canTravelAbroad: true,
      ageBand: "65-69",
    });
    expect(keptCase.diagnosis).toMatchObject({
      indication: "prostate",
      gleasonScore: 7,
      psaNgMl: 8.2,
      tnm: { t: "T2b" },
    });
    expect(keptCase.history.surgeries).toEqual([{ date: "2020-01-02" }]);
    expect(
      await db
        .selectFrom("attachments")
        .select(["kind", "size_bytes", "removed_at"])
        .where("referral_id", "=", old.id)
        .execute(),
    ).toEqual([{ kind: expect.any(String), size_bytes: minimalPdf().byteLength, removed_at: purgeDay.toISOString() }]);

    // The open referral and the recently closed one are as they were, files and all.
    expect(await everythingAbout(db, recent.id)).toBe(before.recent);
    expect(await everythingAbout(db, open.id)).toBe(before.open);
    expect(fs.existsSync(recent.file) && fs.existsSync(open.file)).toBe(true);

    // A second run finds nothing more; the audit chain is whole.
    expect(await runRetention(db, purgeDay, 3650)).toMatchObject({ referralsPurged: 0, attachmentFilesRemoved: 0 });
    expect(await verifyAuditChain(db)).toBeNull();

    // The physician's page says what happened where the name stood, in the reader's language.
    const page = await answerOf(
      physicianRoute.loader(
        args(getRequest(`/referrals/${old.id}`, { cookie: `${owner.cookie}; lng=ja` }), { id: old.id }),
      ),
    );
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ family: null, given: null, purgedOn: expect.stringContaining("2037") });
    expect(tFor("ja")("security:retention.purgedNotice", { date: page.data.purgedOn })).toContain("2037");

    // The site's staff still open it, and the closed tab of their queue lists it.
    const coordinator = await signedIn(db, { role: "coordinator", site: kept.site_code as "konyang" | "qst" });
    const staffPage = await answerOf(
      staffRoute.loader(args(getRequest(`/queue/${old.id}`, { cookie: coordinator.cookie }), { id: old.id })),
    );
    expect(staffPage.status).toBe(200);
    expect(staffPage.data).toMatchObject({
      patient: { familyName: "", givenName: "", latinName: null },
      purgedOn: expect.stringContaining("2037"),
    });
    const queue = await answerOf(
      queueRoute.loader(args(getRequest("/queue?tab=closed", { cookie: coordinator.cookie }), {})),
    );
    expect(queue.status).toBe(200);
    expect(JSON.stringify(queue.data)).toContain(kept.reference_code!);
  });
});

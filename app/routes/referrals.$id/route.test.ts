import { describe, expect, it } from "vitest";
import { createDraft } from "~/modules/intake/intake.service.server";
import { receiveUploads, listAttachments } from "~/modules/intake/attachments.service.server";
import { findReferral } from "~/modules/referrals/referrals.repository.server";
import { transitionReferral } from "~/modules/referrals/referrals.service.server";
import { getDb } from "~/utils/db.server";
import { answerOf, getRequest } from "../../../tests/factories/accounts";
import { fillDraft, koreanProstate, signedIn, submitFilledDraft } from "../../../tests/factories/intake";
import { minimalPdf, uploadRequest } from "../../../tests/factories/uploads";
import { formRequest } from "../../../tests/setup/request";
import { contentDisposition } from "~/utils/content-disposition";
import * as downloadRoute from "../referrals.$id_.attachments.$attachmentId/route";
import * as documentsRoute from "../referrals.$id_.edit.documents/route";
import * as sectionRoute from "../referrals.$id_.edit.$section/route";
import * as tasksRoute from "../referrals.$id_.edit._index/route";
import * as reviewRoute from "../referrals.$id_.edit.review/route";
import * as uploadRoute from "../referrals.$id_.upload/route";
import * as listRoute from "../referrals._index/route";
import * as referralRoute from "./route";

const now = new Date("2026-11-26T01:00:00Z");
const args = (request: Request, params: Record<string, string>) => ({ request, params, context: {} });
/** Posts one of the referral page's forms (an answer, a message) from the physician's browser. */
const postToReferral = (id: string, fields: Record<string, string>, cookie: string, lng?: string) =>
  answerOf(referralRoute.action(args(formRequest(`/referrals/${id}`, fields, { cookie, lng }), { id })));

async function submittedWithFile() {
  const db = await getDb();
  const owner = await signedIn(db);
  const id = await createDraft(db, { user: owner.user, now });
  await receiveUploads(db, {
    user: owner.user,
    referralId: id,
    request: uploadRequest(`/referrals/${id}/edit/documents`, [{ name: "letter.pdf", content: minimalPdf() }], {
      cookie: owner.cookie,
    }),
    now,
    csrfInFirstPart: true,
  });
  const result = await submitFilledDraft(db, owner.user, id, now);
  const [attachment] = await listAttachments(db, id);
  return { db, owner, id, code: result.referenceCode, attachmentId: attachment!.id };
}

describe("a referral belongs to its physician", () => {
  it("another physician gets a bare 404 for the page, its .data, the file and the upload door", async () => {
    const { db, owner, id, attachmentId } = await submittedWithFile();
    const other = await signedIn(db);
    const coordinatorOfQst = await signedIn(db, { role: "coordinator", site: "qst" });

    const mine = await answerOf(
      referralRoute.loader(args(getRequest(`/referrals/${id}`, { cookie: owner.cookie }), { id })),
    );
    expect(mine.status).toBe(200);
    expect(mine.data).toMatchObject({ id, status: "triage", code: expect.stringMatching(/^KQ-/) });

    for (const cookie of [other.cookie, coordinatorOfQst.cookie]) {
      for (const path of [`/referrals/${id}`, `/referrals/${id}.data`]) {
        const answer = await answerOf(referralRoute.loader(args(getRequest(path, { cookie }), { id })));
        expect(answer).toMatchObject({ status: cookie === other.cookie ? 404 : 403, data: null });
      }
      const file = await answerOf(
        downloadRoute.loader(
          args(getRequest(`/referrals/${id}/attachments/${attachmentId}`, { cookie }), { id, attachmentId }),
        ),
      );
      expect(file).toMatchObject({ status: 404, data: null });
    }
    const upload = await answerOf(
      uploadRoute.action(
        args(
          uploadRequest(`/referrals/${id}/upload`, [{ name: "a.pdf", content: minimalPdf() }], {
            cookie: other.cookie,
            csrf: "header",
          }),
          { id },
        ),
      ),
    );
    expect(upload.status).toBe(404);
    // An unknown id looks the same as someone else's.
    expect(
      (
        await answerOf(
          referralRoute.loader(args(getRequest("/referrals/nope", { cookie: other.cookie }), { id: "nope" })),
        )
      ).status,
    ).toBe(404);
    // Nor does it show in their list.
    expect(
      (await answerOf(listRoute.loader(args(getRequest("/referrals", { cookie: other.cookie }), {})))).data.referrals,
    ).toEqual([]);
  });
});

describe("a referral belongs to its physician", () => {
  it("its physician downloads the file as an attachment, never rendered, with nosniff", async () => {
    const { owner, id, attachmentId } = await submittedWithFile();
    const response = (await downloadRoute.loader(
      args(getRequest(`/referrals/${id}/attachments/${attachmentId}`, { cookie: owner.cookie }), { id, attachmentId }),
    )) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="letter.pdf"; filename*=UTF-8''letter.pdf`,
    );
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(minimalPdf());
    expect(contentDisposition("김민준 병리.pdf")).toBe(
      `attachment; filename="___ __.pdf"; filename*=UTF-8''%EA%B9%80%EB%AF%BC%EC%A4%80%20%EB%B3%91%EB%A6%AC.pdf`,
    );
  });

  it("another physician cannot open or change a draft either", async () => {
    const db = await getDb();
    const owner = await signedIn(db);
    const other = await signedIn(db);
    const id = await createDraft(db, { user: owner.user, now });
    for (const path of [`/referrals/${id}/edit`, `/referrals/${id}/edit.data`]) {
      expect(await answerOf(tasksRoute.loader(args(getRequest(path, { cookie: other.cookie }), { id })))).toMatchObject(
        { status: 404, data: null },
      );
    }
    const post = await answerOf(
      sectionRoute.action(
        args(formRequest(`/referrals/${id}/edit/patient`, { "patient.familyName": "X" }, { cookie: other.cookie }), {
          id,
          section: "patient",
        }),
      ),
    );
    expect(post).toMatchObject({ status: 404, data: null });
    expect((await findReferral(db, id))!.case_json).toBe("{}");
  });
});

describe("the referral form without JavaScript", () => {
  it("answers a section with translated errors and everything typed, then moves on once it is right", async () => {
    const db = await getDb();
    const { user, cookie } = await signedIn(db);
    const id = await createDraft(db, { user, now });
    const typed = {
      ...koreanProstate.patient,
      "patient.birthDate.month": "13",
      "patient.referringHospitalId": "580314-1234567",
      intent: "continue",
    };
    const answer = await answerOf(
      sectionRoute.action(
        args(formRequest(`/referrals/${id}/edit/patient`, typed, { cookie, lng: "ko" }), { id, section: "patient" }),
      ),
    );
    expect(answer.status).toBe(400);
    expect(answer.data.errors).toEqual({
      "patient.birthDate": "실제 날짜를 연, 월, 일로 입력하십시오. 예: 1958 3 14",
      "patient.referringHospitalId": expect.stringContaining("주민등록번호"),
    });
    expect(answer.data.values).toMatchObject({ "patient.familyName": "김", "patient.birthDate.month": "13" });

    const fixed = await answerOf(
      sectionRoute.action(
        args(
          formRequest(`/referrals/${id}/edit/patient`, { ...koreanProstate.patient, intent: "continue" }, { cookie }),
          { id, section: "patient" },
        ),
      ),
    );
    expect(fixed).toMatchObject({ status: 302, location: `/referrals/${id}/edit/consent` });
    const later = await answerOf(
      sectionRoute.action(
        args(formRequest(`/referrals/${id}/edit/consent`, { intent: "save" }, { cookie }), { id, section: "consent" }),
      ),
    );
    expect(later).toMatchObject({ status: 302, location: `/referrals/${id}/edit?saved=1` });
    const tasks = await answerOf(tasksRoute.loader(args(getRequest(`/referrals/${id}/edit`, { cookie }), { id })));
    expect(tasks.data.tasks.map((t: { section: string; status: string }) => `${t.section}:${t.status}`)).toEqual([
      "patient:completed",
      "consent:in_progress",
      "diagnosis:not_started",
      "history:not_started",
      "documents:not_started",
      "review:cannot_start",
    ]);
  });
});

describe("the referral form without JavaScript", () => {
  it("submits from the check-your-answers page and lands on the confirmation", async () => {
    const db = await getDb();
    const { user, cookie } = await signedIn(db, {});
    const id = await createDraft(db, { user, now });
    await fillDraft(db, user, id);
    const submitted = await answerOf(
      reviewRoute.action(args(formRequest(`/referrals/${id}/edit/review`, {}, { cookie }), { id })),
    );
    expect(submitted).toMatchObject({ status: 302, location: `/referrals/${id}/submitted` });
    expect((await findReferral(db, id))!.reference_code).toMatch(/^KQ-/);
    // The draft pages now lead to the referral.
    expect(
      await answerOf(
        sectionRoute.loader(args(getRequest(`/referrals/${id}/edit/patient`, { cookie }), { id, section: "patient" })),
      ),
    ).toMatchObject({ status: 302, location: `/referrals/${id}` });
  });

  it("takes several files in one multipart post, the token first, and says which were refused", async () => {
    const db = await getDb();
    const { user, cookie } = await signedIn(db);
    const id = await createDraft(db, { user, now });
    const files = [
      { name: "letter.pdf", content: minimalPdf() },
      { name: "fake.pdf", content: "not a pdf\n" },
    ];
    const answer = await answerOf(
      documentsRoute.action(args(uploadRequest(`/referrals/${id}/edit/documents`, files, { cookie }), { id })),
    );
    expect(answer.status).toBe(200);
    expect(answer.data.upload.files).toEqual([
      { fileName: "letter.pdf", ok: true },
      { fileName: "fake.pdf", ok: false, code: "name_mismatch" },
    ]);
    const refused = await answerOf(
      documentsRoute.action(
        args(uploadRequest(`/referrals/${id}/edit/documents`, files, { cookie, csrf: "wrong" }), { id }),
      ),
    );
    expect(refused.status).toBe(403);
    expect((await listAttachments(db, id)).map((a) => a.fileName)).toEqual(["letter.pdf"]);
  });
});

describe("the referral form without JavaScript", () => {
  it("shows the coordinator's request and takes the answer on the referral page", async () => {
    const { db, owner, id } = await submittedWithFile();
    const coordinator = await signedIn(db, { role: "coordinator", site: "konyang" });
    await transitionReferral(db, {
      referralId: id,
      actor: { id: coordinator.user.id, role: "coordinator" },
      action: "request_info",
      note: "Please add the PSA history.",
      data: { fields: ["diagnosis.psaNgMl"], documents: ["psa_history"] },
      now,
    });
    const page = await answerOf(
      referralRoute.loader(args(getRequest(`/referrals/${id}`, { cookie: owner.cookie }), { id })),
    );
    expect(page.data.request).toMatchObject({
      note: "Please add the PSA history.",
      fields: ["diagnosis.psaNgMl"],
      documents: ["psa_history"],
    });
    expect(page.data.requestedValues).toEqual({ "diagnosis.psaNgMl": "8.2" });
    // The requested document is added on the same page, without JavaScript too.
    const upload = await answerOf(
      referralRoute.action(
        args(
          uploadRequest(`/referrals/${id}`, [{ name: "psa-history.csv", content: "date,psa\n2026-09-01,7.9\n" }], {
            cookie: owner.cookie,
            kind: "lab_results",
          }),
          { id },
        ),
      ),
    );
    expect(upload.data).toEqual({ form: "upload", upload: { files: [{ fileName: "psa-history.csv", ok: true }] } });
    const invalid = await postToReferral(
      id,
      { intent: "answer", "diagnosis.psaNgMl": "lots", reply: "" },
      owner.cookie,
    );
    expect(invalid).toMatchObject({
      status: 400,
      data: {
        form: "answer",
        errors: { "diagnosis.psaNgMl": "Enter a number, for example 42 or 8.2." },
        values: { "diagnosis.psaNgMl": "lots" },
      },
    });
    const answered = await postToReferral(
      id,
      { intent: "answer", "diagnosis.psaNgMl": "9.1", reply: "PSA history attached." },
      owner.cookie,
    );
    expect(answered).toMatchObject({ status: 302, location: `/referrals/${id}?done=answered` });
    const row = (await findReferral(db, id))!;
    expect(row.status).toBe("triage");
    expect(
      JSON.parse(row.case_json).attachments.map((a: { fileName: string; kind: string }) => `${a.kind}:${a.fileName}`),
    ).toEqual(["referral_letter:letter.pdf", "lab_results:psa-history.csv"]);
  });
});

describe("the team's decision leads the page", () => {
  it("has none before the team decides, then the decline with its reason and the team's advice", async () => {
    const { db, owner, id } = await submittedWithFile();
    const open = async () =>
      (await answerOf(referralRoute.loader(args(getRequest(`/referrals/${id}`, { cookie: owner.cookie }), { id }))))
        .data;
    expect((await open()).teamDecision).toBeNull();
    const coordinator = await signedIn(db, { role: "coordinator", site: "konyang" });
    const declined = await transitionReferral(db, {
      referralId: id,
      actor: { id: coordinator.user.id, role: "coordinator" },
      action: "decline",
      reasonCode: "alternative_recommended",
      note: "Active surveillance first; SBRT if the PSA rises.",
      now,
    });
    expect(declined.ok).toBe(true);
    const page = await open();
    // The screen still says "likely eligible"; the page leads with the team's answer instead.
    expect(page.decision.outcome).toBe("likely_eligible");
    expect(page.teamDecision).toMatchObject({
      action: "decline",
      site: "konyang",
      reasonCode: "alternative_recommended",
      note: "Active surveillance first; SBRT if the PSA rises.",
    });
  });
});

describe("messages with the receiving team", () => {
  it("the physician writes to the team, sees the conversation, and cannot send a resident registration number", async () => {
    const { db, owner, id } = await submittedWithFile();
    const { messagesOf } = await import("~/modules/queue/queue.repository.server");

    const refused = await postToReferral(
      id,
      { intent: "message", message: "환자 주민번호 580314-1234567" },
      owner.cookie,
      "ko",
    );
    expect(refused.status).toBe(400);
    expect(refused.data.errors.message).toMatch(/주민등록번호/);
    expect(refused.data.message).toBe("환자 주민번호 580314-1234567");
    expect(await messagesOf(db, id)).toEqual([]);

    const sent = await postToReferral(
      id,
      { intent: "message", message: "PET-CT는 다음 주에 보내 드리겠습니다." },
      owner.cookie,
    );
    expect(sent.status).toBe(302);
    expect((await messagesOf(db, id)).map((m) => [m.author_role, m.body])).toEqual([
      ["physician", "PET-CT는 다음 주에 보내 드리겠습니다."],
    ]);

    const page = await answerOf(
      referralRoute.loader(args(getRequest(`/referrals/${id}`, { cookie: owner.cookie }), { id })),
    );
    expect(page.data.messages).toEqual([
      expect.objectContaining({ fromYou: true, body: "PET-CT는 다음 주에 보내 드리겠습니다." }),
    ]);
  });
});

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditEventsFor } from "~/modules/audit/audit.repository.server";
import { getDb } from "~/utils/db.server";
import { signedIn, submitFilledDraft } from "../../../tests/factories/intake";
import { minimalDicom, minimalPdf, uploadRequest } from "../../../tests/factories/uploads";
import {
  attachmentsRoot,
  listAttachments,
  openAttachment,
  receiveUploads,
  removeAttachment,
} from "./attachments.service.server";
import { createDraft } from "./intake.service.server";

const now = new Date("2026-11-26T01:00:00Z");
const sha = (data: Uint8Array | string) => crypto.createHash("sha256").update(data).digest("hex");
const tempFiles = () =>
  fs.existsSync(path.join(attachmentsRoot(), "tmp")) ? fs.readdirSync(path.join(attachmentsRoot(), "tmp")) : [];

async function draftOf() {
  const db = await getDb();
  const owner = await signedIn(db);
  const id = await createDraft(db, { user: owner.user, now });
  return { db, owner, id, url: `/referrals/${id}/edit/documents` };
}

/** A draft with one PDF letter uploaded, and that attachment as stored. */
async function draftWithLetter() {
  const { db, owner, id, url } = await draftOf();
  await receiveUploads(db, {
    user: owner.user,
    referralId: id,
    request: uploadRequest(url, [{ name: "letter.pdf", content: minimalPdf() }], { cookie: owner.cookie }),
    now,
    csrfInFirstPart: true,
  });
  const [attachment] = await listAttachments(db, id);
  return { db, owner, id, attachment };
}

describe("uploads", () => {
  it("stream each file to disk under DATA_DIR/attachments with its SHA-256 and the type its content shows", async () => {
    const { db, owner, id, url } = await draftOf();
    // Several megabytes in many chunks: written as it arrives, hashed on the way.
    const big = new Uint8Array(5 * 1024 * 1024 + 3);
    crypto.randomFillSync(big);
    big.set(new TextEncoder().encode("%PDF-1.7\n"), 0);
    const files = [
      { name: "의뢰서.pdf", content: minimalPdf() },
      { name: "CT_0001", content: minimalDicom() },
      { name: "scan-report.pdf", content: big },
      { name: "psa.csv", content: "date,psa\n2026-10-01,8.2\n" },
    ];
    const result = await receiveUploads(db, {
      user: owner.user,
      referralId: id,
      request: uploadRequest(url, files, { cookie: owner.cookie, kind: "referral_letter" }),
      now,
      csrfInFirstPart: true,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.files.map((f) => f.ok)).toEqual([true, true, true, true]);
    const stored = await listAttachments(db, id);
    expect(stored.map((a) => [a.fileName, a.kind, a.mediaType, a.sizeBytes])).toEqual([
      ["의뢰서.pdf", "referral_letter", "application/pdf", minimalPdf().length],
      ["CT_0001", "dicom", "application/dicom", minimalDicom().length],
      ["scan-report.pdf", "referral_letter", "application/pdf", big.length],
      ["psa.csv", "referral_letter", "text/csv", 24],
    ]);
    for (const [index, attachment] of stored.entries()) {
      const onDisk = fs.readFileSync(path.join(attachmentsRoot(), id, attachment.id));
      expect(attachment.sha256).toBe(sha(files[index]!.content));
      expect(sha(onDisk)).toBe(attachment.sha256);
    }
    expect(tempFiles()).toEqual([]);
    expect((await auditEventsFor(db, "referral", id)).filter((e) => e.action === "attachment.uploaded")).toHaveLength(
      4,
    );
    // File names may carry the patient's name: the audit log never holds them.
    expect(JSON.stringify(await auditEventsFor(db, "referral", id))).not.toContain("의뢰서");
  });

  it("refuse by content, not by name: a text file called .pdf is refused and nothing of it is kept", async () => {
    const { db, owner, id, url } = await draftOf();
    const request = uploadRequest(
      url,
      [
        { name: "pathology.pdf", content: "This is plain text pretending to be a PDF.\n" },
        { name: "virus.exe", content: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]) },
      ],
      { cookie: owner.cookie },
    );
    const result = await receiveUploads(db, { user: owner.user, referralId: id, request, now, csrfInFirstPart: true });
    expect(result).toMatchObject({
      ok: true,
      files: [
        { fileName: "pathology.pdf", ok: false, code: "name_mismatch" },
        { fileName: "virus.exe", ok: false, code: "type_not_allowed" },
      ],
    });
    expect(await listAttachments(db, id)).toEqual([]);
    expect(tempFiles()).toEqual([]);
    expect(fs.existsSync(path.join(attachmentsRoot(), id))).toBe(false);
  });

  it("keep to the size limits: per file and per referral", async () => {
    const { db, owner, id, url } = await draftOf();
    const limits = { maxFileBytes: 1000, maxReferralBytes: 1500 };
    const text = (n: number) => "x".repeat(n - 1) + "\n";
    const result = await receiveUploads(db, {
      user: owner.user,
      referralId: id,
      request: uploadRequest(
        url,
        [
          { name: "a.txt", content: text(2000) },
          { name: "b.txt", content: text(800) },
          { name: "c.txt", content: text(800) },
        ],
        { cookie: owner.cookie, kind: "lab_results" },
      ),
      now,
      csrfInFirstPart: true,
      limits,
    });
    expect(result).toMatchObject({
      ok: true,
      files: [
        { fileName: "a.txt", code: "too_large" },
        { fileName: "b.txt", ok: true },
        { fileName: "c.txt", code: "referral_full" },
      ],
    });
    expect((await listAttachments(db, id)).map((a) => a.fileName)).toEqual(["b.txt"]);
    // A body larger than what is left is refused before it is read.
    const huge = uploadRequest(url, [{ name: "d.txt", content: text(10) }], { cookie: owner.cookie });
    const declared = new Request(huge, {
      headers: { ...Object.fromEntries(huge.headers), "Content-Length": String(5 * 1024 * 1024) },
    });
    expect(
      await receiveUploads(db, {
        user: owner.user,
        referralId: id,
        request: declared,
        now,
        csrfInFirstPart: true,
        limits,
      }),
    ).toEqual({ ok: false, status: 413, code: "too_large" });
    expect(tempFiles()).toEqual([]);
  });

  it("refuse a body larger than the files it says it carries may be, from Content-Length, without reading it", async () => {
    const { db, owner, id, url } = await draftOf();
    const limits = { maxFileBytes: 1024 * 1024, maxReferralBytes: 2 * 1024 ** 3 };
    let read = false;
    // A body that would take minutes to arrive: any read of it is a failure of this test.
    const body = new ReadableStream<Uint8Array>(
      {
        pull() {
          read = true;
          throw new Error("the body was read");
        },
      },
      { highWaterMark: 0 },
    );
    const headers = (count: number, length: number) => ({
      Cookie: `kq_csrf=${"t".repeat(43)}; ${owner.cookie}`,
      "X-CSRF-Token": "t".repeat(43),
      "Content-Type": "multipart/form-data; boundary=x",
      "Content-Length": String(length),
      "X-Upload-Files": String(count),
    });
    const request = new Request(`http://localhost${url}`, {
      method: "POST",
      headers: headers(1, 3 * 1024 * 1024),
      body,
      duplex: "half",
    } as RequestInit);
    expect(
      await receiveUploads(db, { user: owner.user, referralId: id, request, now, csrfInFirstPart: false, limits }),
    ).toEqual({ ok: false, status: 413, code: "too_large" });
    expect(read).toBe(false);
    // Three files may together be that large: that body is read (and here, being empty, refused as malformed).
    const three = new Request(`http://localhost${url}`, {
      method: "POST",
      headers: headers(3, 3 * 1024 * 1024),
      body: "",
    });
    expect(
      await receiveUploads(db, {
        user: owner.user,
        referralId: id,
        request: three,
        now,
        csrfInFirstPart: false,
        limits,
      }),
    ).not.toMatchObject({ status: 413 });
  });

  it("need the CSRF token as the first part of a form posted without JavaScript, before any file is read", async () => {
    const { db, owner, id, url } = await draftOf();
    for (const csrf of ["none", "wrong"] as const) {
      const result = await receiveUploads(db, {
        user: owner.user,
        referralId: id,
        request: uploadRequest(url, [{ name: "a.pdf", content: minimalPdf() }], { cookie: owner.cookie, csrf }),
        now,
        csrfInFirstPart: true,
      });
      expect(result).toEqual({ ok: false, status: 403, code: "csrf" });
    }
    expect(await listAttachments(db, id)).toEqual([]);
    expect(tempFiles()).toEqual([]);
  });

  it("are for the referral's own physician, while it is a draft or waiting for information", async () => {
    const { db, owner, id, url } = await draftOf();
    const other = await signedIn(db);
    /** One PDF posted from `who`'s browser, the token in the header. */
    const uploadAs = (who: { user: typeof owner.user; cookie: string }) =>
      receiveUploads(db, {
        user: who.user,
        referralId: id,
        request: uploadRequest(url, [{ name: "a.pdf", content: minimalPdf() }], { cookie: who.cookie, csrf: "header" }),
        now,
        csrfInFirstPart: false,
      });
    const result = await uploadAs(other);
    expect(result).toEqual({ ok: false, status: 404, code: "not_found" });
    await submitFilledDraft(db, owner.user, id, now);
    const closed = await uploadAs(owner);
    expect(closed).toEqual({ ok: false, status: 409, code: "closed" });
  });
});

describe("downloads", () => {
  it("open only for the physician and, once sent, the staff of its site; each opening is logged", async () => {
    const { db, owner, id, attachment } = await draftWithLetter();
    const other = await signedIn(db);
    const konyang = await signedIn(db, { role: "coordinator", site: "konyang" });
    const qst = await signedIn(db, { role: "coordinator", site: "qst" });
    const open = (user: typeof owner.user) =>
      openAttachment(db, { user, referralId: id, attachmentId: attachment!.id, now });

    const download = await open(owner.user);
    expect(download).toMatchObject({ file: { fileName: attachment!.fileName, sizeBytes: attachment!.sizeBytes } });
    expect(download!.filePath.endsWith(attachment!.id)).toBe(true);
    expect(await open(other.user)).toBeNull();
    expect(await open(konyang.user)).toBeNull(); // a draft is the physician's alone
    await submitFilledDraft(db, owner.user, id, now);
    expect(await open(konyang.user)).not.toBeNull();
    expect(await open(qst.user)).toBeNull();
    const downloads = (await auditEventsFor(db, "referral", id)).filter((e) => e.action === "attachment.downloaded");
    expect(downloads.map((e) => e.actor_user_id)).toEqual([owner.user.id, konyang.user.id]);
  });

  it("a file removed from a draft is gone from disk and no longer opens", async () => {
    const { db, owner, id, attachment } = await draftWithLetter();
    expect(await removeAttachment(db, { user: owner.user, referralId: id, attachmentId: attachment!.id, now })).toBe(
      true,
    );
    expect(fs.existsSync(path.join(attachmentsRoot(), id, attachment!.id))).toBe(false);
    expect(
      await openAttachment(db, { user: owner.user, referralId: id, attachmentId: attachment!.id, now }),
    ).toBeNull();
  });
});

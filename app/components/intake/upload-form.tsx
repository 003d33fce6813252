import { useRevalidator } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { useRootData } from "~/components/use-root-data";
import { attachmentKinds } from "~/domain/case/vocabulary";
import { uploadFilesHeader } from "~/modules/intake/upload-protocol";

/** `sizeMb` is set when the browser refused the file itself, before sending it. */
export type UploadOutcome = { fileName: string; ok: boolean; code?: string; sizeMb?: number };
export type UploadAnswer = { files?: UploadOutcome[]; error?: string };

/** Where an upload stands: the bar shows progress while sending, and after it completion only if every file was added. */
type Phase = { kind: "sending"; percent: number } | { kind: "done" } | { kind: "partial" } | { kind: "refused" };

const MB = 1024 * 1024;

type Props = {
  referralId: string;
  /** Where the form posts without JavaScript (the page itself, which reads the multipart body as a stream). */
  action: string;
  /** The outcome of a post without JavaScript, from the page's action. */
  posted?: UploadAnswer | null;
  defaultKind?: string;
  maxFileMb: number;
};

function Outcomes({ answer, maxFileMb }: { answer: UploadAnswer; maxFileMb: number }) {
  const { t } = useTranslation();
  if (answer.error === "too_large")
    return <p className="upload__error">{t("intake:documents.tooLargeUpload", { max: maxFileMb })}</p>;
  if (answer.error) return <p className="upload__error">{t(`intake:documents.errors.${answer.error}`)}</p>;
  return (
    <ul className="upload__outcomes">
      {(answer.files ?? []).map((file, index) => (
        <li key={`${file.fileName}-${index}`} className={file.ok ? "upload__ok" : "upload__refused"} data-ok={file.ok}>
          <span aria-hidden="true">{file.ok ? "✓ " : "✕ "}</span>
          {file.ok
            ? t("intake:documents.added", { name: file.fileName })
            : file.sizeMb !== undefined
              ? t("intake:documents.notSent", { name: file.fileName, size: file.sizeMb, max: maxFileMb })
              : t("intake:documents.refused", {
                  name: file.fileName || t("intake:documents.unnamed"),
                  reason: t(`intake:documents.errors.${file.code}`),
                })}
        </li>
      ))}
    </ul>
  );
}

/**
 * Adds documents to a referral: several files at once, each streamed to disk by the server. Without JavaScript it is
 * a plain multipart form whose first field is the CSRF token; with JavaScript the files go by XMLHttpRequest with the
 * token in a header, and a progress bar shows how far the upload has got.
 */
/** The phase a finished upload's answer leaves the bar in: completion only when every file was added. */
function phaseOf(answer: UploadAnswer): Phase {
  const files = answer.files ?? [];
  if (answer.error || !files.some((f) => f.ok)) return { kind: "refused" };
  return files.every((f) => f.ok) ? { kind: "done" } : { kind: "partial" };
}

export function UploadForm({ referralId, action, posted, defaultKind = "referral_letter", maxFileMb }: Props) {
  const { t } = useTranslation();
  const root = useRootData();
  const revalidator = useRevalidator();
  const ids = useId();
  const [phase, setPhase] = useState<Phase | null>(null);
  const [answer, setAnswer] = useState<UploadAnswer | null>(posted ?? null);
  const [busy, setBusy] = useState(false);
  const request = useRef<XMLHttpRequest | null>(null);
  const [hydrated, setHydrated] = useState(false);

  useEffect(() => {
    setHydrated(true);
    return () => request.current?.abort();
  }, []);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (typeof XMLHttpRequest === "undefined") return;
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    data.delete("_csrf");
    const files = data.getAll("files").filter((f): f is File => typeof f !== "string" && f.name !== "");
    if (files.length === 0) {
      setPhase(null);
      setAnswer({ error: "no_files" });
      return;
    }
    // A file over the limit is refused here, at once, instead of after minutes of sending it for nothing.
    const maxFileBytes = maxFileMb * MB;
    const fits = files.filter((f) => f.size <= maxFileBytes);
    const inOrder = (sent: UploadOutcome[]) => {
      let next = 0;
      return files.map((f): UploadOutcome =>
        f.size > maxFileBytes
          ? { fileName: f.name, ok: false, code: "too_large", sizeMb: Math.ceil(f.size / MB) }
          : (sent[next++] ?? { fileName: f.name, ok: false, code: "malformed" }),
      );
    };
    if (fits.length === 0) {
      const refused = { files: inOrder([]) };
      setPhase(phaseOf(refused));
      setAnswer(refused);
      return;
    }
    data.delete("files");
    for (const file of fits) data.append("files", file);
    const xhr = new XMLHttpRequest();
    request.current = xhr;
    xhr.open("POST", `/referrals/${referralId}/upload`);
    xhr.setRequestHeader("X-CSRF-Token", root?.csrfToken ?? "");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader(uploadFilesHeader, String(fits.length));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable)
        setPhase({ kind: "sending", percent: Math.min(100, Math.round((e.loaded / e.total) * 100)) });
    };
    xhr.onload = () => {
      setBusy(false);
      let body: UploadAnswer;
      try {
        body = JSON.parse(xhr.responseText) as UploadAnswer;
      } catch {
        body = { error: xhr.status === 413 ? "too_large" : "failed" };
      }
      const answered = body.files ? { files: inOrder(body.files) } : body;
      setPhase(phaseOf(answered));
      setAnswer(answered);
      if (body.files?.some((f) => f.ok)) form.reset();
      revalidator.revalidate();
    };
    xhr.onerror = () => {
      setBusy(false);
      setPhase({ kind: "refused" });
      setAnswer({ error: "failed" });
    };
    setBusy(true);
    setAnswer(null);
    setPhase({ kind: "sending", percent: 0 });
    xhr.send(data);
  };

  return (
    <form
      method="post"
      encType="multipart/form-data"
      action={action}
      className="upload"
      onSubmit={onSubmit}
      data-form="upload"
      data-hydrated={hydrated ? "true" : undefined}
      noValidate
    >
      {/* The token first: without JavaScript the server checks it before it reads any file. */}
      <CsrfInput />
      <input type="hidden" name="intent" value="upload" />
      <div className="field">
        <label htmlFor={`${ids}-kind`}>{t("intake:documents.kindLabel")}</label>
        <p className="hint" id={`${ids}-kind-hint`}>
          {t("intake:documents.kindHint")}
        </p>
        <select id={`${ids}-kind`} name="kind" defaultValue={defaultKind} aria-describedby={`${ids}-kind-hint`}>
          {attachmentKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`intake:documents.kinds.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-files`}>{t("intake:documents.filesLabel")}</label>
        <p className="hint" id={`${ids}-files-hint`}>
          {t("intake:documents.filesHint", { size: maxFileMb })}
        </p>
        <input id={`${ids}-files`} type="file" name="files" multiple aria-describedby={`${ids}-files-hint`} />
      </div>
      <button type="submit" className="button button--secondary" disabled={busy}>
        {t("intake:documents.upload")}
      </button>
      <div className="upload__status" role="status">
        {phase?.kind === "sending" || phase?.kind === "done" ? (
          <div className="upload__progress" data-phase={phase.kind}>
            <label htmlFor={`${ids}-progress`}>
              {phase.kind === "sending" ? t("intake:documents.uploading") : t("intake:documents.uploaded")}
            </label>
            <progress
              id={`${ids}-progress`}
              max={100}
              value={phase.kind === "sending" ? phase.percent : 100}
              data-testid="upload-progress"
            >
              {phase.kind === "sending" ? phase.percent : 100}%
            </progress>
            <span aria-hidden="true">
              {t("intake:documents.percent", { value: phase.kind === "sending" ? phase.percent : 100 })}
            </span>
          </div>
        ) : phase ? (
          // Not "complete": a refused or partly refused upload says so where the bar was.
          <p className="upload__progress upload__refused" data-phase={phase.kind} data-testid="upload-phase">
            <span aria-hidden="true">{"✕ "}</span>
            {t(phase.kind === "refused" ? "intake:documents.notUploaded" : "intake:documents.partlyUploaded")}
          </p>
        ) : null}
        {answer ? <Outcomes answer={answer} maxFileMb={maxFileMb} /> : null}
      </div>
    </form>
  );
}

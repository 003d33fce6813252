import { useId } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { attachmentKinds } from "~/domain/case/vocabulary";
import { useUpload, type Phase, type UploadAnswer } from "./use-upload";

export type { UploadAnswer, UploadOutcome } from "./use-upload";

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

/** Where the upload stands, announced: the bar while sending and once all is added, else what was refused. */
function UploadStatus({ ids, phase }: { ids: string; phase: Phase | null }) {
  const { t } = useTranslation();
  if (phase?.kind === "sending" || phase?.kind === "done") {
    const percent = phase.kind === "sending" ? phase.percent : 100;
    return (
      <div className="upload__progress" data-phase={phase.kind}>
        <label htmlFor={`${ids}-progress`}>
          {phase.kind === "sending" ? t("intake:documents.uploading") : t("intake:documents.uploaded")}
        </label>
        <progress id={`${ids}-progress`} max={100} value={percent} data-testid="upload-progress">
          {percent}%
        </progress>
        <span aria-hidden="true">{t("intake:documents.percent", { value: percent })}</span>
      </div>
    );
  }
  if (!phase) return null;
  // Not "complete": a refused or partly refused upload says so where the bar was.
  return (
    <p className="upload__progress upload__refused" data-phase={phase.kind} data-testid="upload-phase">
      <span aria-hidden="true">{"✕ "}</span>
      {t(phase.kind === "refused" ? "intake:documents.notUploaded" : "intake:documents.partlyUploaded")}
    </p>
  );
}

/**
 * Adds documents to a referral: several files at once, each streamed to disk by the server. Without JavaScript it is
 * a plain multipart form whose first field is the CSRF token; with JavaScript the files go by XMLHttpRequest with the
 * token in a header, and a progress bar shows how far the upload has got.
 */
export function UploadForm({ referralId, action, posted, defaultKind = "referral_letter", maxFileMb }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const { phase, answer, busy, hydrated, onSubmit } = useUpload(referralId, maxFileMb, posted);
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
        <UploadStatus ids={ids} phase={phase} />
        {answer ? <Outcomes answer={answer} maxFileMb={maxFileMb} /> : null}
      </div>
    </form>
  );
}

import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useRootData } from "~/components/use-root-data";
import { uploadFilesHeader } from "~/modules/intake/upload-protocol";

/** `sizeMb` is set when the browser refused the file itself, before sending it. */
export type UploadOutcome = { fileName: string; ok: boolean; code?: string; sizeMb?: number };
export type UploadAnswer = { files?: UploadOutcome[]; error?: string };

/** Where an upload stands: the bar shows progress while sending, and after it completion only if every file was added. */
export type Phase = { kind: "sending"; percent: number } | { kind: "done" } | { kind: "partial" } | { kind: "refused" };

const MB = 1024 * 1024;

/** The phase a finished upload's answer leaves the bar in: completion only when every file was added. */
function phaseOf(answer: UploadAnswer): Phase {
  const files = answer.files ?? [];
  if (answer.error || !files.some((f) => f.ok)) return { kind: "refused" };
  return files.every((f) => f.ok) ? { kind: "done" } : { kind: "partial" };
}

/**
 * Every chosen file's outcome in the order chosen: the ones too large were refused here, at once, instead of after
 * minutes of sending them for nothing; the others take the server's answers in turn.
 */
function outcomesInOrder(files: File[], maxFileBytes: number) {
  return (sent: UploadOutcome[]) => {
    let next = 0;
    return files.map((f): UploadOutcome =>
      f.size > maxFileBytes
        ? { fileName: f.name, ok: false, code: "too_large", sizeMb: Math.ceil(f.size / MB) }
        : (sent[next++] ?? { fileName: f.name, ok: false, code: "malformed" }),
    );
  };
}

/** The server's JSON answer, or what its status means when the body is not JSON (a proxy's 413). */
function answerOf(xhr: XMLHttpRequest): UploadAnswer {
  try {
    return JSON.parse(xhr.responseText) as UploadAnswer;
  } catch {
    return { error: xhr.status === 413 ? "too_large" : "failed" };
  }
}

/**
 * The upload with JavaScript: the files go by XMLHttpRequest with the CSRF token in a header, the progress and the
 * outcome of each file are kept for the form to show, and the page's data is read again once files were added.
 * Without XMLHttpRequest the form posts natively and this does nothing.
 */
export function useUpload(referralId: string, maxFileMb: number, posted: UploadAnswer | null | undefined) {
  const root = useRootData();
  const revalidator = useRevalidator();
  const [phase, setPhase] = useState<Phase | null>(null);
  const [answer, setAnswer] = useState<UploadAnswer | null>(posted ?? null);
  const [busy, setBusy] = useState(false);
  const request = useRef<XMLHttpRequest | null>(null);
  const [hydrated, setHydrated] = useState(false);

  useEffect(() => {
    setHydrated(true);
    return () => request.current?.abort();
  }, []);

  const show = (answered: UploadAnswer) => {
    setPhase(phaseOf(answered));
    setAnswer(answered);
  };

  const send = (form: HTMLFormElement, data: FormData, count: number, inOrder: ReturnType<typeof outcomesInOrder>) => {
    const xhr = new XMLHttpRequest();
    request.current = xhr;
    xhr.open("POST", `/referrals/${referralId}/upload`);
    xhr.setRequestHeader("X-CSRF-Token", root?.csrfToken ?? "");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader(uploadFilesHeader, String(count));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable)
        setPhase({ kind: "sending", percent: Math.min(100, Math.round((e.loaded / e.total) * 100)) });
    };
    xhr.onload = () => {
      setBusy(false);
      const body = answerOf(xhr);
      show(body.files ? { files: inOrder(body.files) } : body);
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
    const maxFileBytes = maxFileMb * MB;
    const fits = files.filter((f) => f.size <= maxFileBytes);
    const inOrder = outcomesInOrder(files, maxFileBytes);
    if (fits.length === 0) return show({ files: inOrder([]) });
    data.delete("files");
    for (const file of fits) data.append("files", file);
    send(form, data, fits.length, inOrder);
  };

  return { phase, answer, busy, hydrated, onSubmit };
}

import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { parseRowIntent } from "~/components/forms/repeatable-rows";
import { isIndication, precheckFacts } from "~/modules/screening/precheck-form";
import type { FormValues } from "~/utils/form.server";
import { listFields, type Intent, type PrecheckAnswer } from "./answer";

const LIVE_DELAY_MS = 300;

/** The form's fields as posted (the same map the action reads). */
function formValuesOf(formData: FormData): FormValues {
  const out: FormValues = {};
  for (const [name, value] of formData) if (typeof value === "string") out[name] = value;
  return out;
}

/**
 * The pre-check's behaviour with JavaScript: the answer recomputed in the background as fields change, the questions
 * that apply following the answers, and the submit sent by a fetcher (rows added or removed still post the page).
 */
export function usePrecheckForm(posted: PrecheckAnswer | undefined) {
  const fetcher = useFetcher<PrecheckAnswer>();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [hydrated, setHydrated] = useState(false);
  const [facts, setFacts] = useState(() => precheckFacts(posted?.values ?? {}));

  useEffect(() => {
    setHydrated(true);
    // After "add another" (a full page post) the new row's first field takes the focus.
    if (posted?.focus) document.getElementById(posted.focus)?.focus();
    return () => clearTimeout(timer.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on the page the post returned
  }, []);

  const send = (intent: Intent) => {
    const form = formRef.current;
    if (!form) return;
    const formData = new FormData(form);
    formData.set("intent", intent);
    fetcher.submit(formData, { method: "post" });
  };

  const onChange = () => {
    // Which questions apply follows the answers (indication, sex, metastasis to the liver).
    if (formRef.current) setFacts(precheckFacts(formValuesOf(new FormData(formRef.current))));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => send("live"), LIVE_DELAY_MS);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // A row added or removed posts the page itself, as without JavaScript (the form is rebuilt with the new rows).
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (
      submitter &&
      parseRowIntent(
        submitter.value,
        listFields.map((f) => f.path),
      )
    )
      return;
    event.preventDefault();
    clearTimeout(timer.current);
    send("screen");
  };

  const onIndicationChange = (indication: string) =>
    setFacts((f) => ({ ...f, indication: isIndication(indication) ? indication : null }));

  return { fetcher, formRef, hydrated, facts, onChange, onSubmit, onIndicationChange };
}

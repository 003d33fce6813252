import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { SectionAnswer } from "./answer";

const AUTOSAVE_DELAY_MS = 1000;

/**
 * Every change is saved on the server a moment after typing stops: the draft can be resumed on any device.
 * Also says when the page is hydrated (the subscription starts then).
 */
export function useAutosave(form: UseFormReturn<Record<string, unknown>>, key: string) {
  const autosave = useFetcher<SectionAnswer>({ key });
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [hydrated, setHydrated] = useState(false);

  const sendAutosave = () => {
    const element = formRef.current;
    if (!element) return;
    const formData = new FormData(element);
    formData.set("intent", "autosave");
    autosave.submit(formData, { method: "post" });
  };
  const cancelAutosave = () => clearTimeout(timer.current);

  useEffect(() => {
    setHydrated(true);
    const subscription = form.watch(() => {
      clearTimeout(timer.current);
      timer.current = setTimeout(sendAutosave, AUTOSAVE_DELAY_MS);
    });
    return () => {
      subscription.unsubscribe();
      clearTimeout(timer.current);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- subscribe once; sendAutosave reads the form element itself
  }, [form]);

  const answer = autosave.data?.kind === "autosave" ? autosave.data : undefined;
  return { formRef, hydrated, sendAutosave, cancelAutosave, busy: autosave.state !== "idle", answer };
}

import { useSubmit } from "@remix-run/react";
import { useEffect, useMemo, useState, type FormEvent, type KeyboardEvent } from "react";
import { useForm, type UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { fieldLabel } from "~/components/intake/intake-field";
import { flatErrors, intakeResolver, nested } from "~/components/intake/use-intake-form";
import { toE164, toKatakanaReading, type FlatValues, type FormSection } from "~/modules/intake/intake-form";
import type { SectionAnswer } from "./answer";
import { useAutosave } from "./use-autosave";

type Input = {
  id: string;
  section: FormSection;
  today: string;
  saved: Record<string, unknown>;
  initial: FlatValues;
  invalid: Extract<SectionAnswer, { kind: "invalid" }> | undefined;
  rowsAnswer: Extract<SectionAnswer, { kind: "rows" }> | undefined;
};

/**
 * The section form's behaviour: react-hook-form with the section's schema, autosave, the submit that checks in the
 * browser first, tidying on blur, and the errors to show (the server's until the browser has checked).
 */
export function useSectionForm({ id, section, today, saved, initial, invalid, rowsAnswer }: Input) {
  const { t } = useTranslation();
  const resolver = useMemo(() => intakeResolver(section, today, saved, t), [section, today, saved, t]);
  const form = useForm<Record<string, unknown>>({
    defaultValues: nested(initial),
    resolver,
    mode: "onTouched",
    reValidateMode: "onChange",
    shouldFocusError: false,
  });
  useEffect(() => {
    // After "add another" the new row's first field takes the focus (after "remove", the add button).
    if (rowsAnswer) document.getElementById(rowsAnswer.focus)?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per answer: the form is remounted for each
  }, []);
  const autosave = useAutosave(form, `autosave-${id}-${section}`);
  const [summary, setSummary] = useState<Record<string, string> | undefined>(undefined);
  const onSubmit = useSubmitHandler(form, autosave, setSummary);

  const clientErrors = flatErrors(form.formState.errors);
  const serverErrors = { ...(invalid?.errors ?? {}), ...(autosave.answer?.errors ?? {}) };
  const errors =
    autosave.hydrated && form.formState.isSubmitted ? { ...clientErrors } : { ...serverErrors, ...clientErrors };
  const summaryErrors = useSummaryErrors(summary ?? invalid?.errors);
  return { form, autosave, onSubmit, onKeyDown, errors, summaryErrors, onBlurField: tidyOnBlur(form) };
}

/** "Continue" is checked in the browser first (invalid: the summary, and what was typed is saved); others post. */
function useSubmitHandler(
  form: UseFormReturn<Record<string, unknown>>,
  autosave: ReturnType<typeof useAutosave>,
  setSummary: (errors: Record<string, string>) => void,
) {
  const submit = useSubmit();
  return (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    // The unnamed default button (Enter in a field) means "continue".
    const intent = submitter?.name === "intent" ? submitter.value : "continue";
    autosave.cancelAutosave();
    if (intent !== "continue") {
      event.preventDefault();
      submit(submitter ?? event.currentTarget, { method: "post" });
      return;
    }
    void form.handleSubmit(
      () => submit(submitter ?? autosave.formRef.current, { method: "post" }),
      (errors) => {
        setSummary(flatErrors(errors));
        // Invalid or not, what was typed is saved.
        autosave.sendAutosave();
      },
    )(event);
  };
}

// No Enter-submits while an input method (Korean, Japanese) is still composing a word.
function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
  if (event.key === "Enter" && (event.nativeEvent.isComposing || event.keyCode === 229)) event.preventDefault();
}

/** A name reading becomes katakana and a phone number E.164 when the field is left. */
function tidyOnBlur(form: UseFormReturn<Record<string, unknown>>) {
  return (path: string) => {
    const current = form.getValues(path);
    if (typeof current !== "string" || current === "") return;
    let tidy = current;
    if (path === "patient.nameReading") tidy = toKatakanaReading(current);
    if (path === "patient.phone") tidy = toE164(current, form.getValues("patient.residenceCountry")) ?? current;
    if (tidy !== current) form.setValue(path, tidy, { shouldValidate: true, shouldDirty: true });
  };
}

/** The summary names each field with its problem; memoised, since a new object would take the focus again. */
function useSummaryErrors(source: Record<string, string> | undefined) {
  const { t } = useTranslation();
  return useMemo(() => {
    if (!source) return undefined;
    return Object.fromEntries(
      Object.entries(source).map(([path, message]) => [
        path,
        t("intake:review.problem", { field: fieldLabel(t, path), message }),
      ]),
    );
  }, [source, t]);
}

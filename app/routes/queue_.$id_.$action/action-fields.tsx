import { useTranslation } from "react-i18next";
import { CheckboxList } from "~/components/forms/checkbox-list";
import { RadioGroup } from "~/components/forms/radio-group";
import { personName } from "~/i18n/person-name";
import { declineReasons, redirectReasons, type FormAction } from "~/modules/queue/queue.schema";
import type { ActionAnswer } from "./action-answer.server";
import type { ActionPageData } from "./action-page.server";
import { NoteArea } from "./note-area";
import { ScheduleFields } from "./schedule-fields";

/** What was typed before a refusal, read back field by field. */
type Typed = {
  errors: Record<string, string>;
  text: (name: string) => string | undefined;
  list: (name: string, fallback: string[]) => string[];
};

function typedFrom(answer: ActionAnswer | undefined): Typed {
  const values = answer?.values ?? {};
  return {
    errors: answer?.errors ?? {},
    text: (name) => (typeof values[name] === "string" ? (values[name] as string) : undefined),
    list: (name, fallback) => (Array.isArray(values[name]) ? (values[name] as string[]) : fallback),
  };
}

function AssignFields({ page, typed }: { page: ActionPageData; typed: Typed }) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      name="assigneeId"
      legend={t("queue:actionPage.assignee")}
      options={page.staff.map((p) => ({
        value: p.id,
        label: `${personName(p.familyName, p.givenName)} (${t(`roles.${p.role}`)})`,
      }))}
      defaultValue={typed.text("assigneeId") ?? page.assigneeId ?? undefined}
      error={typed.errors.assigneeId}
    />
  );
}

/** The documents and fields to ask the physician for (the missing ones ticked), and the message that goes with them. */
function RequestInfoFields({ page, typed }: { page: ActionPageData; typed: Typed }) {
  const { t } = useTranslation();
  const { errors, text, list } = typed;
  return (
    <>
      <CheckboxList
        name="documents"
        legend={t("queue:actionPage.documents")}
        hint={t("queue:actionPage.documentsHint")}
        options={page.documents.map((d) => ({
          value: d.id,
          label: t(`intake:documents.items.${d.id}`),
          hint: d.provided ? t("queue:actionPage.provided") : undefined,
        }))}
        checked={list(
          "documents",
          page.documents.filter((d) => d.missing).map((d) => d.id),
        )}
        error={errors.documents}
      />
      <CheckboxList
        name="fields"
        legend={t("queue:actionPage.missingFields")}
        hint={
          page.missingFields.length ? t("queue:actionPage.missingFieldsHint") : t("queue:actionPage.noMissingFields")
        }
        options={page.missingFields.map((path) => ({ value: path, label: t(`screen:fields.${path}`) }))}
        checked={list("fields", page.missingFields)}
      />
      <details>
        <summary>{t("queue:actionPage.otherFields")}</summary>
        <CheckboxList
          name="fields"
          idName="otherFields"
          legend={t("queue:actionPage.otherFieldsLegend")}
          options={page.otherFields.map((path) => ({ value: path, label: t(`screen:fields.${path}`) }))}
          checked={list("fields", [])}
        />
      </details>
      <NoteArea
        name="message"
        label={t("queue:actionPage.message")}
        hint={t("queue:actionPage.messageHint")}
        error={errors.message}
        defaultValue={text("message")}
      />
      <p className="notice">{t("queue:actionPage.clockPauses")}</p>
    </>
  );
}

/** Decline or redirect: a coded reason (the reviewer's, when their decision is this step) and words for it. */
function ReasonFields({ action, page, typed }: { action: "decline" | "redirect"; page: ActionPageData; typed: Typed }) {
  const { t } = useTranslation();
  const reasons = action === "decline" ? declineReasons : redirectReasons;
  const fromRecord = page.clinical?.agrees ? (page.clinical.record?.reasonCode ?? undefined) : undefined;
  const book = action === "decline" ? "declineReasons" : "redirectReasons";
  return (
    <>
      <RadioGroup
        name="reasonCode"
        legend={t("queue:actionPage.reason")}
        options={reasons.map((code) => ({ value: code, label: t(`queue:${book}.${code}`) }))}
        defaultValue={typed.text("reasonCode") ?? fromRecord}
        hint={fromRecord ? t("decisions:signoff.reasonFromRecord") : undefined}
        error={typed.errors.reasonCode}
      />
      <NoteArea
        name="note"
        label={t("queue:actionPage.reasonText")}
        hint={t(action === "decline" ? "queue:actionPage.declineTextHint" : "queue:actionPage.redirectTextHint")}
        error={typed.errors.note}
        defaultValue={typed.text("note")}
      />
    </>
  );
}

/** The fields of one staff step, filled again with what was typed when the step was refused. */
export function ActionFields({ page, answer }: { page: ActionPageData; answer: ActionAnswer | undefined }) {
  const { t } = useTranslation();
  const typed = typedFrom(answer);
  const action: FormAction = page.action;
  switch (action) {
    case "assign":
      return <AssignFields page={page} typed={typed} />;
    case "request_info":
      return <RequestInfoFields page={page} typed={typed} />;
    case "decline":
    case "redirect":
      return <ReasonFields action={action} page={page} typed={typed} />;
    case "schedule":
      return page.booking ? (
        <ScheduleFields
          booking={page.booking}
          errors={typed.errors}
          text={typed.text}
          warnings={answer?.warnings}
          siteName={page.siteName}
          interpreterHintQst={page.interpreterHint}
        />
      ) : null;
    default:
      return (
        <NoteArea
          name="note"
          label={t("queue:actionPage.note")}
          hint={t("queue:actionPage.noteHint")}
          error={typed.errors.note}
          defaultValue={typed.text("note")}
        />
      );
  }
}

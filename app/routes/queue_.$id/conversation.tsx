import { useTranslation } from "react-i18next";
import { MessageForm } from "~/components/forms/message-form";
import { MessageThread } from "~/components/message-thread";
import type { StaffReferralPageData } from "~/modules/queue/staff-referral-page.server";
import { BodyField } from "./body-field";

type Answer = { form: string; errors?: Record<string, string>; values?: Record<string, string> } | undefined;

/** What a refused post of the form `form` brings back to it: the error under `errorKey` and the typed text. */
function typedBack(answer: Answer, form: string, errorKey: string) {
  return answer?.form === form ? { error: answer.errors?.[errorKey], defaultValue: answer.values?.body } : {};
}

/** The conversation with the referring physician, and the form to write to them. */
export function MessagesSection({ r, answer }: { r: StaffReferralPageData; answer: Answer }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="messages-heading" id="messages">
      <h2 id="messages-heading">{t("queue:messages.heading")}</h2>
      <p className="hint">{t("queue:messages.hint")}</p>
      <MessageThread
        testId="thread"
        none={t("queue:messages.none")}
        entries={r.thread.map((m) => ({
          id: m.id,
          side: m.fromPhysician ? "from-physician" : "from-staff",
          meta: `${t(`queue:messages.kinds.${m.kind}`)} · ${m.author ?? "—"} · ${m.at}`,
          body: m.body,
        }))}
      />
      <MessageForm intent="message" name="message" send={t("queue:messages.send")}>
        <BodyField
          name="messageBody"
          label={t("queue:messages.label")}
          hint={t("queue:messages.sendHint")}
          {...typedBack(answer, "message", "messageBody")}
        />
      </MessageForm>
    </section>
  );
}

/** The site's internal notes (never shown to the physician or the patient), and the form to add one. */
export function NotesSection({ r, answer }: { r: StaffReferralPageData; answer: Answer }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="notes-heading" id="notes">
      <h2 id="notes-heading">{t("queue:notes.heading")}</h2>
      <p className="hint">{t("queue:notes.hint")}</p>
      <MessageThread
        testId="notes"
        none={t("queue:notes.none")}
        entries={r.notes.map((n) => ({ id: n.id, side: "from-staff", meta: `${n.author} · ${n.at}`, body: n.body }))}
      />
      <MessageForm intent="note" name="note" send={t("queue:notes.add")}>
        <BodyField name="noteBody" label={t("queue:notes.label")} {...typedBack(answer, "note", "noteBody")} />
      </MessageForm>
    </section>
  );
}

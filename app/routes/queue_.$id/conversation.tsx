import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { MessageForm } from "~/components/forms/message-form";
import { MessageThread, type ThreadEntry } from "~/components/message-thread";
import type { StaffReferralPageData } from "~/modules/queue/staff-referral-page.server";
import { BodyField } from "./body-field";

type Answer = { form: string; errors?: Record<string, string>; values?: Record<string, string> } | undefined;

/** What a refused post of the form `form` brings back to it: the error under `errorKey` and the typed text. */
function typedBack(answer: Answer, form: string, errorKey: string) {
  return answer?.form === form ? { error: answer.errors?.[errorKey], defaultValue: answer.values?.body } : {};
}

/**
 * A thread of the referral's page (`messages` or `notes`, which name its section, its anchor and its words): the
 * heading, who sees it, the entries oldest first, then the form that adds to it.
 */
function ThreadSection({
  name,
  testId,
  entries,
  children,
}: {
  name: "messages" | "notes";
  testId: string;
  entries: ThreadEntry[];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${name}-heading`} id={name}>
      <h2 id={`${name}-heading`}>{t(`queue:${name}.heading`)}</h2>
      <p className="hint">{t(`queue:${name}.hint`)}</p>
      <MessageThread testId={testId} none={t(`queue:${name}.none`)} entries={entries} />
      {children}
    </section>
  );
}

/** The conversation with the referring physician, and the form to write to them. */
export function MessagesSection({ r, answer }: { r: StaffReferralPageData; answer: Answer }) {
  const { t } = useTranslation();
  const entries = r.thread.map((m) => ({
    id: m.id,
    side: m.fromPhysician ? "from-physician" : "from-staff",
    meta: `${t(`queue:messages.kinds.${m.kind}`)} · ${m.author ?? "—"} · ${m.at}`,
    body: m.body,
  }));
  return (
    <ThreadSection name="messages" testId="thread" entries={entries}>
      <MessageForm intent="message" name="message" send={t("queue:messages.send")}>
        <BodyField
          name="messageBody"
          label={t("queue:messages.label")}
          hint={t("queue:messages.sendHint")}
          {...typedBack(answer, "message", "messageBody")}
        />
      </MessageForm>
    </ThreadSection>
  );
}

/** The site's internal notes (never shown to the physician or the patient), and the form to add one. */
export function NotesSection({ r, answer }: { r: StaffReferralPageData; answer: Answer }) {
  const { t } = useTranslation();
  const entries = r.notes.map((n) => ({ id: n.id, side: "from-staff", meta: `${n.author} · ${n.at}`, body: n.body }));
  return (
    <ThreadSection name="notes" testId="notes" entries={entries}>
      <MessageForm intent="note" name="note" send={t("queue:notes.add")}>
        <BodyField name="noteBody" label={t("queue:notes.label")} {...typedBack(answer, "note", "noteBody")} />
      </MessageForm>
    </ThreadSection>
  );
}

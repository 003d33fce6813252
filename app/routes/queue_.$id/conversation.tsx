import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import type { StaffReferralPageData } from "~/modules/queue/staff-referral-page.server";
import { BodyField } from "./body-field";

type Answer = { form: string; errors?: Record<string, string>; values?: Record<string, string> } | undefined;

/** The conversation with the referring physician, and the form to write to them. */
export function MessagesSection({ r, answer }: { r: StaffReferralPageData; answer: Answer }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="messages-heading" id="messages">
      <h2 id="messages-heading">{t("queue:messages.heading")}</h2>
      <p className="hint">{t("queue:messages.hint")}</p>
      {r.thread.length ? (
        <ul className="thread" data-testid="thread">
          {r.thread.map((m) => (
            <li key={m.id} className={m.fromPhysician ? "from-physician" : "from-staff"}>
              <p className="meta">
                {t(`queue:messages.kinds.${m.kind}`)} · {m.author ?? "—"} · {m.at}
              </p>
              <p className="pre-line">{m.body}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("queue:messages.none")}</p>
      )}
      <Form method="post" data-form="message">
        <CsrfInput />
        <input type="hidden" name="intent" value="message" />
        <BodyField
          name="messageBody"
          label={t("queue:messages.label")}
          hint={t("queue:messages.sendHint")}
          error={answer?.form === "message" ? answer.errors?.messageBody : undefined}
          defaultValue={answer?.form === "message" ? answer.values?.body : undefined}
        />
        <button type="submit" className="button button--secondary">
          {t("queue:messages.send")}
        </button>
      </Form>
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
      {r.notes.length ? (
        <ul className="thread" data-testid="notes">
          {r.notes.map((n) => (
            <li key={n.id} className="from-staff">
              <p className="meta">
                {n.author} · {n.at}
              </p>
              <p className="pre-line">{n.body}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("queue:notes.none")}</p>
      )}
      <Form method="post" data-form="note">
        <CsrfInput />
        <input type="hidden" name="intent" value="note" />
        <BodyField
          name="noteBody"
          label={t("queue:notes.label")}
          error={answer?.form === "note" ? answer.errors?.noteBody : undefined}
          defaultValue={answer?.form === "note" ? answer.values?.body : undefined}
        />
        <button type="submit" className="button button--secondary">
          {t("queue:notes.add")}
        </button>
      </Form>
    </section>
  );
}

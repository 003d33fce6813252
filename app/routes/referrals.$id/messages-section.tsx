import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { PostForm } from "~/components/forms/post-form";
import { TextAreaField } from "~/components/forms/text-area-field";
import { useDateTime } from "~/components/intake/history";
import { personName } from "~/i18n/person-name";
import type { MessageView } from "~/modules/intake/messages.service.server";
import type { MessageAnswer } from "./answer";

/** The conversation with the receiving site's team and the form to write to it. */
export function MessagesSection({ messages, posted }: { messages: MessageView[]; posted: MessageAnswer | undefined }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="messages-title" className="messages">
      <h2 id="messages-title">{t("intake:messages.title")}</h2>
      {messages.length ? <MessageList messages={messages} /> : <p>{t("intake:messages.none")}</p>}
      <ErrorSummary errors={posted?.errors} />
      <PostForm
        data-form="message"
        noValidate
        className="form"
        submit={{ text: t("intake:messages.send"), variant: "secondary", name: "intent", value: "message" }}
      >
        <TextAreaField
          rows={5}
          name="message"
          label={t("intake:messages.label")}
          hint={t("intake:messages.hint")}
          error={posted?.errors.message}
          defaultValue={posted?.message}
        />
      </PostForm>
    </section>
  );
}

function MessageList({ messages }: { messages: MessageView[] }) {
  const { t } = useTranslation();
  const when = useDateTime();
  return (
    <ol className="message-list">
      {messages.map((m) => (
        <li key={m.id}>
          <p className="decision__label">
            {m.fromYou
              ? t("intake:messages.fromYou")
              : t("intake:messages.fromTeam", {
                  name: personName(m.familyName, m.givenName),
                  role: t(`roles.${m.role}`),
                })}{" "}
            {when(m.at)}
          </p>
          <blockquote className="history__note">{m.body}</blockquote>
        </li>
      ))}
    </ol>
  );
}

import { useTranslation } from "react-i18next";
import { useDateTime } from "~/components/intake/history";
import { personName } from "~/i18n/person-name";
import type { MessageView } from "~/modules/intake/messages.service.server";
import type { MessageAnswer } from "./answer";
import { FormSection } from "./form-section";

/** The conversation with the receiving site's team and the form to write to it. */
export function MessagesSection({ messages, posted }: { messages: MessageView[]; posted: MessageAnswer | undefined }) {
  const { t } = useTranslation();
  return (
    <FormSection
      name="messages"
      intro={messages.length ? <MessageList messages={messages} /> : <p>{t("intake:messages.none")}</p>}
      intent="message"
      posted={posted}
      submit={{ text: t("intake:messages.send"), variant: "secondary" }}
      textBox={{ name: "message", label: t("intake:messages.label"), hint: t("intake:messages.hint") }}
    />
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

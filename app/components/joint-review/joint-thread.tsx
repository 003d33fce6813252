import { useTranslation } from "react-i18next";
import { MessageForm } from "~/components/forms/message-form";
import { TextAreaField } from "~/components/forms/text-area-field";
import { MessageThread } from "~/components/message-thread";
import { personName } from "~/i18n/person-name";

export type JointMessageView = {
  id: string;
  at: string;
  author: { familyName: string; givenName: string };
  site: string;
  body: string;
};

/** The thread both sites write in while a joint review is open; each message shows its writer's site. */
export function JointThread({
  messages,
  open,
  error,
  value,
}: {
  messages: JointMessageView[];
  open: boolean;
  error?: string;
  value?: string;
}) {
  const { t } = useTranslation();
  return (
    <div id="joint-thread">
      <h3>{t("conferences:thread.heading")}</h3>
      <p className="hint">{t("conferences:thread.hint")}</p>
      <MessageThread
        testId="joint-thread"
        none={t("conferences:thread.none")}
        entries={messages.map((m) => ({
          id: m.id,
          side: "from-staff",
          meta: `${personName(m.author.familyName, m.author.givenName)} · ${m.site} · ${m.at}`,
          body: m.body,
        }))}
      />
      {open ? (
        <MessageForm intent="joint_message" name="joint-message" send={t("conferences:thread.send")}>
          <TextAreaField
            name="jointBody"
            label={t("conferences:thread.label")}
            error={error}
            defaultValue={value}
            rows={4}
            maxLength={4000}
          />
        </MessageForm>
      ) : null}
    </div>
  );
}

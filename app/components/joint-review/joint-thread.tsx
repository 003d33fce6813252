import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { TextAreaField } from "~/components/forms/text-area-field";
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
      {messages.length ? (
        <ul className="thread" data-testid="joint-thread">
          {messages.map((m) => (
            <li key={m.id} className="from-staff">
              <p className="meta">
                {personName(m.author.familyName, m.author.givenName)} · {m.site} · {m.at}
              </p>
              <p className="pre-line">{m.body}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("conferences:thread.none")}</p>
      )}
      {open ? (
        <Form method="post" data-form="joint-message">
          <CsrfInput />
          <input type="hidden" name="intent" value="joint_message" />
          <TextAreaField
            name="jointBody"
            label={t("conferences:thread.label")}
            error={error}
            defaultValue={value}
            rows={4}
            maxLength={4000}
          />
          <button type="submit" className="button button--secondary">
            {t("conferences:thread.send")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}

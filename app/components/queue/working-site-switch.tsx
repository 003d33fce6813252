import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";

export type WorkingSiteChoice = {
  current: string;
  homeName: string;
  /** The host a grant lets them work for now, and its last day in words. */
  host: { code: string; name: string; to: string };
  options: { code: string; name: string }[];
};

/**
 * "Working for: Konyang / QST", shown only to staff with a staff-exchange grant in force. Each site is a submit
 * button; the one in use is pressed. Works without JavaScript.
 */
export function WorkingSiteSwitch({ choice }: { choice: WorkingSiteChoice }) {
  const { t } = useTranslation();
  const visiting = choice.current === choice.host.code;
  return (
    <div className="banner working-site" data-testid="working-site">
      <p>
        {visiting
          ? t("queue:workingFor.visiting", { host: choice.host.name, to: choice.host.to, home: choice.homeName })
          : t("queue:workingFor.available", { host: choice.host.name, to: choice.host.to })}
      </p>
      <Form
        method="post"
        action="/queue/working-site"
        className="button-row"
        role="group"
        aria-labelledby="working-site-label"
      >
        <CsrfInput />
        <span id="working-site-label">{t("queue:workingFor.label")}</span>
        {choice.options.map((option) => (
          <button
            key={option.code}
            type="submit"
            name="site"
            value={option.code}
            aria-pressed={option.code === choice.current}
            className={option.code === choice.current ? "button" : "button button--secondary"}
          >
            {option.name}
          </button>
        ))}
      </Form>
    </div>
  );
}

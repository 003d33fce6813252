import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { actionSlugs, type FormAction } from "~/modules/queue/queue-actions";
import type { StaffReferralPageData } from "~/modules/queue/staff-referral-page.server";

/** The steps this person may take now: claim in place, the others on their own pages; overrides are warned of. */
export function ActionsSection({ r }: { r: StaffReferralPageData }) {
  const { t } = useTranslation();
  const formActions = r.actions.filter((a): a is FormAction => a !== "claim");
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t("queue:referral.actions")}</h2>
      {r.actions.length === 0 ? <p>{t("queue:referral.noActions")}</p> : null}
      <ul className="action-list">
        {r.actions.includes("claim") ? (
          <li>
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="claim" />
              <button type="submit" className="button" data-action="claim">
                {t("queue:actions.claim")}
              </button>
            </Form>
          </li>
        ) : null}
        {formActions.map((action) => (
          <li key={action}>
            <Link
              to={`/queue/${r.id}/${actionSlugs[action]}`}
              className={`button${action === "decline" ? " button--warning" : action === "accept" ? "" : " button--secondary"}`}
              data-action={action}
            >
              {t(`queue:actions.${action}`)}
            </Link>
          </li>
        ))}
      </ul>
      {r.overrides.accept && r.actions.includes("accept") ? (
        <p className="notice">{t("queue:override.warnAccept")}</p>
      ) : null}
      {r.overrides.decline && r.actions.includes("decline") ? (
        <p className="notice">{t("queue:override.warnDecline")}</p>
      ) : null}
    </section>
  );
}

/** Screens the referral again under the rule set in force for its referral date. */
export function RescreenForm({ current, next }: { current: string; next: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post" data-form="rescreen" className="rescreen-form">
      <CsrfInput />
      <input type="hidden" name="intent" value="rescreen" />
      <p className="hint" id="rescreen-hint">
        {t("rules:compare.buttonHint", { current: current })}
      </p>
      <button
        type="submit"
        className="button button--secondary"
        aria-describedby="rescreen-hint"
        data-action="rescreen"
      >
        {t("rules:compare.button", { version: next })}
      </button>
    </Form>
  );
}

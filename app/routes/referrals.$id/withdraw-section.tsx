import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, fieldId } from "~/components/forms/error-summary";
import { FieldError } from "~/components/forms/field-parts";
import { TextAreaField } from "~/components/forms/text-area-field";
import { withdrawReasons } from "~/modules/intake/withdraw-reasons";
import type { WithdrawAnswer } from "./answer";

/** The physician's withdrawal of the referral: a reason (required) and a note. */
export function WithdrawSection({ posted }: { posted: WithdrawAnswer | undefined }) {
  const { t } = useTranslation();
  return (
    <section className="withdraw" aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{t("intake:withdraw.title")}</h2>
      <p>{t("intake:withdraw.intro")}</p>
      <ErrorSummary errors={posted?.errors} />
      <Form method="post" data-form="withdraw" noValidate className="form">
        <CsrfInput />
        <WithdrawReasons error={posted?.errors.reasonCode} checked={posted?.reasonCode} />
        <TextAreaField
          rows={5}
          name="note"
          label={t("intake:withdraw.note")}
          hint={t("intake:withdraw.noteHint")}
          error={posted?.errors.note}
          defaultValue={posted?.note}
        />
        <button type="submit" name="intent" value="withdraw" className="button button--warning">
          {t("intake:withdraw.submit")}
        </button>
      </Form>
    </section>
  );
}

/** The reasons as radios; the first carries the field id so the error summary can link to it. */
function WithdrawReasons({ error, checked }: { error: string | undefined; checked: string | undefined }) {
  const { t } = useTranslation();
  const id = fieldId("reasonCode");
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <fieldset aria-describedby={error ? `${id}-error` : undefined}>
        <legend>{t("intake:withdraw.reason")}</legend>
        <FieldError name="reasonCode" error={error} />
        {withdrawReasons.map((reason, index) => {
          const optionId = index === 0 ? id : `${id}-${reason}`;
          return (
            <div className="choice" key={reason}>
              <input type="radio" name="reasonCode" value={reason} id={optionId} defaultChecked={checked === reason} />
              <label htmlFor={optionId}>{t(`intake:withdraw.reasons.${reason}`)}</label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

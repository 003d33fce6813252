import { useTranslation } from "react-i18next";
import { ErrorSummary, fieldId } from "~/components/forms/error-summary";
import { FieldError } from "~/components/forms/field-parts";
import { PostForm } from "~/components/forms/post-form";
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
      <PostForm
        data-form="withdraw"
        noValidate
        className="form"
        submit={{ text: t("intake:withdraw.submit"), variant: "warning", name: "intent", value: "withdraw" }}
      >
        <WithdrawReasons error={posted?.errors.reasonCode} checked={posted?.reasonCode} />
        <TextAreaField
          rows={5}
          name="note"
          label={t("intake:withdraw.note")}
          hint={t("intake:withdraw.noteHint")}
          error={posted?.errors.note}
          defaultValue={posted?.note}
        />
      </PostForm>
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

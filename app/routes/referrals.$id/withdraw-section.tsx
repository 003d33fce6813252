import { useTranslation } from "react-i18next";
import { fieldId } from "~/components/forms/error-summary";
import { FieldError } from "~/components/forms/field-parts";
import { withdrawReasons } from "~/modules/intake/withdraw-reasons";
import type { WithdrawAnswer } from "./answer";
import { FormSection } from "./form-section";

/** The physician's withdrawal of the referral: a reason (required) and a note. */
export function WithdrawSection({ posted }: { posted: WithdrawAnswer | undefined }) {
  const { t } = useTranslation();
  return (
    <FormSection
      name="withdraw"
      intro={<p>{t("intake:withdraw.intro")}</p>}
      intent="withdraw"
      posted={posted}
      submit={{ text: t("intake:withdraw.submit"), variant: "warning" }}
      textBox={{ name: "note", label: t("intake:withdraw.note"), hint: t("intake:withdraw.noteHint") }}
    >
      <WithdrawReasons error={posted?.errors.reasonCode} checked={posted?.reasonCode} />
    </FormSection>
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

import { useTranslation } from "react-i18next";
import { RadioGroup } from "~/components/forms/radio-group";
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
      <RadioGroup
        name="reasonCode"
        legend={t("intake:withdraw.reason")}
        error={posted?.errors.reasonCode}
        defaultValue={posted?.reasonCode}
        options={withdrawReasons.map((reason) => ({ value: reason, label: t(`intake:withdraw.reasons.${reason}`) }))}
      />
    </FormSection>
  );
}

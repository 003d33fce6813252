import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import type { SiteNames } from "~/components/decision-panel/decision-panel";
import { ErrorSummary } from "~/components/forms/error-summary";
import { TextAreaField } from "~/components/forms/text-area-field";
import { IntakeFieldInput } from "~/components/intake/intake-field";
import { fieldAt, type FlatValues } from "~/modules/intake/intake-form";

export type AnswerRequestFormProps = {
  requestedFields: string[];
  values: FlatValues;
  errors: Record<string, string> | undefined;
  reply: string | undefined;
  siteNames: SiteNames;
  countries: { value: string; label: string }[];
};

/**
 * The physician's answer to a request for information: the fields asked for, generated from the case's catalogue,
 * and a reply. It carries the intake fields and the case schema, so the referral page loads it only when a request
 * is open (./answer-request-form.lazy.tsx).
 */
export default function AnswerRequestForm(props: AnswerRequestFormProps) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t("intake:referral.answerTitle")}</h3>
      <ErrorSummary errors={props.errors} />
      <Form method="post" data-form="answer" noValidate className="form">
        <CsrfInput />
        {props.requestedFields.map((path) => (
          <IntakeFieldInput
            key={path}
            field={fieldAt(path)!}
            ctx={{
              values: props.values,
              errors: props.errors ?? {},
              siteNames: props.siteNames,
              countries: props.countries,
            }}
          />
        ))}
        <TextAreaField
          rows={5}
          name="reply"
          label={t("intake:referral.reply")}
          hint={t("intake:referral.replyHint")}
          error={props.errors?.reply}
          defaultValue={props.reply}
        />
        <button type="submit" name="intent" value="answer" className="button">
          {t("intake:referral.sendAnswer")}
        </button>
      </Form>
    </>
  );
}

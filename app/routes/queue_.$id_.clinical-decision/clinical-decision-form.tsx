import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { RadioGroup } from "~/components/forms/radio-group";
import { SubmitRow } from "~/components/forms/submit-row";
import { TextAreaField } from "~/components/forms/text-area-field";
import { approaches, recommendations } from "~/domain/clinical-decision/clinical-decision";
import { DETAIL_MAX, RATIONALE_MAX } from "~/modules/clinical-decisions/clinical-decision.schema";
import type { formatRecord } from "~/modules/clinical-decisions/clinical-decisions.service.server";
import { declineReasons, redirectReasons } from "~/modules/queue/queue.schema";

type Props = {
  id: string;
  /** The decision in force, which recording again starts from. */
  previous: ReturnType<typeof formatRecord> | null;
  errors: Record<string, string>;
  /** A field's starting value: what was typed before a refusal, else the given fallback. */
  value: (name: string, fallback?: string | null) => string | undefined;
};

/** What the recommendation rests on: the approach for an accept, the coded reason for a decline or a redirect. */
function RecommendationDetails({ previous, errors, value }: Omit<Props, "id">) {
  const { t } = useTranslation();
  return (
    <>
      <div className="for-accept">
        <RadioGroup
          name="approach"
          legend={t("decisions:form.approach")}
          options={approaches.map((code) => ({ value: code, label: t(`decisions:approaches.${code}`) }))}
          defaultValue={value("approach", previous?.approach)}
          error={errors.approach}
        />
        <TextAreaField
          name="approachDetail"
          label={t("decisions:form.approachDetail")}
          hint={t("decisions:form.approachDetailHint")}
          error={errors.approachDetail}
          defaultValue={value("approachDetail", previous?.approachDetail)}
          rows={2}
          maxLength={DETAIL_MAX}
        />
      </div>
      <div className="for-decline">
        <RadioGroup
          name="declineReason"
          legend={t("decisions:form.declineReason")}
          options={declineReasons.map((code) => ({ value: code, label: t(`queue:declineReasons.${code}`) }))}
          defaultValue={value("declineReason", previous?.recommendation === "decline" ? previous.reasonCode : null)}
          error={errors.declineReason}
        />
      </div>
      <div className="for-redirect">
        <RadioGroup
          name="redirectReason"
          legend={t("decisions:form.redirectReason")}
          options={redirectReasons.map((code) => ({ value: code, label: t(`queue:redirectReasons.${code}`) }))}
          defaultValue={value("redirectReason", previous?.recommendation === "redirect" ? previous.reasonCode : null)}
          error={errors.redirectReason}
        />
      </div>
    </>
  );
}

/** The reviewer's clinical decision: the recommendation, what it rests on, the rationale and the alternatives. */
export function ClinicalDecisionForm({ id, previous, errors, value }: Props) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="clinical-form" data-form="clinical-decision" noValidate>
      <CsrfInput />
      <RadioGroup
        name="recommendation"
        legend={t("decisions:form.recommendation")}
        options={recommendations.map((code) => ({ value: code, label: t(`decisions:recommendations.${code}`) }))}
        defaultValue={value("recommendation", previous?.recommendation)}
        error={errors.recommendation}
      />
      <RecommendationDetails previous={previous} errors={errors} value={value} />
      <TextAreaField
        name="rationale"
        label={t("decisions:form.rationale")}
        hint={t("decisions:form.rationaleHint")}
        error={errors.rationale}
        defaultValue={value("rationale", previous?.rationale)}
        rows={6}
        maxLength={RATIONALE_MAX}
      />
      <TextAreaField
        name="alternatives"
        label={t("decisions:form.alternatives")}
        hint={t("decisions:form.alternativesHint")}
        error={errors.alternatives}
        defaultValue={value("alternatives", previous?.alternatives)}
        rows={3}
        maxLength={RATIONALE_MAX}
      />
      <SubmitRow
        submit={t("decisions:form.submit")}
        cancel={{ to: `/queue/${id}`, text: t("decisions:form.cancel") }}
      />
    </Form>
  );
}

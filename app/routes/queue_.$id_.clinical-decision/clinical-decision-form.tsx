import { useTranslation } from "react-i18next";
import { PostForm } from "~/components/forms/post-form";
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

/** A written part of the decision, labelled and explained by its name, starting from the decision in force. */
function WrittenField({
  name,
  previous,
  errors,
  value,
  ...size
}: Omit<Props, "id"> & { name: "approachDetail" | "rationale" | "alternatives"; rows: number; maxLength: number }) {
  const { t } = useTranslation();
  return (
    <TextAreaField
      name={name}
      label={t(`decisions:form.${name}`)}
      hint={t(`decisions:form.${name}Hint`)}
      error={errors[name]}
      defaultValue={value(name, previous?.[name])}
      {...size}
    />
  );
}

/** A coded part of the decision, a radio for each code (in the words `decisions:<words>.<code>`), as in force. */
function CodedField({
  name,
  codes,
  words,
  previous,
  errors,
  value,
}: Omit<Props, "id"> & {
  name: "recommendation" | "approach";
  codes: readonly string[];
  words: "recommendations" | "approaches";
}) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      name={name}
      legend={t(`decisions:form.${name}`)}
      options={codes.map((code) => ({ value: code, label: t(`decisions:${words}.${code}`) }))}
      defaultValue={value(name, previous?.[name])}
      error={errors[name]}
    />
  );
}

/** The recommendations that rest on a coded reason, and the reasons each may give. */
const reasonsOf = { decline: declineReasons, redirect: redirectReasons } as const;

/** What the recommendation rests on: the approach for an accept, the coded reason for a decline or a redirect. */
function RecommendationDetails(props: Omit<Props, "id">) {
  const { previous, errors, value } = props;
  const { t } = useTranslation();
  return (
    <>
      <div className="for-accept">
        <CodedField name="approach" codes={approaches} words="approaches" {...props} />
        <WrittenField name="approachDetail" rows={2} maxLength={DETAIL_MAX} {...props} />
      </div>
      {(["decline", "redirect"] as const).map((recommendation) => {
        const name = `${recommendation}Reason` as const;
        return (
          <div className={`for-${recommendation}`} key={recommendation}>
            <RadioGroup
              name={name}
              legend={t(`decisions:form.${name}`)}
              options={reasonsOf[recommendation].map((code) => ({
                value: code,
                label: t(`queue:${recommendation}Reasons.${code}`),
              }))}
              defaultValue={value(name, previous?.recommendation === recommendation ? previous.reasonCode : null)}
              error={errors[name]}
            />
          </div>
        );
      })}
    </>
  );
}

/** The reviewer's clinical decision: the recommendation, what it rests on, the rationale and the alternatives. */
export function ClinicalDecisionForm({ id, ...details }: Props) {
  const { t } = useTranslation();
  return (
    <PostForm className="clinical-form" data-form="clinical-decision" noValidate>
      <CodedField name="recommendation" codes={recommendations} words="recommendations" {...details} />
      <RecommendationDetails {...details} />
      <WrittenField name="rationale" rows={6} maxLength={RATIONALE_MAX} {...details} />
      <WrittenField name="alternatives" rows={3} maxLength={RATIONALE_MAX} {...details} />
      <SubmitRow
        submit={t("decisions:form.submit")}
        cancel={{ to: `/queue/${id}`, text: t("decisions:form.cancel") }}
      />
    </PostForm>
  );
}

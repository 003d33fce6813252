import { useTranslation } from "react-i18next";
import { fieldId } from "~/components/forms/error-summary";
import { IntakeFieldInput, type FieldContext } from "~/components/intake/intake-field";
import { catalogueField } from "~/domain/case/field-catalogue";
import { languages } from "~/i18n/config";
import { formatInstant } from "~/i18n/format";
import type { IntakeField } from "~/modules/intake/intake-form";
import { useReaderTimeZone } from "~/components/use-root-data";
import { useLanguage } from "./use-language";

type Field = IntakeField;
/** The hospitals and countries the patient's data would go to (privacy.md rule 2). */
export type Recipient = { country: string; hospital: string };

type Props = {
  referralId: string;
  fields: readonly Field[];
  ctx: FieldContext;
  recipients: Recipient[];
  /** The patient's preferred language, marked among the printable notices. */
  patientLanguage: string | null;
  recordedAt: string | null;
  /** Whether a follow-up question is asked, given the answers so far (all are shown before hydration). */
  shown: (path: string) => boolean;
};

/** The consent section: the printable notices, each consent with its notice and follow-up, and when it was recorded. */
export function ConsentFields({ referralId, fields, ctx, recipients, patientLanguage, recordedAt, shown }: Props) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const timeZone = useReaderTimeZone();
  return (
    <>
      <p>
        {t("intake:consent.printIntro")}{" "}
        {languages.map((l, index) => (
          <span key={l}>
            {index ? t("intake:consent.listSeparator") : ""}
            <a href={`/referrals/${referralId}/consent-notice?lang=${l}`} hrefLang={l} target="_blank" rel="noreferrer">
              {t(`intake:consent.printIn.${l}`)}
            </a>
            {patientLanguage === l ? ` ${t("intake:consent.patientLanguage")}` : ""}
          </span>
        ))}
      </p>
      {fields
        .filter((field) => field.kind.type === "consent")
        .map((field) => (
          <ConsentBlock
            key={field.path}
            field={field}
            fields={fields}
            ctx={ctx}
            recipients={recipients}
            shown={shown}
          />
        ))}
      {recordedAt ? (
        <p className="hint">{t("intake:consent.recordedAt", { when: formatInstant(recordedAt, lng, timeZone) })}</p>
      ) : null}
    </>
  );
}

function ConsentBlock({
  field,
  fields,
  ctx,
  recipients,
  shown,
}: Pick<Props, "fields" | "ctx" | "recipients" | "shown"> & { field: Field }) {
  const { t } = useTranslation();
  const consent = field.path.split(".")[1]!;
  return (
    <section className="consent-block" aria-labelledby={`consent-${consent}`}>
      <h2 id={`consent-${consent}`}>{t(`intake:consent.${consent}.title`)}</h2>
      <div className="consent-block__notice" id={`${fieldId(field.path)}-notice`}>
        {consent === "crossBorder" ? (
          <p>{crossBorderNotice(t, recipients)}</p>
        ) : (
          <p>{t(`intake:consent.${consent}.notice`)}</p>
        )}
        <p className="hint">{t(`intake:consent.${consent}.note`)}</p>
      </div>
      <IntakeFieldInput field={field} ctx={ctx} />
      {/* The address goes with the opt-in, asked only once it is given; without script it stays in view. */}
      {fields
        .filter((asked) => asked.kind.type !== "consent" && catalogueField(asked.path)?.askedIf === field.path)
        .map((asked) => (
          <div key={asked.path} data-field={asked.path} hidden={!shown(asked.path)}>
            <IntakeFieldInput field={asked} ctx={ctx} optionalMark={false} />
          </div>
        ))}
    </section>
  );
}

function crossBorderNotice(t: ReturnType<typeof useTranslation>["t"], recipients: Recipient[]): string {
  return recipients.length === 1
    ? t("intake:consent.crossBorder.notice", {
        country: recipients[0]!.country,
        hospital: recipients[0]!.hospital,
      })
    : t("intake:consent.crossBorder.noticeBoth", {
        country1: recipients[0]!.country,
        hospital1: recipients[0]!.hospital,
        country2: recipients[1]!.country,
        hospital2: recipients[1]!.hospital,
      });
}

import { useTranslation } from "react-i18next";
import { IntakeFieldInput, type FieldContext } from "~/components/intake/intake-field";
import { useReaderTimeZone } from "~/components/use-root-data";
import { formatInstant } from "~/i18n/format";
import type { IntakeField } from "~/modules/intake/intake-form";
import { useLanguage } from "./use-language";

type Props = {
  fields: readonly IntakeField[];
  ctx: FieldContext;
  /** Whether a question is asked, given the answers so far. */
  shown: (path: string) => boolean;
  hydrated: boolean;
};

/**
 * A section's questions, those not asked hidden. Without script the indication has its own button that shows the
 * questions it decides.
 */
export function SectionFields({ fields, ctx, shown, hydrated }: Props) {
  const { t } = useTranslation();
  return fields.map((field) => (
    <div key={field.path} data-field={field.path} hidden={!shown(field.path)}>
      <IntakeFieldInput field={field} ctx={ctx} />
      {field.path === "diagnosis.indication" && !hydrated ? (
        <p>
          <button type="submit" name="intent" value="refresh" formNoValidate className="button button--secondary">
            {t("intake:form.showQuestions")}
          </button>
        </p>
      ) : null}
    </div>
  ));
}

/** Continue, save for later, and what autosave is doing (a live status). */
export function SectionButtons({ busy, savedAt }: { busy: boolean; savedAt: string | undefined }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const timeZone = useReaderTimeZone();
  return (
    <>
      <div className="button-row">
        <button type="submit" name="intent" value="continue" className="button">
          {t("intake:form.continue")}
        </button>
        <button type="submit" name="intent" value="save" formNoValidate className="button button--secondary">
          {t("intake:form.saveForLater")}
        </button>
      </div>
      <p className="autosave-status" role="status" data-testid="autosave-status">
        {busy
          ? t("intake:form.saving")
          : savedAt
            ? t("intake:form.savedAt", { time: formatInstant(savedAt, lng, timeZone, "time") })
            : ""}
      </p>
    </>
  );
}

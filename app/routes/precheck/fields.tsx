import { useTranslation } from "react-i18next";
import { precheckSections } from "~/modules/screening/precheck-form";
import { PrecheckQuestion, type QuestionContext } from "./question";

type Props = QuestionContext & {
  /** The questions that matter for the chosen indication; the others stay in the page but hidden. */
  relevant: Set<string>;
};

/** The pre-check's sections, each with its questions; those that do not matter for the indication stay hidden. */
export function PrecheckFields({ relevant, ...ctx }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {precheckSections.map((section) => {
        const shown = section.fields.some((f) => relevant.has(f.path));
        return (
          <section
            key={section.id}
            className="precheck__section"
            aria-labelledby={`section-${section.id}`}
            hidden={!shown}
          >
            <h2 id={`section-${section.id}`}>{t(`precheck:sections.${section.id}.title`)}</h2>
            {i18n.exists(`precheck:sections.${section.id}.intro`) ? (
              <p className="hint">{t(`precheck:sections.${section.id}.intro`)}</p>
            ) : null}
            {section.fields.map((field) => (
              <div key={field.path} data-field={field.path} hidden={!relevant.has(field.path)}>
                <PrecheckQuestion field={field} ctx={ctx} />
              </div>
            ))}
          </section>
        );
      })}
    </>
  );
}

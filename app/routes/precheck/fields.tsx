import { useTranslation } from "react-i18next";
import type { SiteNames } from "~/components/decision-panel/decision-panel";
import { precheckSections } from "~/modules/screening/precheck-form";
import type { FormValues } from "~/utils/form.server";
import { PrecheckQuestion, type QuestionContext } from "./question";

type Props = {
  /** What was posted (no-JavaScript round trip), to show again; undefined on a fresh page. */
  values?: FormValues;
  errors: Record<string, string>;
  /** The questions that matter for the chosen indication; the others stay in the page but hidden. */
  relevant: Set<string>;
  today: string;
  countries: { value: string; label: string }[];
  siteNames: SiteNames;
  onIndicationChange: (indication: string) => void;
  /** Without JavaScript the page cannot reveal an indication's questions by itself: a button asks the server. */
  showIndicationButton: boolean;
  /** Rows each list shows (after "add another"). */
  rows?: Record<string, number>;
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
                <PrecheckQuestion field={field} ctx={ctx satisfies QuestionContext} />
              </div>
            ))}
          </section>
        );
      })}
    </>
  );
}

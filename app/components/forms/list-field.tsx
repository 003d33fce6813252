import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { fieldId } from "./error-summary";
import { describedBy, FieldError, Hint } from "./field-parts";
import { rowsName } from "./repeatable-rows";

type Props = {
  /** The list's case path ("history.radiotherapyCourses"). */
  path: string;
  legend: string;
  hint?: string;
  error?: string;
  rows: number;
  max: number;
  /** One row's fields; `row` is the row's path prefix ("history.radiotherapyCourses.1"). */
  renderRow: (row: string, index: number) => ReactNode;
};

/**
 * A repeatable group of fields ("add another"): each row a fieldset with its number and a remove button, then an add
 * button. The buttons submit the form (see repeatable-rows.ts), so they work without JavaScript.
 */
export function ListField({ path, legend, hint, error, rows, max, renderRow }: Props) {
  const { t } = useTranslation();
  const listKey = path.split(".").pop()!;
  return (
    <div className={`field list-field${error ? " field--error" : ""}`} data-list={path}>
      <fieldset aria-describedby={describedBy(path, hint, error)} id={fieldId(path)} tabIndex={-1}>
        <legend>{legend}</legend>
        <Hint name={path} hint={hint} />
        <FieldError name={path} error={error} />
        <input type="hidden" name={rowsName(path)} value={rows} />
        {Array.from({ length: rows }, (_, index) => (
          <fieldset key={index} className="list-field__row" data-row={index}>
            <legend>{t(`case:items.${listKey}.row`, { n: index + 1 })}</legend>
            {renderRow(`${path}.${index}`, index)}
            <button
              type="submit"
              name="intent"
              value={`remove:${path}.${index}`}
              formNoValidate
              className="button button--secondary button--small"
            >
              {t("case:rows.remove")}
              <span className="visually-hidden"> {t(`case:items.${listKey}.row`, { n: index + 1 })}</span>
            </button>
          </fieldset>
        ))}
        {rows < max ? (
          <button
            type="submit"
            name="intent"
            value={`add:${path}`}
            formNoValidate
            id={`${fieldId(path)}-add`}
            className="button button--secondary"
          >
            {t(`case:items.${listKey}.add`)}
          </button>
        ) : null}
      </fieldset>
    </div>
  );
}

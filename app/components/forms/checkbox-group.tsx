import { fieldId } from "./error-summary";

/**
 * A group of checkboxes posting one name several times (GOV.UK checkboxes): legend, hint and error wired to the
 * fieldset; the first box carries the group's id, so an error summary link lands on it.
 */
export function CheckboxGroup({
  name,
  idName = name,
  legend,
  hint,
  options,
  checked,
  error,
}: {
  name: string;
  /** The name the ids derive from, when two groups post under one name. */
  idName?: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string; hint?: string }[];
  checked: string[];
  error?: string;
}) {
  const id = fieldId(idName);
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <fieldset aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}>
        <legend>{legend}</legend>
        {hint ? (
          <p className="hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : null}
        {error ? (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        <div className="checkbox-columns">
          {options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${o.value.replace(/[^A-Za-z0-9_-]/g, "-")}`;
            return (
              <div className="choice" key={o.value}>
                <input type="checkbox" id={optionId} name={name} value={o.value} defaultChecked={checked.includes(o.value)} />
                <label htmlFor={optionId}>
                  {o.label}
                  {o.hint ? <span className="hint"> {o.hint}</span> : null}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

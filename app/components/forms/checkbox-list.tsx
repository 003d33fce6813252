import { fieldId } from "./error-summary";
import { ChoiceFieldset } from "./field-parts";

type Props = {
  name: string;
  /** The name the ids derive from, when two groups post under one name. */
  idName?: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string; hint?: string }[];
  checked: string[];
  error?: string;
  /** Short labels in one row (weekdays) rather than columns. */
  inline?: boolean;
};

/**
 * A fieldset of checkboxes that all post under one name, one value each (read back as a list). The first box
 * carries the group's field id, so the error summary's link lands on it.
 */
export function CheckboxList({ name, idName = name, legend, hint, options, checked, error, inline }: Props) {
  const id = fieldId(idName);
  return (
    <ChoiceFieldset
      name={idName}
      legend={legend}
      hint={hint}
      error={error}
      choicesClassName={inline ? "choices" : "checkbox-columns"}
    >
      {options.map((o, i) => {
        const optionId = i === 0 ? id : `${id}-${o.value.replace(/[^A-Za-z0-9_-]/g, "-")}`;
        return (
          <div className="choice" key={o.value}>
            <input
              type="checkbox"
              id={optionId}
              name={name}
              value={o.value}
              defaultChecked={checked.includes(o.value)}
            />
            <label htmlFor={optionId}>
              {o.label}
              {o.hint ? <span className="hint"> {o.hint}</span> : null}
            </label>
          </div>
        );
      })}
    </ChoiceFieldset>
  );
}

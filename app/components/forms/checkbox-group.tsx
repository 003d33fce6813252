import { fieldId } from "./error-summary";
import { ChoiceFieldset } from "./field-parts";

type Props = {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string; checked: boolean }[];
  inline?: boolean;
};

/**
 * A fieldset of checkboxes, each posted as `name.value = "true"`, so the flat form parser keeps every box
 * (several inputs sharing one name would collapse to the last). The first box carries the group's field id,
 * so the error summary's link lands on it. (CheckboxList posts every box under one name instead, read back as a list.)
 */
export function CheckboxGroup({ name, legend, hint, error, options, inline }: Props) {
  const id = fieldId(name);
  return (
    <ChoiceFieldset
      name={name}
      legend={legend}
      hint={hint}
      error={error}
      choicesClassName={inline ? "choices" : "checkbox-columns"}
    >
      {options.map((o, index) => {
        const optionId = index === 0 ? id : `${id}-${o.value}`;
        return (
          <div className="choice" key={o.value}>
            <input
              type="checkbox"
              id={optionId}
              name={`${name}.${o.value}`}
              value="true"
              defaultChecked={o.checked}
              data-value={o.value}
            />
            <label htmlFor={optionId}>{o.label}</label>
          </div>
        );
      })}
    </ChoiceFieldset>
  );
}

import { fieldId } from "./error-summary";
import { ChoiceFieldset } from "./field-parts";

type Props = {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  inline?: boolean;
  onChange?: (value: string) => void;
};

/** A fieldset of radios; the first radio carries the field id so the error summary can link to it. */
export function RadioGroup({ name, legend, hint, error, options, defaultValue, inline, onChange }: Props) {
  const id = fieldId(name);
  return (
    <ChoiceFieldset
      name={name}
      legend={legend}
      hint={hint}
      error={error}
      choicesClassName={inline ? "choices" : undefined}
    >
      {options.map((o, index) => {
        const optionId = index === 0 ? id : `${id}-${o.value}`;
        return (
          <div className="choice" key={o.value}>
            <input
              type="radio"
              id={optionId}
              name={name}
              value={o.value}
              defaultChecked={defaultValue === o.value}
              onChange={onChange ? () => onChange(o.value) : undefined}
            />
            <label htmlFor={optionId}>{o.label}</label>
          </div>
        );
      })}
    </ChoiceFieldset>
  );
}

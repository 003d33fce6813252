import type { InputHTMLAttributes } from "react";
import { fieldId } from "./error-summary";
import { ChoiceFieldset } from "./field-parts";

export type ChoiceOption = { value: string; label: string; hint?: string };

/** What the input of one choice posts and shows: its name, value, whether it starts ticked, and so on. */
type ChoiceInput = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type">;

type Props<O extends ChoiceOption> = {
  /** The name the ids derive from (the fieldset's hint and error, and each choice's id). */
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  type: "radio" | "checkbox";
  options: O[];
  /** The choices in one row (short labels, such as weekdays); otherwise checkboxes stand in columns, radios stacked. */
  inline?: boolean;
  /** The id suffix of a later choice, from its value (the first choice carries the group's own id). */
  idSuffix?: (value: string) => string;
  input: (option: O) => ChoiceInput;
};

/**
 * The radios or checkboxes of one question, each with its label (and a hint inside the label). The first choice
 * carries the group's field id, so the error summary's link lands on it; the others add their value to that id.
 */
export function ChoiceGroup<O extends ChoiceOption>({
  name,
  type,
  options,
  idSuffix = (value) => value,
  input,
  inline,
  ...fieldset
}: Props<O>) {
  const id = fieldId(name);
  const layout = inline ? "choices" : type === "checkbox" ? "checkbox-columns" : undefined;
  return (
    <ChoiceFieldset name={name} choicesClassName={layout} {...fieldset}>
      {options.map((o, index) => {
        const optionId = index === 0 ? id : `${id}-${idSuffix(o.value)}`;
        return (
          <div className="choice" key={o.value}>
            <input type={type} id={optionId} {...input(o)} />
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

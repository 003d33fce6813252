import { ChoiceGroup } from "./choice-group";

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
export function RadioGroup({ name, defaultValue, inline, onChange, ...group }: Props) {
  return (
    <ChoiceGroup
      {...group}
      name={name}
      type="radio"
      inline={inline}
      input={(o) => ({
        name,
        value: o.value,
        defaultChecked: defaultValue === o.value,
        onChange: onChange ? () => onChange(o.value) : undefined,
      })}
    />
  );
}

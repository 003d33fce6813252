import { ChoiceGroup } from "./choice-group";

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
export function CheckboxGroup({ name, ...group }: Props) {
  return (
    <ChoiceGroup
      {...group}
      name={name}
      type="checkbox"
      input={(o) => ({ name: `${name}.${o.value}`, value: "true", defaultChecked: o.checked, "data-value": o.value })}
    />
  );
}

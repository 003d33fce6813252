import { ChoiceGroup } from "./choice-group";

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

/** A value (a dotted field path, say) made safe for an id. */
const idSafe = (value: string) => value.replace(/[^A-Za-z0-9_-]/g, "-");

/**
 * A fieldset of checkboxes that all post under one name, one value each (read back as a list). The first box
 * carries the group's field id, so the error summary's link lands on it.
 */
export function CheckboxList({ name, idName = name, checked, ...group }: Props) {
  return (
    <ChoiceGroup
      {...group}
      name={idName}
      type="checkbox"
      idSuffix={idSafe}
      input={(o) => ({ name, value: o.value, defaultChecked: checked.includes(o.value) })}
    />
  );
}

import { fieldId } from "./error-summary";
import { describedBy, FieldError, Hint } from "./field-parts";

type Props = { name: string; label: string; hint?: string; error?: string; defaultChecked?: boolean; value?: string };

export function CheckboxField({ name, label, hint, error, defaultChecked, value = "true" }: Props) {
  const id = fieldId(name);
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <FieldError name={name} error={error} />
      <div className="choice">
        <input
          type="checkbox"
          id={id}
          name={name}
          value={value}
          defaultChecked={defaultChecked}
          aria-describedby={describedBy(name, hint, error)}
          aria-invalid={error ? true : undefined}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      <Hint name={name} hint={hint} />
    </div>
  );
}

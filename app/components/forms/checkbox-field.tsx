import { controlWiring, FieldError, Hint } from "./field-parts";

type Props = { name: string; label: string; hint?: string; error?: string; defaultChecked?: boolean; value?: string };

/** One checkbox with its label beside it, wired to its hint and error like every other field. */
export function CheckboxField({ name, label, hint, error, defaultChecked, value = "true" }: Props) {
  const wiring = controlWiring({ name, hint, error });
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <FieldError name={name} error={error} />
      <div className="choice">
        <input type="checkbox" {...wiring} value={value} defaultChecked={defaultChecked} />
        <label htmlFor={wiring.id}>{label}</label>
      </div>
      <Hint name={name} hint={hint} />
    </div>
  );
}

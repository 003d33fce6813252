export type SelectOption = { value: string; label: string };

/** A select's options, after an empty first one labelled `placeholder` ("Choose…") when one is given. */
export function SelectOptions({ options, placeholder }: { options: SelectOption[]; placeholder?: string }) {
  return (
    <>
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}

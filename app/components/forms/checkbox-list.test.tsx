import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CheckboxList } from "./checkbox-list";

const options = [
  { value: "1", label: "Mon" },
  { value: "diagnosis.icd10", label: "ICD-10", hint: "given" },
];

describe("a list of checkboxes under one name", () => {
  it("gives the first box the field's id, later boxes ids from their values, and posts every box under the name", () => {
    const html = renderToStaticMarkup(
      <CheckboxList name="fields" idName="otherFields" legend="Fields" options={options} checked={["1"]} />,
    );
    expect(html).toContain('id="field-otherFields" name="fields" checked="" value="1"');
    expect(html).toContain('id="field-otherFields-diagnosis-icd10" name="fields" value="diagnosis.icd10"');
    expect(html).toContain('<span class="hint"> given</span>');
    expect(html).toContain('class="checkbox-columns"');
  });

  it("ties the hint and the error to the fieldset, and puts short labels in one row when inline", () => {
    const html = renderToStaticMarkup(
      <CheckboxList
        name="weekdays"
        legend="Days"
        hint="Pick"
        options={options}
        checked={[]}
        error="Choose one"
        inline
      />,
    );
    expect(html).toContain(
      '<div class="field field--error"><fieldset aria-describedby="field-weekdays-hint field-weekdays-error">',
    );
    expect(html).toContain('<p class="field-error" id="field-weekdays-error">Choose one</p>');
    expect(html).toContain('class="choices"');
  });
});

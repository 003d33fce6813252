import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CheckboxGroup } from "./checkbox-group";

describe("a group of checkboxes posted as flags", () => {
  it("posts each box as name.value=true, gives the first box the field's id, and keeps what was ticked", () => {
    const html = renderToStaticMarkup(
      <CheckboxGroup
        name="languages"
        legend="Languages"
        error="Choose one"
        inline
        options={[
          { value: "ko", label: "Korean", checked: true },
          { value: "ja", label: "Japanese", checked: false },
        ]}
      />,
    );
    expect(html).toContain('<fieldset aria-describedby="field-languages-error"><legend>Languages</legend>');
    expect(html).toContain('id="field-languages" name="languages.ko" data-value="ko" checked="" value="true"');
    expect(html).toContain('id="field-languages-ja" name="languages.ja" data-value="ja" value="true"');
    expect(html).toContain('<div class="choices">');
  });
});

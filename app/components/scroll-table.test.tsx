import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ScrollTable } from "./scroll-table";

describe("a table that scrolls sideways", () => {
  it("sits in a focusable region named, like the table, by its heading, and passes the rest to the table", () => {
    const html = renderToStaticMarkup(
      <ScrollTable labelledBy="list" aria-describedby="note">
        <tbody>
          <tr>
            <td>1</td>
          </tr>
        </tbody>
      </ScrollTable>,
    );
    expect(html).toBe(
      '<div role="region" aria-labelledby="list" tabindex="0" style="overflow-x:auto"><table aria-labelledby="list" aria-describedby="note"><tbody><tr><td>1</td></tr></tbody></table></div>',
    );
  });
});

import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FactList } from "./fact-list";

describe("a list of facts", () => {
  it("draws each label and value in a div of their own, leaves out missing facts, and passes attributes on", () => {
    const html = renderToStaticMarkup(
      <FactList
        className="referral-head"
        data-testid="facts"
        facts={[
          { label: "Status", value: "Submitted", valueProps: { "data-status": "submitted" } },
          false,
          null,
          { label: "Name", value: <b>{"박지훈"}</b>, valueProps: { lang: "ko", className: "pre-line" } },
        ]}
      />,
    );
    expect(html).toBe(
      '<dl class="referral-head" data-testid="facts">' +
        '<div><dt>Status</dt><dd data-status="submitted">Submitted</dd></div>' +
        '<div><dt>Name</dt><dd lang="ko" class="pre-line"><b>박지훈</b></dd></div></dl>',
    );
  });
});

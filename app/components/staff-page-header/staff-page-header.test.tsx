import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StaffPageHeader } from "./staff-page-header";

describe("the top of a staff page", () => {
  it("draws the heading, lead, success banner and the record's facts, in that order", () => {
    const html = renderToStaticMarkup(
      <StaffPageHeader
        heading="KQ-2RY5P"
        lead="One line"
        done={{ text: "Saved", testId: "done-banner" }}
        facts={[
          { key: "patient", label: "Patient", value: "박지훈" },
          { key: "status", label: "Status", value: "In review" },
        ]}
      />,
    );
    expect(html).toBe(
      '<h1>KQ-2RY5P</h1><p class="lead">One line</p>' +
        '<div class="banner banner--success" role="status" data-testid="done-banner"><p>Saved</p></div>' +
        '<dl class="referral-head"><div><dt>Patient</dt><dd>박지훈</dd></div><div><dt>Status</dt><dd>In review</dd></div></dl>',
    );
  });

  it("leaves out every part not given", () => {
    expect(renderToStaticMarkup(<StaffPageHeader heading="Accounts" done={null} facts={[]} />)).toBe(
      "<h1>Accounts</h1>",
    );
  });
});

import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ColumnTable, DataTable } from "./data-table";

type Person = { id: string; name: string; site: string | null };
const people: Person[] = [
  { id: "a", name: "박지훈", site: null },
  { id: "b", name: "田中 健一", site: "qst" },
];

describe("a data table", () => {
  it("draws one header row and one row per item, in a scrolling region named by the heading", () => {
    const html = renderToStaticMarkup(
      <DataTable
        labelledBy="people"
        rows={people}
        rowKey={(p) => p.id}
        rowProps={(p) => ({ "data-person": p.id })}
        columns={[
          { key: "name", header: "Name", cell: (p) => p.name },
          { key: "site", header: "Site", cell: (p) => p.site ?? "—", cellProps: { className: "nowrap" } },
        ]}
      />,
    );
    expect(html).toBe(
      '<div role="region" aria-labelledby="people" tabindex="0" style="overflow-x:auto">' +
        '<table aria-labelledby="people"><thead><tr><th scope="col">Name</th><th scope="col">Site</th></tr></thead>' +
        '<tbody><tr data-person="a"><td>박지훈</td><td class="nowrap">—</td></tr>' +
        '<tr data-person="b"><td>田中 健一</td><td class="nowrap">qst</td></tr></tbody></table></div>',
    );
  });

  it("leaves out a column given as false, and lets a column draw its own header cell", () => {
    const html = renderToStaticMarkup(
      <DataTable
        labelledBy="people"
        regionClassName="table-scroll"
        rows={people.slice(0, 1)}
        rowKey={(p) => p.id}
        columns={[
          false,
          { key: "name", header: "Name", headerCell: <th aria-sort="ascending">{"Name ↑"}</th>, cell: (p) => p.name },
          {
            key: "site",
            header: "Site",
            cell: (p) => p.site,
            cellProps: (p) => ({ "data-label": `Site of ${p.name}` }),
          },
        ]}
      />,
    );
    expect(html).toContain('<div role="region" aria-labelledby="people" tabindex="0" class="table-scroll">');
    expect(html).toContain('<th aria-sort="ascending">Name ↑</th><th scope="col">Site</th>');
    expect(html).toContain('<td>박지훈</td><td data-label="Site of 박지훈"></td>');
  });

  it("draws a narrow table without the scrolling region, with its caption first and a column naming each row", () => {
    const html = renderToStaticMarkup(
      <ColumnTable
        className="rule-table"
        data-testid="people"
        caption={<caption>{"People"}</caption>}
        rows={people}
        rowKey={(p) => p.id}
        columns={[
          { key: "name", header: "Name", cell: (p) => p.name, rowHeader: true },
          { key: "site", header: "Site", cell: (p) => p.site ?? "—" },
        ]}
      />,
    );
    expect(html).toBe(
      '<table class="rule-table" data-testid="people"><caption>People</caption>' +
        '<thead><tr><th scope="col">Name</th><th scope="col">Site</th></tr></thead>' +
        '<tbody><tr><th scope="row">박지훈</th><td>—</td></tr><tr><th scope="row">田中 健一</th><td>qst</td></tr></tbody></table>',
    );
  });
});

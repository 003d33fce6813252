import { Link } from "@remix-run/react";
import { Fragment, type HTMLAttributes, type ReactNode, type TableHTMLAttributes, type TdHTMLAttributes } from "react";
import { ScrollTable } from "~/components/scroll-table";

/** A row's own attributes: `data-*` hooks for tests and styles, a class. */
export type RowAttributes = HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | number | undefined>;

/** A cell's own attributes: a class, or `data-label`, which names the cell where a phone shows a row as a card. */
export type CellAttributes = TdHTMLAttributes<HTMLTableCellElement> &
  Record<`data-${string}`, string | number | undefined>;

export type DataColumn<Row> = {
  /** Unique among the columns; React's key for the header and the cells. */
  key: string;
  /** The column's header: the text inside `<th scope="col">`. */
  header: ReactNode;
  /** A whole header cell, when the column draws its own (a sort button); the default is `<th scope="col">`. */
  headerCell?: ReactNode;
  cell: (row: Row) => ReactNode;
  /** The column names its row (`<th scope="row">`), such as a version number. */
  rowHeader?: boolean;
  /** Attributes of each of the column's cells (a class, or `data-label` for the phone layout). */
  cellProps?: CellAttributes | ((row: Row) => CellAttributes);
};

type RowsProps<Row> = {
  columns: (DataColumn<Row> | false | null | undefined)[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  rowProps?: (row: Row) => RowAttributes;
  /** A `<caption>` element, when the table needs a name of its own beside the heading. */
  caption?: ReactNode;
};

type Props<Row> = Omit<TableHTMLAttributes<HTMLTableElement>, "aria-labelledby" | "children"> &
  RowsProps<Row> & {
    /** The id of the heading that names the table (and the region it scrolls in). */
    labelledBy: string;
    /** A class for the scrolling region, when the page styles it (the queue's table-scroll). */
    regionClassName?: string;
  };

/**
 * A list as a table: one header row of column headers, one row per item, inside a region that scrolls sideways
 * when the table is wider than the screen (ScrollTable: keyboard-reachable, named by the heading). Columns may be
 * left out with `false` (a column only some readers see).
 */
export function DataTable<Row>(props: Props<Row>) {
  const { labelledBy, columns, rows, rowKey, rowProps, regionClassName, caption, ...table } = props;
  return (
    <ScrollTable labelledBy={labelledBy} regionClassName={regionClassName} {...table}>
      <TableContents columns={columns} rows={rows} rowKey={rowKey} rowProps={rowProps} caption={caption} />
    </ScrollTable>
  );
}

type ColumnTableProps<Row> = Omit<TableHTMLAttributes<HTMLTableElement>, "children"> & RowsProps<Row>;

/**
 * The same table without the scrolling region, for a narrow table that fits any screen and is named by its own
 * `<caption>` (or by `aria-labelledby`), such as a rule book's list of versions or a dashboard's figures.
 */
export function ColumnTable<Row>(props: ColumnTableProps<Row>) {
  const { columns, rows, rowKey, rowProps, caption, ...table } = props;
  return (
    <table {...table}>
      <TableContents columns={columns} rows={rows} rowKey={rowKey} rowProps={rowProps} caption={caption} />
    </table>
  );
}

/** What goes inside the `<table>`: the caption, the header row, one row per item. */
function TableContents<Row>({ columns, rows, rowKey, rowProps, caption }: RowsProps<Row>) {
  const shown = columns.filter((c): c is DataColumn<Row> => Boolean(c));
  return (
    <>
      {caption}
      <thead>
        <tr>
          {shown.map((c) =>
            c.headerCell !== undefined ? (
              <Fragment key={c.key}>{c.headerCell}</Fragment>
            ) : (
              <th scope="col" key={c.key}>
                {c.header}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} {...rowProps?.(row)}>
            {shown.map((c) => {
              const attributes = typeof c.cellProps === "function" ? c.cellProps(row) : c.cellProps;
              return c.rowHeader ? (
                <th scope="row" key={c.key} {...attributes}>
                  {c.cell(row)}
                </th>
              ) : (
                <td key={c.key} {...attributes}>
                  {c.cell(row)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </>
  );
}

type PageLink = { to: string; text: string } | null | undefined;

type PagerProps = {
  /** The navigation landmark's name ("Pages of the audit log"). */
  label: string;
  /** The links this page has; a missing one is not drawn. */
  first?: PageLink;
  newer?: PageLink;
  older?: PageLink;
  className?: string;
};

/**
 * Keyset paging: links to the first page, the page before (newer, rel="prev") and the page after (older,
 * rel="next"), each carrying its cursor in the address. Nothing is drawn when there is nowhere to go.
 */
export function KeysetPager({ label, first, newer, older, className = "button-row" }: PagerProps) {
  if (!first && !newer && !older) return null;
  return (
    <nav aria-label={label} className={className}>
      {first ? <Link to={first.to}>{first.text}</Link> : null}
      {newer ? (
        <Link to={newer.to} rel="prev">
          {newer.text}
        </Link>
      ) : null}
      {older ? (
        <Link to={older.to} rel="next">
          {older.text}
        </Link>
      ) : null}
    </nav>
  );
}

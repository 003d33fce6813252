import type { ReactNode } from "react";
import type { DataColumn } from "./data-table";

/**
 * A maker of the columns of a table whose headers are the words of their keys (`header(key)`, for example
 * `admin:users.columns.<key>`), so each column is written as its key and its cell.
 */
export function columnsHeadedBy<Row>(header: (key: string) => ReactNode) {
  return (key: string, cell: (row: Row) => ReactNode): DataColumn<Row> => ({ key, header: header(key), cell });
}

import type { TableHTMLAttributes } from "react";

type Props = Omit<TableHTMLAttributes<HTMLTableElement>, "aria-labelledby"> & {
  /** The id of the heading that names the table; it names the scrolling region too. */
  labelledBy: string;
  /** A class for the scrolling region, where a page styles it. */
  regionClassName?: string;
};

/**
 * A table that may be wider than the screen: it scrolls sideways inside a region the keyboard can reach and scroll
 * (WCAG 1.4.10 reflow, 2.1.1 keyboard), and both carry the heading's name.
 */
export function ScrollTable({ labelledBy, regionClassName, children, ...table }: Props) {
  return (
    <div
      role="region"
      aria-labelledby={labelledBy}
      tabIndex={0}
      className={regionClassName}
      style={regionClassName ? undefined : { overflowX: "auto" }}
    >
      <table aria-labelledby={labelledBy} {...table}>
        {children}
      </table>
    </div>
  );
}

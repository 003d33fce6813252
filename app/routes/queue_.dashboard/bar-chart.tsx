import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { intlLocale, isLanguage } from "~/i18n/config";
import { numberFormat } from "~/i18n/intl-cache";

export type Bar = { key: string; label: string; value: number; alert?: boolean };

/** Numbers written the reader's way (the page's language), with at most `fractionDigits` decimals when given. */
export function useNumberFormat(fractionDigits?: number): Intl.NumberFormat {
  const { i18n } = useTranslation();
  const locale = intlLocale[isLanguage(i18n.language) ? i18n.language : "en"];
  return numberFormat(locale, fractionDigits === undefined ? undefined : { maximumFractionDigits: fractionDigits });
}

const row = 34;
const labelWidth = 230;
const barArea = 330;

/** The bars themselves, each with its label on the left and its value at its end. */
function Bars({ id, bars }: { id: string; bars: Bar[] }) {
  const number = useNumberFormat();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * row + 8;
  return (
    <svg
      viewBox={`0 0 ${labelWidth + barArea + 70} ${height}`}
      role="img"
      aria-labelledby={`${id}-title`}
      focusable="false"
    >
      {bars.map((bar, i) => {
        const width = Math.round((bar.value / max) * barArea);
        const y = i * row + 4;
        return (
          <g key={bar.key}>
            <text x={labelWidth - 8} y={y + 20} textAnchor="end">
              {bar.label.length > 28 ? `${bar.label.slice(0, 27)}…` : bar.label}
            </text>
            <rect
              className={bar.alert ? "bar bar--alert" : "bar"}
              x={labelWidth}
              y={y + 4}
              width={Math.max(width, bar.value ? 2 : 0)}
              height={row - 12}
            />
            <text x={labelWidth + Math.max(width, 0) + 6} y={y + 20}>
              {number.format(bar.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

type Props = {
  id: string;
  title: string;
  bars: Bar[];
  tableCaption: string;
  columnLabel: string;
  valueLabel: string;
  /** A fuller table of the same numbers, instead of the two-column one. */
  table?: ReactNode;
};

/**
 * Horizontal bars drawn in SVG, each labelled with its value; the figure is one image for assistive technology
 * and the same numbers follow in a table, so nothing depends on seeing the bars.
 */
export function BarChart({ id, title, bars, tableCaption, columnLabel, valueLabel, table }: Props) {
  const number = useNumberFormat();
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <Bars id={id} bars={bars} />
      {table ?? (
        <table>
          <caption className="visually-hidden">{tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{columnLabel}</th>
              <th scope="col">{valueLabel}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.key} data-row={bar.key}>
                <th scope="row">{bar.label}</th>
                <td>{number.format(bar.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}

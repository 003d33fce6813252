import type { CaseRow } from "~/i18n/case-words";

/** A row's answer: a list's rows in order (`listClassName` styles them), or the value in words. */
export function CaseRowValue({ row, listClassName }: { row: CaseRow; listClassName: string }) {
  if (!row.items) return <>{row.value}</>;
  return (
    <ol className={listClassName}>
      {row.items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ol>
  );
}

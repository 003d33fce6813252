import type { HTMLAttributes, ReactNode } from "react";

/** Attributes of an element of the list: a class, a `lang`, `data-*` hooks for tests and styles. */
type Attributes<E> = HTMLAttributes<E> & Record<`data-${string}`, string | number | undefined>;

export type Fact = {
  /** The `<dt>`: what the value is; unique in its list (React's key). */
  label: string;
  /** The `<dd>`. */
  value: ReactNode;
  /** Attributes of the `<dd>` (a test hook, `data-status`, `className="pre-line"`, `lang`). */
  valueProps?: Attributes<HTMLElement>;
};

type Props = Omit<Attributes<HTMLDListElement>, "children"> & {
  /** The facts in order; a fact the page does not have is left out with `false` or `null`. */
  facts: (Fact | false | null | undefined)[];
};

/**
 * Facts as a description list: each label and its value in a `<div>` of their own (so a style can lay a pair out
 * as a row or a card), the list's class choosing the look (`referral-head`, `summary-list`, `status-facts`).
 */
export function FactList({ facts, ...list }: Props) {
  return (
    <dl {...list}>
      {facts
        .filter((f): f is Fact => Boolean(f))
        .map((f) => (
          <div key={f.label}>
            <dt>{f.label}</dt>
            <dd {...f.valueProps}>{f.value}</dd>
          </div>
        ))}
    </dl>
  );
}

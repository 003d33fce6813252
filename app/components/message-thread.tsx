import type { ReactNode } from "react";

export type ThreadEntry = {
  id: string;
  /** Whose side the entry is from (`from-staff`, `from-physician`), which sets where it stands. */
  side: string;
  /** Who wrote it and when (and what kind of message it is, where there are kinds). */
  meta: ReactNode;
  body: string;
};

/** A thread of messages or notes, oldest first, each with its writer line and its text as written; or `none`. */
export function MessageThread({ entries, testId, none }: { entries: ThreadEntry[]; testId: string; none: string }) {
  if (!entries.length) return <p>{none}</p>;
  return (
    <ul className="thread" data-testid={testId}>
      {entries.map((entry) => (
        <li key={entry.id} className={entry.side}>
          <p className="meta">{entry.meta}</p>
          <p className="pre-line">{entry.body}</p>
        </li>
      ))}
    </ul>
  );
}

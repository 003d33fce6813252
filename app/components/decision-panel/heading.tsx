import type { ReactNode } from "react";

/** A heading at the given level (h2…h6), so the panel's outline fits the page it sits in. */
export function Heading({
  level,
  id,
  children,
  className,
}: {
  level: number;
  id?: string;
  children: ReactNode;
  className?: string;
}) {
  const Tag = `h${Math.min(level, 6)}` as "h2";
  return (
    <Tag id={id} className={className}>
      {children}
    </Tag>
  );
}

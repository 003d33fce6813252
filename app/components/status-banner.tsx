import type { ReactNode } from "react";

/**
 * A one-sentence banner at the top of a page: what just happened (`success`) or what to mind (`warning`). It is a
 * polite live region (role="status"), read out without taking focus.
 */
export function StatusBanner({
  tone,
  testId,
  children,
}: {
  tone: "success" | "warning";
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div className={`banner banner--${tone}`} role="status" data-testid={testId}>
      <p>{children}</p>
    </div>
  );
}

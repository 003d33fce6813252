import type { ReactNode } from "react";
import type { SiteNames } from "~/components/decision-panel/decision-panel";
import type { DecisionJson } from "~/domain/screen";
import { PrecheckBanner } from "./precheck-banner";

/**
 * A page of the draft referral: the step itself in the main column, and beside it the live pre-check of the
 * referral as it stands (busy while a change is being saved).
 */
export function IntakeLayout({
  precheck,
  siteNames,
  busy,
  children,
}: {
  precheck: DecisionJson | null;
  siteNames: SiteNames;
  busy?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="intake-layout">
      <div className="intake-layout__main">{children}</div>
      <div className="intake-layout__side">
        <PrecheckBanner decision={precheck} siteNames={siteNames} busy={busy} />
      </div>
    </div>
  );
}

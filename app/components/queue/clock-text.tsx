import { useTranslation } from "react-i18next";
import type { ClockView } from "~/modules/queue/clock-view";

/**
 * A referral's clock in words, with a symbol so a breach never rests on colour alone (WCAG 1.4.1).
 * `dueOn` is the due date already formatted for the page's language; `compact` (a queue cell) puts it on a line of
 * its own, without brackets.
 */
export function ClockText({
  clock,
  dueOn,
  status,
  compact,
}: {
  clock: ClockView;
  dueOn?: string | null;
  status: string;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  if (clock.kind === "running") {
    if (clock.breached) {
      return (
        <span className="clock clock--breached" data-clock="breached">
          <span aria-hidden="true">⚠ </span>
          {t("queue:clock.overdue", { count: Math.max(-clock.left, 1) })}
        </span>
      );
    }
    return (
      <span className="clock" data-clock="running">
        {clock.left === 0 ? t("queue:clock.dueToday") : t("queue:clock.left", { count: clock.left })}
        {dueOn && compact ? (
          <span className="clock__due clock__due--line">{t("queue:clock.dueShort", { date: dueOn })}</span>
        ) : null}
        {dueOn && !compact ? <span className="clock__due"> {t("queue:clock.dueOn", { date: dueOn })}</span> : null}
      </span>
    );
  }
  if (clock.kind === "paused") {
    return (
      <span className={`clock clock--paused${clock.breached ? " clock--breached" : ""}`} data-clock="paused">
        <span aria-hidden="true">{clock.breached ? "⚠ " : "⏸ "}</span>
        {clock.breached
          ? t("queue:clock.pausedOverdue", { count: -clock.left })
          : t("queue:clock.paused", { count: clock.left })}
      </span>
    );
  }
  // Referrals redirected before the receiving site's clock started on arrival (see transitionReferral) have none here.
  if (status === "redirected") {
    return (
      <span className="clock clock--stopped" data-clock="stopped">
        {t("queue:clock.redirected")}
      </span>
    );
  }
  return (
    <span className="clock clock--stopped" data-clock="stopped">
      {t(clock.late ? "queue:clock.stoppedLate" : "queue:clock.stopped", { count: clock.used })}
    </span>
  );
}

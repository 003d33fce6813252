import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { JointEventLine } from "~/components/joint-review/joint-event-line";
import type { StaffReferralPageData } from "~/modules/queue/staff-referral-page.server";

type Event = StaffReferralPageData["events"][number];

function eventWords(t: TFunction, e: Event): string {
  const base = t(`queue:history.actions.${e.action}`, { defaultValue: t("queue:history.actions.other") });
  const to =
    e.from !== e.to
      ? t("queue:history.fromTo", { from: e.from ? t(`queue:status.${e.from}`) : "—", to: t(`queue:status.${e.to}`) })
      : "";
  return [base, to].filter(Boolean).join(" ");
}

function reasonKey(action: string, code: string): string {
  if (action === "decline") return `queue:declineReasons.${code}`;
  if (action === "redirect") return `queue:redirectReasons.${code}`;
  return `queue:history.otherReasons.${code}`;
}

export function History({ events }: { events: Event[] }) {
  const { t } = useTranslation();
  return (
    <ol className="timeline" data-testid="history">
      {events.map((e) => (
        <li key={e.id} data-action={e.action}>
          <p className="when">{e.at}</p>
          <p>
            <strong>{eventWords(t, e)}</strong>{" "}
            {e.override ? (
              <span className="tag tag--override" data-testid="override-tag">
                {t("queue:override.tag")}
              </span>
            ) : null}
          </p>
          <p>
            {e.actor
              ? t("queue:history.by", { name: e.actor, role: t(`roles.${e.role}`) })
              : t("queue:history.bySystem")}
          </p>
          {e.override && e.screenOutcome ? (
            <p>{t("queue:override.explain", { outcome: t(`screen:outcomes.${e.screenOutcome}.label`) })}</p>
          ) : null}
          {e.action === "route" || e.action === "redirect" ? <p>{t("queue:history.site", { site: e.site })}</p> : null}
          {e.reasonCode ? (
            <p>
              {t("queue:history.reason", {
                reason: t(reasonKey(e.action, e.reasonCode), { defaultValue: e.reasonCode }),
              })}
            </p>
          ) : null}
          {e.assignee ? <p>{t("queue:history.assignedTo", { name: e.assignee })}</p> : null}
          {e.rescreen ? (
            <p>
              {t("rules:compare.history", {
                from: e.rescreen.from,
                to: e.rescreen.to,
                before: t(`screen:outcomes.${e.rescreen.outcomeBefore}.label`),
                after: t(`screen:outcomes.${e.rescreen.outcomeAfter}.label`),
              })}
            </p>
          ) : null}
          {e.documents.length || e.fields.length ? (
            <>
              <p>{t("queue:history.requested")}</p>
              <ul>
                {e.documents.map((d) => (
                  <li key={`d-${d}`}>{t(`intake:documents.items.${d}`)}</li>
                ))}
                {e.fields.map((f) => (
                  <li key={`f-${f}`}>{t(`screen:fields.${f}`)}</li>
                ))}
              </ul>
            </>
          ) : null}
          {e.consultation ? <p>{t("queue:history.consultation", e.consultation)}</p> : null}
          {e.joint ? <JointEventLine line={e.joint} /> : null}
          {e.note ? <p className="pre-line">{t("queue:history.note", { note: e.note })}</p> : null}
        </li>
      ))}
    </ol>
  );
}

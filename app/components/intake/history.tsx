import { useTranslation } from "react-i18next";
import type { SiteNames } from "~/components/decision-panel/decision-panel";
import { fieldKey } from "~/i18n/screen-keys";
import type { HistoryEntry } from "~/domain/workflow/history";
import { isLanguage } from "~/i18n/config";
import { formatInstant } from "~/i18n/format";
import { useReaderTimeZone } from "~/components/use-root-data";

/** A moment of the history in the reader's language and time zone (a Japanese physician reads Japan time). */
export function useDateTime() {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  const timeZone = useReaderTimeZone();
  return (iso: string) => formatInstant(iso, lng, timeZone);
}

const list = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

/** The referral's history, every step in words: who (by role), what, when, why, and what was asked or answered. */
export function History({ items, siteNames }: { items: HistoryEntry[]; siteNames: SiteNames }) {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.language) ? i18n.language : "en";
  const when = useDateTime();
  const reason = (item: HistoryEntry) => {
    if (!item.reasonCode) return null;
    const books =
      item.action === "withdraw"
        ? ["intake:withdraw.reasons"]
        : item.action === "decline"
          ? ["queue:declineReasons"]
          : ["queue:redirectReasons"];
    const key = books.map((b) => `${b}.${item.reasonCode}`).find((k) => i18n.exists(k));
    return key ? t(key) : item.reasonCode;
  };
  return (
    <ol className="history">
      {[...items].reverse().map((item) => {
        const fields = list(item.data.fields);
        const documents = list(item.data.documents);
        const actionKey = i18n.exists(`intake:history.actions.${item.action}`)
          ? `intake:history.actions.${item.action}`
          : "intake:history.actions.other";
        return (
          <li key={item.seq} className="history__item" data-action={item.action}>
            <p className="history__head">
              <strong>{t(actionKey)}</strong>{" "}
              <span className="history__when">
                <time dateTime={item.at}>{when(item.at)}</time>
              </span>
            </p>
            <p className="history__who">
              {t("intake:history.by", {
                role: item.actorRole === "system" ? t("intake:history.system") : t(`roles.${item.actorRole}`),
              })}
              {item.site && (item.action === "route" || item.action === "redirect")
                ? ` · ${t("intake:history.toSite", { site: siteNames[item.site]?.[lng] ?? item.site })}`
                : ""}
            </p>
            {item.from !== item.to ? (
              <p className="history__status">
                {t("intake:history.statusChange", {
                  from: item.from ? t(`intake:statuses.${item.from}`) : "",
                  to: t(`intake:statuses.${item.to}`),
                })}
              </p>
            ) : null}
            {reason(item) ? <p>{t("intake:history.reason", { reason: reason(item) })}</p> : null}
            {item.action === "consent_recorded" ? (
              <ul className="history__list">
                {(["sensitiveData", "crossBorder", "informedOfDiagnosis", "statusUpdates"] as const)
                  .filter((c) => c in item.data)
                  .map((c) => (
                    <li key={c}>
                      {t(item.data[c] === true ? "intake:history.consentGiven" : "intake:history.consentNotGiven", {
                        consent: t(`screen:fields.consent.${c}`),
                      })}
                    </li>
                  ))}
              </ul>
            ) : null}
            {fields.length || documents.length ? (
              <ul className="history__list">
                {documents.map((d) => (
                  <li key={`d-${d}`}>
                    {i18n.exists(`intake:documents.items.${d}`) ? t(`intake:documents.items.${d}`) : d}
                  </li>
                ))}
                {fields.map((f) => (
                  <li key={`f-${f}`}>{i18n.exists(fieldKey(f)) ? t(fieldKey(f)) : f}</li>
                ))}
              </ul>
            ) : null}
            {item.note ? <blockquote className="history__note">{item.note}</blockquote> : null}
          </li>
        );
      })}
    </ol>
  );
}

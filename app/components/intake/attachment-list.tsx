import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import type { AttachmentFacts } from "~/domain/case/attachment";
import { intlLocale, isLanguage } from "~/i18n/config";
import { numberFormat } from "~/i18n/intl-cache";

export function useFileSize() {
  const { i18n } = useTranslation();
  const locale = intlLocale[isLanguage(i18n.language) ? i18n.language : "en"];
  return (bytes: number) => {
    const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit += 1;
    }
    return numberFormat(locale, {
      style: "unit",
      unit: units[unit],
      unitDisplay: "short",
      maximumFractionDigits: unit === 0 ? 0 : 1,
    }).format(value);
  };
}

/** A referral's files: kind, name, size, checksum, a download link; a remove button while the referral is a draft. */
export function AttachmentList({
  referralId,
  items,
  removable,
}: {
  referralId: string;
  items: AttachmentFacts[];
  removable?: boolean;
}) {
  const { t } = useTranslation();
  const size = useFileSize();
  if (items.length === 0) return <p data-testid="no-attachments">{t("intake:documents.none")}</p>;
  return (
    <table className="attachments">
      <caption className="visually-hidden">{t("intake:documents.listCaption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("intake:documents.columns.kind")}</th>
          <th scope="col">{t("intake:documents.columns.file")}</th>
          <th scope="col">{t("intake:documents.columns.size")}</th>
          {removable ? (
            <th scope="col">
              <span className="visually-hidden">{t("intake:documents.columns.actions")}</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} data-kind={item.kind} data-media-type={item.mediaType}>
            <td>{t(`intake:documents.kinds.${item.kind}`)}</td>
            <td>
              <a href={`/referrals/${referralId}/attachments/${item.id}`} download>
                {item.fileName}
              </a>
              <br />
              <span className="hint attachments__sha">
                {t("intake:documents.sha256", { sha: item.sha256.slice(0, 16) })}
              </span>
            </td>
            <td>{size(item.sizeBytes)}</td>
            {removable ? (
              <td>
                <form method="post">
                  <CsrfInput />
                  <input type="hidden" name="attachmentId" value={item.id} />
                  <button type="submit" name="intent" value="remove" className="button-link">
                    {t("intake:documents.remove")}
                    <span className="visually-hidden"> {item.fileName}</span>
                  </button>
                </form>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

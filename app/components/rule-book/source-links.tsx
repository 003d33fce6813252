import { useTranslation } from "react-i18next";

/** A rule's sources as links (their addresses are the names: no words to translate, nothing hidden). */
export function SourceLinks({ sources }: { sources: readonly string[] }) {
  const { t } = useTranslation();
  if (sources.length === 0) return <>{t("rules:criteria.noSources")}</>;
  return (
    <ul className="rule__sources">
      {sources.map((url) => (
        <li key={url}>
          <a href={url} rel="noreferrer">
            {url}
          </a>
        </li>
      ))}
    </ul>
  );
}

import { useTranslation } from "react-i18next";
import { SourceList } from "~/components/source-list";

/** A rule's sources as links, or a word saying it has none. */
export function SourceLinks({ sources }: { sources: readonly string[] }) {
  const { t } = useTranslation();
  if (sources.length === 0) return <>{t("rules:criteria.noSources")}</>;
  return <SourceList sources={sources} className="rule__sources" />;
}

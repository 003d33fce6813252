import { useMatches } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type TitleHandle = { titleKey?: string };

/** The document title from the deepest route's `handle.titleKey`, in the page's language. */
export function PageTitle() {
  const { t } = useTranslation();
  const matches = useMatches();
  const key = [...matches]
    .reverse()
    .map((m) => (m.handle as TitleHandle | undefined)?.titleKey)
    .find(Boolean);
  return <title>{key ? t("shell.pageTitle", { page: t(key) }) : t("shell.portalName")}</title>;
}

import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { languageAutonyms, languages } from "~/i18n/config";

/**
 * Plain links (`?lng=xx`), so switching works without JavaScript; a full load swaps the loaded language.
 * Each name is written in its own language and tagged with it, so screen readers pronounce it right.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    <nav aria-label={t("shell.languageNav")} className="language-switcher">
      <ul>
        {languages.map((lng) => {
          const params = new URLSearchParams(location.search);
          params.set("lng", lng);
          const current = i18n.language === lng;
          return (
            <li key={lng}>
              <a
                href={`${location.pathname}?${params}`}
                lang={lng}
                hrefLang={lng}
                aria-current={current ? "true" : undefined}
              >
                {languageAutonyms[lng]}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

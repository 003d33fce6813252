import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { defaultNamespace, fallbackLanguage, isLanguage } from "./i18n/config";
import { addParticleFormat } from "./i18n/korean-particle";

async function hydrate() {
  const htmlLang = document.documentElement.lang;
  const lng = isLanguage(htmlLang) ? htmlLang : fallbackLanguage;
  // All namespaces of the page's language in one cached request; switching language reloads the page.
  const response = await fetch(`/locales/${lng}`);
  const bundle = (await response.json()) as { version: string; resources: Record<string, Record<string, unknown>> };
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: false,
    ns: Object.keys(bundle.resources),
    defaultNS: defaultNamespace,
    resources: { [lng]: bundle.resources },
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  addParticleFormat(i18next);
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();

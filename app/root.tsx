import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppErrorBoundary } from "./components/error-boundary";
import { PageTitle } from "./components/page-title";
import { SiteHeader } from "./components/site-header";
import { SiteFooter } from "./components/site-footer";
import { isLanguage } from "./i18n/config";
import { languageCookieName, languageParam } from "./i18n/detect";
import { getSessionUser } from "./modules/accounts/session.server";
import { rulesReviewNotice } from "./modules/rules/rules.service.server";
import { pageLanguage } from "./modules/status-lookup/status-language.server";
import { readerTimeZone } from "./modules/sites/site-facts.server";
import { PORTAL_TIME_ZONE } from "./domain/routing/site-facts";
import { getDb } from "./utils/db.server";
import { RulesReviewBanner } from "./components/rules-review-banner";
import type { RootData } from "./components/use-root-data";
import { serializeCookie } from "./utils/cookies.server";
import { csrfTokenFor } from "./utils/csrf.server";
import { useNonce } from "./utils/nonce";
import stylesUrl from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  // The reader's language; a patient's status page falls back to the patient's own (entry.server.tsx renders in it).
  const lng = await pageLanguage(request);
  const user = await getSessionUser(request);
  const csrf = csrfTokenFor(request);
  const headers = new Headers();
  if (csrf.setCookie) headers.append("Set-Cookie", csrf.setCookie);
  // A choice made with the switcher is remembered for a year (a language code is not personal data).
  if (isLanguage(new URL(request.url).searchParams.get(languageParam))) {
    headers.append(
      "Set-Cookie",
      serializeCookie(languageCookieName, lng, { maxAgeSeconds: 31_536_000, httpOnly: false }),
    );
  }
  return data(
    {
      lng,
      csrfToken: csrf.token,
      user: user && {
        familyName: user.familyName,
        givenName: user.givenName,
        role: user.role,
        siteCode: user.siteCode,
        status: user.status,
      },
      // The zone the reader's times are shown in: their site's, else their country's (a Japanese physician, Japan time).
      timeZone: user ? await readerTimeZone(await getDb(), user) : PORTAL_TIME_ZONE,
      // K10: administrators are told when the newest rule set is past its review date (the banner on admin pages).
      rulesReview: user?.role === "admin" && user.status === "active" ? rulesReviewNotice(new Date()) : null,
    } satisfies RootData,
    { headers },
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const { i18n, t } = useTranslation();
  const nonce = useNonce();
  // A route whose handle says `hydrate: false` is served as plain HTML, with no script at all (the patient status pages).
  const hydrate = !useMatches().some((match) => (match.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
  return (
    <html lang={i18n.language} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <PageTitle />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("shell.skipToContent")}
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1} className="page">
          <RulesReviewBanner />
          {children}
        </main>
        <SiteFooter />
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export const ErrorBoundary = AppErrorBoundary;

import { Form, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "./csrf-input";
import { LanguageSwitcher } from "./language-switcher";
import { navigationFor } from "./navigation";
import { useRootData } from "./use-root-data";
import { personName } from "~/i18n/person-name";

export function SiteHeader() {
  const { t } = useTranslation();
  const root = useRootData();
  const user = root?.user ?? null;
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <NavLink to="/" className="site-header__name">
          {t("shell.portalName")}
        </NavLink>
        <LanguageSwitcher />
      </div>
      <div className="site-header__nav">
        <nav aria-label={t("shell.mainNav")}>
          <ul>
            {navigationFor(user).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === "/"}>
                  {t(item.labelKey)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        {user ? (
          <div className="site-header__user">
            <span>
              {t("shell.signedInAs", {
                name: personName(user.familyName, user.givenName),
                role: t(`roles.${user.role}`),
              })}
            </span>
            <Form method="post" action="/logout">
              <CsrfInput />
              <button type="submit" className="button-link">
                {t("shell.signOut")}
              </button>
            </Form>
          </div>
        ) : null}
      </div>
    </header>
  );
}

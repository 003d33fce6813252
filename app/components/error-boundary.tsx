import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

const known = new Set([400, 403, 404, 405, 413, 429]);

/** One translated error page for every route; never shows a stack trace or an internal message. */
export function AppErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) && known.has(error.status) ? error.status : 500;
  return (
    <div className="error-page">
      <h1>{t(`errors.${status}.title`)}</h1>
      <p>{t(`errors.${status}.body`)}</p>
      <p>
        <Link to="/">{t("errors.backHome")}</Link>
      </p>
    </div>
  );
}

import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { homeFor } from "~/modules/accounts/home";
import { getSessionUser } from "~/modules/accounts/session.server";
import { personName } from "~/i18n/person-name";

export const handle = { titleKey: "auth:pending.title" };

/** After registering (no session), or for a signed-in account that no one has approved yet. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (user && user.status !== "pending") throw redirect(homeFor(user));
  return {
    user: user && {
      familyName: user.familyName,
      givenName: user.givenName,
      email: user.email,
      institution: user.institution,
    },
  };
}

export default function Pending() {
  const { t } = useTranslation();
  const { user } = useLoaderData<typeof loader>();
  return (
    <div className="form">
      <h1>{t("auth:pending.heading")}</h1>
      {user ? (
        <p>
          {t("auth:pending.signedIn", {
            name: personName(user.familyName, user.givenName),
            email: user.email,
            institution: user.institution,
          })}
        </p>
      ) : null}
      <p>{t("auth:pending.body")}</p>
      {user ? null : (
        <>
          <p>{t("auth:pending.registeredBefore")}</p>
          <p>
            <Link to="/login">{t("auth:register.signInLink")}</Link>
          </p>
        </>
      )}
    </div>
  );
}

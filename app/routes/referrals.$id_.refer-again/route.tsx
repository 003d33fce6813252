import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOwnReferral } from "~/modules/intake/guards.server";
import { referAgain } from "~/modules/intake/refer-again.service.server";
import { clientIp } from "~/utils/client-ip.server";

export const handle = { titleKey: "decisions:referAgain.heading" };

/** Nothing to show by GET (a GET never creates a draft, ADR 0008): back to the referral, if it is yours. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { referral } = await requireOwnReferral(request, params.id);
  throw redirect(`/referrals/${referral.id}`);
}

/** "Refer again with new information": opens the new draft, prefilled and linked to this referral. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { db, user, referral } = await requireOwnReferral(request, params.id);
  const result = await referAgain(db, { user, referral, now: new Date(), ip: clientIp(request) });
  if (result.ok) return redirect(`/referrals/${result.id}/edit`);
  return data({ refused: true }, { status: 409 });
}

/** Shown only when a referral that was not declined is posted here (an old tab): says why, and the way back. */
export default function ReferAgainRefused() {
  const { t } = useTranslation();
  const answer = useActionData<typeof action>();
  const { id } = useParams();
  return (
    <>
      <h1>{t("decisions:referAgain.heading")}</h1>
      {answer ? (
        <div className="banner banner--warning" role="alert">
          <p>{t("decisions:referAgain.notDeclined")}</p>
        </div>
      ) : null}
      <p>
        <Link to={`/referrals/${id}`}>{t("decisions:letterPage.back")}</Link>
      </p>
    </>
  );
}

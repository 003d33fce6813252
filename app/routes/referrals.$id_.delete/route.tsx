import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PostForm } from "~/components/forms/post-form";
import { SubmitRow } from "~/components/forms/submit-row";
import { requireOwnDraft } from "~/modules/intake/guards.server";
import { getPath } from "~/modules/intake/intake-form";
import { caseOf, discardDraft } from "~/modules/intake/intake.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { personName } from "~/i18n/person-name";

export const handle = { titleKey: "intake:delete.title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { referral } = await requireOwnDraft(request, params.id);
  const saved = caseOf(referral);
  return {
    id: referral.id,
    family: (getPath(saved, "patient.familyName") as string | undefined) ?? null,
    given: (getPath(saved, "patient.givenName") as string | undefined) ?? null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, user, referral } = await requireOwnDraft(request, params.id);
  await discardDraft(db, { user, referral, now: new Date(), ip: clientIp(request) });
  return redirect("/referrals?done=deleted");
}

/** Deleting a draft asks once more: it cannot be undone. */
export default function DeleteDraft() {
  const { t } = useTranslation();
  const { id, family, given } = useLoaderData<typeof loader>();
  const name = family || given ? personName(family ?? "", given ?? "") : t("intake:list.unnamed");
  return (
    <div className="form">
      <h1>{t("intake:delete.title")}</h1>
      <p className="lead">{t("intake:delete.question", { name })}</p>
      <p>{t("intake:delete.warning")}</p>
      <PostForm data-form="delete-draft">
        <SubmitRow
          submit={t("intake:delete.confirm")}
          cancel={{ to: `/referrals/${id}/edit`, text: t("intake:delete.cancel") }}
          warning
        />
      </PostForm>
    </div>
  );
}

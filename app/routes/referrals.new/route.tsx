import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { PostForm } from "~/components/forms/post-form";
import { SubmitRow } from "~/components/forms/submit-row";
import { StaffPageHeader } from "~/components/staff-page-header/staff-page-header";
import { requireRole } from "~/modules/accounts/guards.server";
import { createDraft } from "~/modules/intake/intake.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";

export const handle = { titleKey: "intake:start.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["physician"]);
  return null;
}

/** Creates a draft on the server (so it can be resumed anywhere) and opens its task list. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["physician"]);
  const id = await createDraft(await getDb(), { user, now: new Date(), ip: clientIp(request) });
  return redirect(`/referrals/${id}/edit`);
}

export default function NewReferral() {
  const { t } = useTranslation();
  return (
    <div className="form">
      <StaffPageHeader heading={t("intake:start.title")} lead={t("intake:start.lead")} />
      <h2>{t("intake:start.needTitle")}</h2>
      <ul>
        <li>{t("intake:start.need.patient")}</li>
        <li>{t("intake:start.need.consent")}</li>
        <li>{t("intake:start.need.diagnosis")}</li>
        <li>{t("intake:start.need.documents")}</li>
      </ul>
      <p>{t("intake:start.drafts")}</p>
      <PostForm data-form="start-referral">
        <SubmitRow submit={t("intake:start.submit")} cancel={{ to: "/referrals", text: t("intake:start.back") }} />
      </PostForm>
    </div>
  );
}

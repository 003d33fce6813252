import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import panelStylesUrl from "~/components/decision-panel/decision-panel.css?url";
import { AttachmentList } from "~/components/intake/attachment-list";
import { ChecklistView } from "~/components/intake/checklist-view";
import intakeStylesUrl from "~/components/intake/intake.css?url";
import { IntakeLayout } from "~/components/intake/intake-layout";
import { StatusBanner } from "~/components/status-banner";
import { UploadForm, type UploadAnswer } from "~/components/intake/upload-form";
import { listAttachments, removeAttachment } from "~/modules/intake/attachments.service.server";
import { checklistFor } from "~/modules/intake/checklist";
import { requireOwnDraft } from "~/modules/intake/guards.server";
import { getPath, isIndication } from "~/modules/intake/intake-form";
import { caseOf, livePrecheck } from "~/modules/intake/intake.service.server";
import { maxFileMb, receivePageUpload } from "~/modules/intake/page-upload.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { isMultipart } from "~/utils/csrf.server";

// `csrf`: without JavaScript this page's upload form posts a multipart body, whose first part (the token) the action
// checks itself before reading any file (server/csrf-guard.ts, docs/decisions/0008-intake.md).
export const handle = { titleKey: "intake:documents.pageTitle", csrf: "multipart-first-part" };
export const links = () => [
  { rel: "stylesheet", href: panelStylesUrl },
  { rel: "stylesheet", href: intakeStylesUrl },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, referral } = await requireOwnDraft(request, params.id);
  const saved = caseOf(referral);
  const attachments = await listAttachments(db, referral.id);
  const indication = getPath(saved, "diagnosis.indication");
  return {
    id: referral.id,
    attachments,
    checklist: checklistFor(
      isIndication(indication) ? indication : null,
      attachments.map((a) => a.kind),
    ),
    precheck: await livePrecheck(db, saved, new Date()),
    siteNames: await siteNames(db),
    maxFileMb: maxFileMb(),
    removed: new URL(request.url).searchParams.get("removed") === "1",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, user, referral } = await requireOwnDraft(request, params.id);
  const now = new Date();
  const ip = clientIp(request);
  if (isMultipart(request)) {
    const { upload, status } = await receivePageUpload(db, request, { user, referralId: referral.id, now, ip });
    return data({ upload }, { status });
  }
  const formData = await request.formData();
  const attachmentId = formData.get("attachmentId");
  if (formData.get("intent") === "remove" && typeof attachmentId === "string") {
    await removeAttachment(db, { user, referralId: referral.id, attachmentId, now, ip });
    return redirect(`/referrals/${referral.id}/edit/documents?removed=1`);
  }
  return redirect(`/referrals/${referral.id}/edit/documents`);
}

export default function Documents() {
  const { t } = useTranslation();
  const loaderData = useLoaderData<typeof loader>();
  const posted = useActionData<{ upload: UploadAnswer }>();
  return (
    <IntakeLayout precheck={loaderData.precheck} siteNames={loaderData.siteNames}>
      <h1>{t("intake:sections.documents.title")}</h1>
      <p className="lead">{t("intake:sections.documents.intro")}</p>
      {loaderData.removed ? <StatusBanner tone="success">{t("intake:documents.removedNotice")}</StatusBanner> : null}
      <ChecklistView lines={loaderData.checklist} />
      <section aria-labelledby="upload-title">
        <h2 id="upload-title">{t("intake:documents.uploadTitle")}</h2>
        <UploadForm
          referralId={loaderData.id}
          action={`/referrals/${loaderData.id}/edit/documents`}
          posted={posted?.upload}
          maxFileMb={loaderData.maxFileMb}
        />
      </section>
      <section aria-labelledby="attached-title">
        <h2 id="attached-title">{t("intake:documents.attachedTitle")}</h2>
        <AttachmentList referralId={loaderData.id} items={loaderData.attachments} removable />
      </section>
      <p className="button-row">
        <Link to={`/referrals/${loaderData.id}/edit/review`} className="button">
          {t("intake:form.next")}
        </Link>
        <Link to={`/referrals/${loaderData.id}/edit`}>{t("intake:form.backToTasks")}</Link>
      </p>
    </IntakeLayout>
  );
}

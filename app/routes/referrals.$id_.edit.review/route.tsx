import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PostForm } from "~/components/forms/post-form";
import panelStylesUrl from "~/components/decision-panel/decision-panel.css?url";
import { AttachmentList } from "~/components/intake/attachment-list";
import { CaseSummary } from "~/components/intake/case-summary";
import { ChecklistView } from "~/components/intake/checklist-view";
import intakeStylesUrl from "~/components/intake/intake.css?url";
import { IntakeLayout } from "~/components/intake/intake-layout";
import { fieldId } from "~/components/forms/error-summary";
import { intlLocale } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n.server";
import { listAttachments } from "~/modules/intake/attachments.service.server";
import { checklistFor, missingDocuments } from "~/modules/intake/checklist";
import { requireOwnDraft } from "~/modules/intake/guards.server";
import { formSections, getPath, isIndication, sectionOf, validateSaved } from "~/modules/intake/intake-form";
import { caseOf, livePrecheck, referralToday, submitDraft } from "~/modules/intake/intake.service.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { kickMailer } from "~/modules/notifications/mailer.server";
import { regionNames } from "~/i18n/intl-cache";
import { IncompleteBanner, SubmitProblems, type Problem } from "./review-problems";

export const handle = { titleKey: "intake:review.title" };
export const links = () => [
  { rel: "stylesheet", href: panelStylesUrl },
  { rel: "stylesheet", href: intakeStylesUrl },
];

function problemsOf(
  issues: { path: string; key: string; params?: Record<string, unknown> }[],
  t: (key: string, params?: Record<string, unknown>) => string,
): Problem[] {
  return issues.map((issue) => ({
    section: sectionOf(issue.path) ?? "documents",
    path: issue.path,
    message: t(issue.key, issue.params ?? {}),
  }));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, referral } = await requireOwnDraft(request, params.id);
  const { lng, t } = translatorFor(request, ["intake", "screen"]);
  const now = new Date();
  const saved = caseOf(referral);
  const today = referralToday(now);
  const attachments = await listAttachments(db, referral.id);
  const indication = getPath(saved, "diagnosis.indication");
  const checklist = checklistFor(
    isIndication(indication) ? indication : null,
    attachments.map((a) => a.kind),
  );
  const residence = getPath(saved, "patient.residenceCountry");
  const regions = regionNames(intlLocale[lng]);
  return {
    id: referral.id,
    caseData: saved,
    today,
    attachments,
    checklist,
    missingDocuments: missingDocuments(checklist).length,
    problems: problemsOf(
      formSections.flatMap((s) => validateSaved(s, saved, today)),
      t,
    ),
    countryNames:
      typeof residence === "string" && /^[A-Z]{2}$/.test(residence)
        ? { [residence]: regions.of(residence) ?? residence }
        : {},
    precheck: await livePrecheck(db, saved, now),
    siteNames: await siteNames(db),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, user, referral } = await requireOwnDraft(request, params.id);
  const { t } = translatorFor(request, ["intake", "screen"]);
  const result = await submitDraft(db, { user, referral, now: new Date(), ip: clientIp(request) });
  if (result.ok) {
    void kickMailer(); // a patient who opted in hears the referral was received
    return redirect(`/referrals/${result.id}/submitted`);
  }
  if (result.code === "not_draft") return redirect(`/referrals/${referral.id}`);
  return data({ problems: problemsOf(result.issues, t) }, { status: 400 });
}

export default function Review() {
  const { t } = useTranslation();
  const loaderData = useLoaderData<typeof loader>();
  const posted = useActionData<{ problems: Problem[] }>();
  const navigation = useNavigation();
  const problems = posted?.problems ?? [];
  const incomplete = loaderData.problems;

  return (
    <IntakeLayout precheck={loaderData.precheck} siteNames={loaderData.siteNames}>
      <h1>{t("intake:review.title")}</h1>
      <SubmitProblems referralId={loaderData.id} problems={problems} />
      <p className="lead">{t("intake:review.lead")}</p>
      {!problems.length && incomplete.length ? (
        <IncompleteBanner referralId={loaderData.id} incomplete={incomplete} />
      ) : null}
      <CaseSummary
        caseData={loaderData.caseData}
        today={loaderData.today}
        siteNames={loaderData.siteNames}
        countryNames={loaderData.countryNames}
        changeHref={(section, path) => `/referrals/${loaderData.id}/edit/${section}#${fieldId(path)}`}
      />
      <section aria-labelledby="summary-documents">
        <h2 id="summary-documents">{t("intake:sections.documents.title")}</h2>
        <AttachmentList referralId={loaderData.id} items={loaderData.attachments} />
        <p>
          <Link to={`/referrals/${loaderData.id}/edit/documents`}>{t("intake:review.changeDocuments")}</Link>
        </p>
      </section>
      <ChecklistView lines={loaderData.checklist} headingId="review-checklist" />
      {loaderData.missingDocuments ? (
        <p className="hint">{t("intake:review.missingDocuments", { count: loaderData.missingDocuments })}</p>
      ) : null}

      <h2>{t("intake:review.declarationTitle")}</h2>
      <p>{t("intake:review.declaration")}</p>
      <PostForm
        data-form="submit-referral"
        submit={{ text: t("intake:review.submit"), disabled: navigation.state === "submitting" }}
      />
      <p>
        <Link to={`/referrals/${loaderData.id}/edit`}>{t("intake:form.backToTasks")}</Link>
      </p>
    </IntakeLayout>
  );
}

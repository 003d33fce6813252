import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import panelStylesUrl from "~/components/decision-panel/decision-panel.css?url";
import { AttachmentList } from "~/components/intake/attachment-list";
import { CaseSummary } from "~/components/intake/case-summary";
import { fieldLabel } from "~/components/intake/intake-field";
import { itemPathOf } from "~/domain/case/field-catalogue";
import { ChecklistView } from "~/components/intake/checklist-view";
import intakeStylesUrl from "~/components/intake/intake.css?url";
import { PrecheckBanner } from "~/components/intake/precheck-banner";
import { fieldId } from "~/components/forms/error-summary";
import { intlLocale } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n.server";
import { listAttachments } from "~/modules/intake/attachments.service.server";
import { checklistFor, missingDocuments } from "~/modules/intake/checklist";
import { requireOwnDraft } from "~/modules/intake/guards.server";
import {
  formSections,
  getPath,
  isIndication,
  sectionOf,
  validateSaved,
  type FormSection,
} from "~/modules/intake/intake-form";
import { caseOf, livePrecheck, referralToday, submitDraft } from "~/modules/intake/intake.service.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { kickMailer } from "~/modules/notifications/mailer.server";
import { regionNames } from "~/i18n/intl-cache";

export const handle = { titleKey: "intake:review.title" };
export const links = () => [
  { rel: "stylesheet", href: panelStylesUrl },
  { rel: "stylesheet", href: intakeStylesUrl },
];

type Problem = { section: FormSection | "documents"; path: string; message: string };

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
  const { t, i18n } = useTranslation();
  const loaderData = useLoaderData<typeof loader>();
  const posted = useActionData<{ problems: Problem[] }>();
  const label = (path: string) =>
    i18n.exists(`screen:fields.${path}`) || itemPathOf(path) ? fieldLabel(t, path) : t("screen:fields.attachments");
  const navigation = useNavigation();
  const problems = posted?.problems ?? [];
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length) summaryRef.current?.focus();
  }, [problems.length, posted]);
  const href = (section: string, path: string) =>
    section === "documents"
      ? `/referrals/${loaderData.id}/edit/documents`
      : `/referrals/${loaderData.id}/edit/${section}#${fieldId(path)}`;
  const incomplete = loaderData.problems;

  return (
    <div className="intake-layout">
      <div className="intake-layout__main">
        <h1>{t("intake:review.title")}</h1>
        {problems.length ? (
          <div
            className="error-summary"
            role="alert"
            aria-labelledby="review-problems-title"
            tabIndex={-1}
            ref={summaryRef}
          >
            <h2 id="review-problems-title">{t("forms.errorSummaryTitle")}</h2>
            <ul>
              {problems.map((p) => (
                <li key={p.path}>
                  <a href={href(p.section, p.path)}>
                    {t("intake:review.problemInSection", {
                      section: t(`intake:sections.${p.section}.title`),
                      field: label(p.path),
                      message: p.message,
                    })}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <p className="lead">{t("intake:review.lead")}</p>
        {!problems.length && incomplete.length ? (
          <div className="banner banner--warning" data-testid="review-incomplete">
            <h2>{t("intake:review.incompleteTitle", { count: incomplete.length })}</h2>
            <ul>
              {incomplete.map((p) => (
                <li key={p.path}>
                  <Link to={href(p.section, p.path)}>
                    {t("intake:review.problem", { field: label(p.path), message: p.message })}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
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
        <Form method="post" data-form="submit-referral">
          <CsrfInput />
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("intake:review.submit")}
          </button>
        </Form>
        <p>
          <Link to={`/referrals/${loaderData.id}/edit`}>{t("intake:form.backToTasks")}</Link>
        </p>
      </div>
      <div className="intake-layout__side">
        <PrecheckBanner decision={loaderData.precheck} siteNames={loaderData.siteNames} />
      </div>
    </div>
  );
}

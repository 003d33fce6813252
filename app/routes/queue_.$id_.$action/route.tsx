import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CiteRecommendation } from "~/components/joint-review/cite-recommendation";
import { CsrfInput } from "~/components/csrf-input";
import { indicationKey } from "~/i18n/screen-keys";
import { SubmitRow } from "~/components/forms/submit-row";
import queueStyles from "~/components/queue/queue.css?url";
import { StaffPageHeader } from "~/components/staff-page-header/staff-page-header";
import { translatorFor } from "~/i18n/i18n.server";
import { kickMailer } from "~/modules/notifications/mailer.server";
import { actionOfSlug, actionSchemas, actionSlugs } from "~/modules/queue/queue.schema";
import { requireStaff } from "~/modules/queue/staff.server";
import { performStaffAction, referralForStaff } from "~/modules/queue/triage.service.server";
import { notFound } from "~/utils/not-found.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { translateIssues } from "~/utils/form.server";
import { personName } from "~/i18n/person-name";
import { readForm, refusalAnswer, type ActionAnswer } from "./action-answer.server";
import { ActionFields } from "./action-fields";
import { actionPageFor, type ActionPageData } from "./action-page.server";
import { ActionWarnings } from "./action-warnings";

export const handle = { titleKey: "queue:actionPage.title" };
export const links = () => [{ rel: "stylesheet", href: queueStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const now = new Date();
  const staff = await requireStaff(request, now);
  const action = actionOfSlug(params.action);
  if (!action) throw notFound();
  const { lng, t } = translatorFor(request);
  const page = await actionPageFor(await getDb(), staff, params.id ?? "", action, lng, t, now);
  if (!page) throw notFound();
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const action = actionOfSlug(params.action);
  if (!action) throw notFound();
  const { t, lng } = translatorFor(request);
  const db = await getDb();
  const referral = await referralForStaff(db, staff, params.id ?? "");
  if (!referral) throw notFound();
  const form = await request.formData();
  const { input, values } = readForm(form);
  const cites = form.get("citesRecommendation");
  const parsed = actionSchemas[action].safeParse(input);
  if (!parsed.success)
    return data<ActionAnswer>({ errors: translateIssues(parsed.error.issues, t), values }, { status: 400 });
  const result = await performStaffAction(db, staff, referral.id, action, parsed.data as never, {
    now: new Date(),
    ip: clientIp(request),
    portalUrl: new URL(request.url).origin,
    lng,
    citesRecommendation: typeof cites === "string" && cites ? cites : undefined,
  });
  if (!result.ok) return refusalAnswer(db, referral, result, values, lng, t);
  void kickMailer();
  // A redirect takes the referral out of this site's reach: its page would now be a 404, so the queue confirms it.
  if (action === "redirect") return redirect(`/queue?done=moved&referral=${encodeURIComponent(referral.id)}`);
  return redirect(`/queue/${referral.id}?done=${action}`);
}

/** The referral's key facts above the step's form. */
function useFacts(page: ActionPageData) {
  const { t } = useTranslation();
  return [
    { key: "code", label: t("queue:columns.code"), value: page.referenceCode },
    {
      key: "patient",
      label: t("queue:columns.patient"),
      value: personName(page.patient.familyName, page.patient.givenName),
    },
    { key: "status", label: t("queue:columns.status"), value: t(`queue:status.${page.status}`) },
    {
      key: "indication",
      label: t("queue:columns.indication"),
      value: page.indication ? t(indicationKey(page.indication)) : null,
    },
    {
      key: "screen",
      label: t("queue:columns.screen"),
      value: page.outcome ? t(`screen:outcomes.${page.outcome}.label`) : null,
    },
  ];
}

/** The step's form: the recommendation it may cite, its fields, and the button that takes it. */
function StepForm({ page, answer }: { page: ActionPageData; answer: ActionAnswer | undefined }) {
  const { t } = useTranslation();
  const action = page.action;
  return (
    <Form method="post" data-form={`action-${actionSlugs[action]}`} noValidate>
      <CsrfInput />
      {page.jointRecommendation ? (
        <CiteRecommendation
          recommendation={page.jointRecommendation}
          cited={answer ? answer.values.citesRecommendation === page.jointRecommendation.id : true}
        />
      ) : null}
      <ActionFields page={page} answer={answer} />
      <SubmitRow
        submit={t(`queue:actionPage.submit.${action}`)}
        cancel={{ to: `/queue/${page.id}`, text: t("queue:actionPage.cancel") }}
        warning={action === "decline"}
      />
    </Form>
  );
}

export default function StaffAction() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<ActionAnswer>();
  const action = page.action;
  const facts = useFacts(page);
  return (
    <div className="form">
      <StaffPageHeader
        back={{ to: `/queue/${page.id}`, text: t("queue:actionPage.back", { code: page.referenceCode }) }}
        heading={t(`queue:actionPage.headings.${action}`)}
        errors={answer?.errors}
        formError={answer?.formError}
        facts={facts}
      />
      {!page.available ? (
        <div className="banner banner--warning" data-testid="not-available">
          <p>{t("queue:errors.illegal_transition", { status: t(`queue:status.${page.status}`) })}</p>
        </div>
      ) : (
        <>
          <p>{t(`queue:actionPage.intro.${action}`, { site: page.redirectTo?.site ?? page.siteName })}</p>
          <ActionWarnings page={page} />
          <StepForm page={page} answer={answer} />
        </>
      )}
    </div>
  );
}

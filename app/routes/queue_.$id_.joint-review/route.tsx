import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { typedField } from "~/components/forms/typed-field";
import { StaffPageHeader } from "~/components/staff-page-header/staff-page-header";
import { TextAreaField } from "~/components/forms/text-area-field";
import queueStyles from "~/components/queue/queue.css?url";
import { otherSite } from "~/domain/routing/site-facts";
import { formatInstant } from "~/i18n/format";
import { personName } from "~/i18n/person-name";
import { proposeSchema } from "~/modules/conferences/conferences.schema";
import { ownerJointPanel } from "~/modules/joint-review/joint-review-view.server";
import { closeJointReview, proposeJointReview } from "~/modules/joint-review/joint-review.service.server";
import { siteClockOf } from "~/modules/queue/staff.server";
import { staffRecord } from "~/modules/queue/staff-record.server";
import { referralForStaff } from "~/modules/queue/triage.service.server";
import { notFound } from "~/utils/not-found.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { siteFacts } from "~/modules/sites/site-facts.server";
import { clientIp } from "~/utils/client-ip.server";
import { validateForm, type FormValues } from "~/utils/form.server";
import { PostForm } from "~/components/forms/post-form";
import { SubmitRow } from "~/components/forms/submit-row";

export const handle = { titleKey: "conferences:propose.title" };
export const links = () => [{ rel: "stylesheet", href: queueStyles }];

type ActionAnswer = { errors: Record<string, string>; formError?: string; values: FormValues };

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Only the owning site proposes or closes: anyone else gets the same empty 404 as for the referral.
  const { staff, lng, db, record: referral } = await staffRecord(request, params.id, referralForStaff);
  const panel = await ownerJointPanel(db, referral);
  const names = await siteNames(db);
  const partner = (otherSite(await siteFacts(db), referral.siteCode)?.code ?? "") as keyof typeof names;
  const { timezone } = await siteClockOf(db, staff.siteCode);
  const open = panel.summary?.open ? panel.summary : null;
  return {
    id: referral.id,
    referenceCode: referral.referenceCode ?? "",
    patient: personName(referral.patient.familyName ?? "", referral.patient.givenName ?? ""),
    partnerSite: names[partner]?.[lng] ?? partner,
    refusal: panel.refusal === "already_open" ? null : panel.refusal,
    open: open ? { question: open.question, proposedAt: formatInstant(open.proposedAt, lng, timezone) } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { staff, t, lng, db, id, record: referral } = await staffRecord(request, params.id, referralForStaff);
  const form = await request.formData();
  const ctx = { now: new Date(), ip: clientIp(request) };
  if (form.get("intent") === "close") {
    await closeJointReview(db, staff, id, ctx);
    return redirect(`/queue/${id}?done=joint_closed#joint`);
  }
  const parsed = validateForm(proposeSchema, form, t);
  if (!parsed.ok) return data<ActionAnswer>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await proposeJointReview(db, staff, id, parsed.data.question, ctx);
  if (result.ok) return redirect(`/queue/${id}?done=joint_proposed#joint`);
  if (result.code === "not_found") throw notFound();
  const names = await siteNames(db);
  const partner = (otherSite(await siteFacts(db), referral.siteCode)?.code ?? "") as keyof typeof names;
  // The refusal says why in words, and the typed question stays for when the reason is mended.
  return data<ActionAnswer>(
    {
      errors: {},
      formError: t(`conferences:refusals.${result.code}`, { site: names[partner]?.[lng] ?? partner }),
      values: parsed.values,
    },
    { status: 409 },
  );
}

export default function JointReviewPage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<ActionAnswer>();
  return (
    <div className="form">
      <StaffPageHeader
        back={{ to: `/queue/${page.id}`, text: t("queue:actionPage.back", { code: page.referenceCode }) }}
        heading={t(page.open ? "conferences:propose.headingOpen" : "conferences:propose.heading", {
          site: page.partnerSite,
        })}
        errors={answer?.errors}
        formError={answer?.formError}
        facts={[
          { key: "code", label: t("queue:columns.code"), value: page.referenceCode },
          { key: "patient", label: t("queue:columns.patient"), value: page.patient },
        ]}
      />
      {page.open ? (
        <>
          <p>{t("conferences:panel.open", { site: page.partnerSite, date: page.open.proposedAt })}</p>
          <p className="pre-line">{page.open.question}</p>
          <p>{t("conferences:propose.closeExplain", { site: page.partnerSite })}</p>
          <PostForm
            intent="close"
            data-form="joint-close"
            submit={{ text: t("conferences:propose.close"), variant: "warning" }}
          />
        </>
      ) : (
        <>
          <p>{t("conferences:propose.explain", { site: page.partnerSite })}</p>
          <ul>
            <li>{t("conferences:propose.shares")}</li>
            <li>{t("conferences:propose.keeps")}</li>
            <li>{t("conferences:propose.audit")}</li>
          </ul>
          {page.refusal ? (
            <div className="banner banner--warning" data-testid="joint-refusal">
              <p>{t(`conferences:refusals.${page.refusal}`, { site: page.partnerSite })}</p>
            </div>
          ) : null}
          <PostForm intent="propose" data-form="joint-propose" noValidate>
            <TextAreaField
              {...typedField(answer, "question")}
              label={t("conferences:propose.question")}
              hint={t("conferences:propose.questionHint")}
              rows={4}
              maxLength={1000}
            />
            <SubmitRow
              submit={t("conferences:propose.submit")}
              cancel={{ to: `/queue/${page.id}`, text: t("queue:actionPage.cancel") }}
            />
          </PostForm>
        </>
      )}
    </div>
  );
}

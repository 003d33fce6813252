import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CaseSections } from "~/components/case-view/case-sections";
import { DecisionPanel } from "~/components/decision-panel/decision-panel";
import panelStyles from "~/components/decision-panel/decision-panel.css?url";
import { AttachmentList } from "~/components/intake/attachment-list";
import { FhirDownload } from "~/components/fhir/fhir-download";
import queueStyles from "~/components/queue/queue.css?url";
import { ErrorSummary } from "~/components/forms/error-summary";
import { translatorFor } from "~/i18n/i18n.server";
import { jointMessageSchema } from "~/modules/conferences/conferences.schema";
import { referralForPartner } from "~/modules/joint-review/joint-access.server";
import { postJointMessage } from "~/modules/joint-review/joint-review.service.server";
import { requireStaff } from "~/modules/queue/staff.server";
import { staffRecord } from "~/modules/queue/staff-record.server";
import { notFound } from "~/utils/not-found.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { translateIssues } from "~/utils/form.server";
import { partnerPageView } from "./partner-page.server";
import { JointQuestion, PartnerFacts, PartnerHistory } from "./partner-sections";

export const handle = { titleKey: "conferences:partner.title" };
export const links = () => [
  { rel: "stylesheet", href: panelStyles },
  { rel: "stylesheet", href: queueStyles },
];

type ActionAnswer = { errors: Record<string, string>; values: { body: string } };

/**
 * The partner site's read-only page of a referral under joint review (issue 10): the case without who the patient
 * is, the screen's decision, the documents and the joint thread. Not the partner's, or the review closed: the same
 * empty 404 as any other referral, for the page and its .data request alike. Each reading is audited.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const { t, lng } = translatorFor(request);
  const ctx = { now: new Date(), ip: clientIp(request) };
  const page = await partnerPageView(await getDb(), staff, params.id ?? "", ctx, t, lng);
  if (!page) throw notFound();
  return { ...page, done: new URL(request.url).searchParams.get("done") === "message" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Not this site's to read as partner: the empty 404, before anything posted is looked at.
  const { staff, t, db, id } = await staffRecord(request, params.id, referralForPartner);
  const form = await request.formData();
  if (form.get("intent") !== "joint_message") throw new Response(null, { status: 400 });
  const parsed = jointMessageSchema.safeParse({ body: form.get("jointBody") ?? undefined });
  if (!parsed.success)
    return data<ActionAnswer>(
      {
        errors: { jointBody: translateIssues(parsed.error.issues, t).body ?? "" },
        values: { body: String(form.get("jointBody") ?? "") },
      },
      { status: 400 },
    );
  // Only the open review's two sites may write; anyone else gets the page's empty 404.
  if (!(await postJointMessage(db, staff, id, parsed.data.body, { now: new Date(), ip: clientIp(request) })))
    throw notFound();
  return redirect(`/joint/${id}?done=message#joint-thread`);
}

export default function PartnerReferral() {
  const { t } = useTranslation();
  const r = useLoaderData<typeof loader>();
  const answer = useActionData<ActionAnswer>();
  return (
    <>
      <p>
        <Link to="/conferences">{t("conferences:partner.back")}</Link>
      </p>
      <h1>{t("conferences:partner.heading", { code: r.referenceCode })}</h1>
      <div className="banner banner--info" data-testid="owner-marker">
        <p>{t("conferences:partner.owner", { site: r.ownerSite })}</p>
        <p>{t("conferences:partner.readOnly")}</p>
      </div>
      {r.done ? (
        <div className="banner banner--success" role="status" data-testid="done-banner">
          <p>{t("conferences:thread.sent")}</p>
        </div>
      ) : null}
      <ErrorSummary errors={answer?.errors} />
      <PartnerFacts r={r} />
      <JointQuestion joint={r.joint} error={answer?.errors.jointBody} value={answer?.values.body} />
      {r.decision ? <DecisionPanel decision={r.decision} siteNames={r.siteNames} headingLevel={2} /> : null}
      <CaseSections sections={r.sections} />
      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t("queue:referral.documents")}</h2>
        <AttachmentList referralId={r.id} items={r.attachments} />
      </section>
      {r.fhir ? <FhirDownload referralId={r.id} partner /> : null}
      <PartnerHistory history={r.history} />
    </>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CaseSections } from "~/components/case-view/case-sections";
import { DecisionPanel } from "~/components/decision-panel/decision-panel";
import panelStyles from "~/components/decision-panel/decision-panel.css?url";
import { indicationKey } from "~/components/decision-panel/labels";
import { AttachmentList } from "~/components/intake/attachment-list";
import { FhirDownload } from "~/components/fhir/fhir-download";
import { JointEventLine } from "~/components/joint-review/joint-event-line";
import { JointThread } from "~/components/joint-review/joint-thread";
import { RecommendationList } from "~/components/joint-review/recommendation-list";
import queueStyles from "~/components/queue/queue.css?url";
import { ErrorSummary } from "~/components/forms/error-summary";
import { ageOn, identifyingPaths } from "~/domain/joint-review/joint-review";
import { formatInstant } from "~/i18n/datetime";
import { translatorFor } from "~/i18n/i18n.server";
import { jointMessageSchema } from "~/modules/conferences/conferences.schema";
import { jointEventLine } from "~/modules/joint-review/joint-event-line";
import { referralForPartner } from "~/modules/joint-review/joint-access.server";
import { partnerReferralPage, summaryInWords } from "~/modules/joint-review/joint-review-view.server";
import { postJointMessage } from "~/modules/joint-review/joint-review.service.server";
import { caseSections } from "~/modules/queue/case-view";
import { requireStaff, siteClockOf } from "~/modules/queue/staff.server";
import { notFound } from "~/utils/not-found.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { translateIssues } from "~/utils/form.server";

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
  const db = await getDb();
  const page = await partnerReferralPage(db, staff, params.id ?? "", { now: new Date(), ip: clientIp(request) });
  if (!page) throw notFound();
  const { timezone } = await siteClockOf(db, staff.siteCode);
  const names = await siteNames(db);
  const siteName = (code: string) => names[code as keyof typeof names]?.[lng] ?? code;
  const { referral, caseData } = page;
  const referredOn =
    typeof caseData.referredOn === "string" ? caseData.referredOn : (referral.submittedAt ?? "").slice(0, 10);
  const hidden = new Set(identifyingPaths);
  return {
    id: referral.id,
    referenceCode: referral.referenceCode ?? "",
    ownerSite: siteName(page.joint.ownerSite),
    status: referral.status,
    indication: referral.indication,
    urgency: referral.urgency,
    age: caseData.patient?.birthDate ? ageOn(caseData.patient.birthDate, referredOn) : null,
    sex: caseData.patient?.sex ?? null,
    decision: page.decision,
    siteNames: names,
    sections: caseSections(caseData, t, lng, names, timezone)
      .map((section) => ({ ...section, rows: section.rows.filter((row) => !hidden.has(row.path)) }))
      .filter((section) => section.rows.length > 0),
    attachments: page.attachments,
    // The FHIR copy crosses the border only with the patient's consent to that (issue #11).
    fhir: (caseData.consent as { crossBorder?: unknown } | undefined)?.crossBorder === true,
    joint: summaryInWords(page.joint, lng, timezone, siteName),
    history: page.history.map((h) => ({ ...h, at: formatInstant(h.at, lng, timezone), line: jointEventLine(h) })),
    done: new URL(request.url).searchParams.get("done") === "message",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const { t } = translatorFor(request);
  const db = await getDb();
  const id = params.id ?? "";
  // Not this site's to read as partner: the empty 404, before anything posted is looked at.
  if (!(await referralForPartner(db, staff, id))) throw notFound();
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
      <dl className="referral-head">
        <div>
          <dt>{t("conferences:partner.ownerLabel")}</dt>
          <dd>{r.ownerSite}</dd>
        </div>
        <div>
          <dt>{t("conferences:partner.patient")}</dt>
          <dd>
            {t("conferences:partner.ageSex", {
              age: r.age ?? "—",
              sex: r.sex ? t(`intake:options.sex.${r.sex}`) : "—",
            })}
          </dd>
        </div>
        <div>
          <dt>{t("queue:columns.status")}</dt>
          <dd>{t(`queue:status.${r.status}`)}</dd>
        </div>
        <div>
          <dt>{t("queue:columns.indication")}</dt>
          <dd>{r.indication ? t(indicationKey(r.indication)) : null}</dd>
        </div>
        <div>
          <dt>{t("queue:columns.urgency")}</dt>
          <dd>{t(`queue:urgency.${r.urgency}`)}</dd>
        </div>
      </dl>
      <section aria-labelledby="joint-heading" id="joint">
        <h2 id="joint-heading">{t("conferences:partner.question")}</h2>
        <p className="pre-line">{r.joint.question}</p>
        {r.joint.upcoming ? (
          <p>
            {t("conferences:panel.onAgenda", { date: r.joint.upcoming.startsAt })}{" "}
            <Link to={`/conferences/${r.joint.upcoming.conferenceId}`}>{t("conferences:panel.openConference")}</Link>
          </p>
        ) : null}
        {r.joint.recommendations.length ? <RecommendationList items={r.joint.recommendations} /> : null}
        <JointThread
          messages={r.joint.messages}
          open={r.joint.open}
          error={answer?.errors.jointBody}
          value={answer?.values.body}
        />
      </section>
      {r.decision ? <DecisionPanel decision={r.decision} siteNames={r.siteNames} headingLevel={2} /> : null}
      <CaseSections sections={r.sections} />
      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t("queue:referral.documents")}</h2>
        <AttachmentList referralId={r.id} items={r.attachments} />
      </section>
      {r.fhir ? <FhirDownload referralId={r.id} partner /> : null}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("conferences:partner.history")}</h2>
        <ol className="timeline" data-testid="history">
          {r.history.map((h) => (
            <li key={h.id} data-action={h.action}>
              <p className="when">{h.at}</p>
              <p>
                <strong>{t(`queue:history.actions.${h.action}`)}</strong>
              </p>
              {h.line ? <JointEventLine line={h.line} /> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StaffPageHeader } from "~/components/staff-page-header/staff-page-header";
import { PostForm } from "~/components/forms/post-form";
import { DecisionPanel } from "~/components/decision-panel/decision-panel";
import panelStyles from "~/components/decision-panel/decision-panel.css?url";
import { caseFacts } from "~/components/case-facts/case-facts";
import { FactList } from "~/components/fact-list";
import { CheckboxList } from "~/components/forms/checkbox-list";
import { RadioGroup } from "~/components/forms/radio-group";
import { TextAreaField } from "~/components/forms/text-area-field";
import { typedField } from "~/components/forms/typed-field";
import { AttachmentList } from "~/components/intake/attachment-list";
import { RecommendationText } from "~/components/joint-review/recommendation-list";
import queueStyles from "~/components/queue/queue.css?url";
import { jointRecommendations } from "~/domain/joint-review/joint-review";
import { conferenceInWords } from "~/modules/conferences/conference-words.server";
import { recommendationSchema } from "~/modules/conferences/conferences.schema";
import { recordRecommendation } from "~/modules/conferences/conferences.service.server";
import { meetingCase } from "~/modules/conferences/meeting.service.server";
import { siteClockOf } from "~/modules/queue/staff.server";
import { staffAsking } from "~/modules/queue/staff-record.server";
import { notFound } from "~/utils/not-found.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { formValues, translateIssues, type FormValues } from "~/utils/form.server";

export const handle = { titleKey: "conferences:meeting.title" };
export const links = () => [
  { rel: "stylesheet", href: panelStyles },
  { rel: "stylesheet", href: queueStyles },
];

type ActionAnswer = { errors: Record<string, string>; formError?: string; values: FormValues; present: string[] };

function positionOf(request: Request): number {
  const n = Number(new URL(request.url).searchParams.get("case") ?? "1");
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** One case of the agenda at a time; the chair records the joint recommendation beside it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { staff, lng, db } = await staffAsking(request);
  const view = await meetingCase(db, staff, params.id ?? "", positionOf(request), {
    now: new Date(),
    ip: clientIp(request),
  });
  if (!view) throw notFound();
  const { timezone } = await siteClockOf(db, staff.siteCode);
  const names = await siteNames(db);
  const conference = conferenceInWords(view.detail, lng, timezone, names);
  const line = view.line ? conference.agenda[view.index]! : null;
  return {
    conference: {
      id: conference.id,
      startsOn: conference.startsOn,
      status: conference.status,
      isChair: conference.isChair,
      attendees: conference.attendees,
    },
    position: view.index + 1,
    count: view.count,
    line,
    facts: view.facts,
    siteNames: names,
    recorded: new URL(request.url).searchParams.get("done") === "recorded",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { staff, t, db } = await staffAsking(request);
  const id = params.id ?? "";
  const form = await request.formData();
  const values = formValues(form);
  const present = form.getAll("present").filter((v): v is string => typeof v === "string");
  const position = positionOf(request);
  const parsed = recommendationSchema.safeParse({
    recommendation: values.recommendation,
    rationale: values.rationale,
    present,
  });
  if (!parsed.success)
    return data<ActionAnswer>({ errors: translateIssues(parsed.error.issues, t), values, present }, { status: 400 });
  const result = await recordRecommendation(db, staff, id, values.itemId ?? "", parsed.data, {
    now: new Date(),
    ip: clientIp(request),
    portalUrl: new URL(request.url).origin,
  });
  if (result.ok) return redirect(`/conferences/${id}/meeting?case=${position}&done=recorded`);
  if (result.code === "not_found") throw notFound();
  return data<ActionAnswer>(
    { errors: {}, formError: t(`conferences:errors.${result.code}`), values, present },
    { status: result.code === "not_chair" ? 403 : 409 },
  );
}

type MeetingData = ReturnType<typeof useLoaderData<typeof loader>>;

/** What the team needs in front of it for this case: key facts, the screen's decision and the documents. */
function CaseFacts({
  line,
  facts,
  siteNames,
}: {
  line: NonNullable<MeetingData["line"]>;
  facts: MeetingData["facts"];
  siteNames: MeetingData["siteNames"];
}) {
  const { t } = useTranslation();
  if (!facts) return <p className="notice">{t("conferences:meeting.reviewClosed")}</p>;
  const c = caseFacts(t, { ...facts, indication: line.indication });
  return (
    <>
      <h3>{t("conferences:meeting.keyFacts")}</h3>
      <FactList
        className="referral-head"
        data-testid="key-facts"
        facts={[
          c.ageSex,
          c.indication,
          { label: t("conferences:meeting.ecog"), value: facts.ecog ?? "—" },
          c.urgency,
          c.status,
        ]}
      />
      <p>
        <Link to={line.ownedByReader ? `/queue/${line.referralId}` : `/joint/${line.referralId}`}>
          {t("conferences:meeting.fullCase")}
        </Link>
      </p>
      {facts.decision ? <DecisionPanel decision={facts.decision} siteNames={siteNames} headingLevel={3} /> : null}
      <h3>{t("queue:referral.documents")}</h3>
      <AttachmentList referralId={line.referralId} items={facts.attachments} />
    </>
  );
}

/** The chair records the team's recommendation for this case, with who was present. */
function RecommendationForm({
  line,
  attendees,
  answer,
}: {
  line: NonNullable<MeetingData["line"]>;
  attendees: MeetingData["conference"]["attendees"];
  answer: ActionAnswer | undefined;
}) {
  const { t } = useTranslation();
  return (
    <PostForm noValidate data-form="recommendation" className="form" submit={{ text: t("conferences:meeting.save") }}>
      <input type="hidden" name="itemId" value={line.id} />
      <h3>{t("conferences:meeting.record")}</h3>
      <RadioGroup
        {...typedField(answer, "recommendation", line.recommendation)}
        legend={t("conferences:meeting.recommendation")}
        options={jointRecommendations.map((r) => ({ value: r, label: t(`conferences:recommendations.${r}`) }))}
      />
      <TextAreaField
        {...typedField(answer, "rationale", line.rationale)}
        label={t("conferences:meeting.rationale")}
        hint={t("conferences:meeting.rationaleHint")}
        rows={5}
        maxLength={4000}
      />
      <CheckboxList
        name="present"
        legend={t("conferences:meeting.present")}
        options={attendees.map((p) => ({ value: p.id, label: `${p.name} (${p.site})` }))}
        checked={answer?.present ?? attendees.map((p) => p.id)}
        error={answer?.errors.present}
      />
    </PostForm>
  );
}

export default function Meeting() {
  const { t } = useTranslation();
  const m = useLoaderData<typeof loader>();
  const answer = useActionData<ActionAnswer>();
  const line = m.line;
  const facts = m.facts;
  const caseLink = (n: number) => `/conferences/${m.conference.id}/meeting?case=${n}`;
  return (
    <>
      <StaffPageHeader
        back={{
          to: `/conferences/${m.conference.id}`,
          text: t("conferences:meeting.back", { date: m.conference.startsOn }),
        }}
        heading={t("conferences:meeting.heading", { position: m.position, count: m.count })}
        done={m.recorded ? { text: t("conferences:done.recorded"), testId: "done-banner" } : null}
        errors={answer?.errors}
        formError={answer?.formError}
      />
      {!line ? (
        <p>{t("conferences:detail.noAgenda")}</p>
      ) : (
        <>
          <h2 data-testid="meeting-code">
            {line.referenceCode}
            {line.patient ? ` · ${line.patient}` : null}
          </h2>
          <p>{t("conferences:agenda.owner", { site: line.ownerSite })}</p>
          <section aria-labelledby="question-heading" className="banner banner--info">
            <h3 id="question-heading">{t("conferences:meeting.question", { name: line.presenter ?? "—" })}</h3>
            <p className="pre-line" data-testid="meeting-question">
              {line.question}
            </p>
          </section>
          <CaseFacts line={line} facts={facts} siteNames={m.siteNames} />
          {line.recommendation ? (
            <section aria-labelledby="recorded-heading" data-testid="agenda-recommendation">
              <h3 id="recorded-heading">{t("conferences:recommendation.heading")}</h3>
              <RecommendationText recommendation={line.recommendation} rationale={line.rationale} />
            </section>
          ) : null}
          {m.conference.isChair && m.conference.status === "scheduled" && facts ? (
            <RecommendationForm line={line} attendees={m.conference.attendees} answer={answer} />
          ) : null}
          <nav aria-label={t("conferences:meeting.steps")} className="button-row">
            {m.position > 1 ? <Link to={caseLink(m.position - 1)}>{t("conferences:meeting.previous")}</Link> : null}
            {m.position < m.count ? (
              <Link to={caseLink(m.position + 1)} data-action="next-case">
                {t("conferences:meeting.next")}
              </Link>
            ) : (
              <Link to={`/conferences/${m.conference.id}`}>{t("conferences:meeting.end")}</Link>
            )}
          </nav>
        </>
      )}
    </>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FactList } from "~/components/fact-list";
import { conferenceFacts } from "~/components/joint-review/conference-facts";
import { StaffPageHeader } from "~/components/staff-page-header/staff-page-header";
import { PostForm, SubmitButton } from "~/components/forms/post-form";
import { AgendaTable } from "~/components/joint-review/agenda-table";
import queueStyles from "~/components/queue/queue.css?url";
import { conferenceInWords } from "~/modules/conferences/conference-words.server";
import { conferenceDetail, finishConference } from "~/modules/conferences/conferences.service.server";
import { siteClockOf } from "~/modules/queue/staff.server";
import { staffAsking, staffRecord } from "~/modules/queue/staff-record.server";
import { notFound } from "~/utils/not-found.server";
import { kickMailer } from "~/modules/notifications/mailer.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { clientIp } from "~/utils/client-ip.server";

export const handle = { titleKey: "conferences:detail.title" };
export const links = () => [{ rel: "stylesheet", href: queueStyles }];

const doneKinds = ["scheduled", "finished", "recorded"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { staff, lng, db, record: detail } = await staffRecord(request, params.id, conferenceDetail);
  const { timezone } = await siteClockOf(db, staff.siteCode);
  const done = new URL(request.url).searchParams.get("done");
  return {
    ...conferenceInWords(detail, lng, timezone, await siteNames(db)),
    done: (doneKinds as readonly string[]).includes(done ?? "") ? done : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { staff, t, db } = await staffAsking(request);
  const id = params.id ?? "";
  const form = await request.formData();
  if (form.get("intent") !== "finish") throw new Response(null, { status: 400 });
  const result = await finishConference(db, staff, id, {
    now: new Date(),
    ip: clientIp(request),
    portalUrl: new URL(request.url).origin,
  });
  if (result.ok) {
    void kickMailer();
    return redirect(`/conferences/${id}?done=finished`);
  }
  if (result.code === "not_found") throw notFound();
  return data(
    { formError: t(`conferences:errors.${result.code}`) },
    { status: result.code === "not_chair" ? 403 : 409 },
  );
}

/** Who attends, site by site. */
function Attendees({ attendees }: { attendees: ReturnType<typeof useLoaderData<typeof loader>>["attendees"] }) {
  const { t } = useTranslation();
  const sites = [...new Set(attendees.map((p) => p.site))];
  return (
    <section aria-labelledby="attendees-heading">
      <h2 id="attendees-heading">{t("conferences:detail.attendees")}</h2>
      {sites.map((site) => (
        <div key={site}>
          <h3>{site}</h3>
          <ul>
            {attendees
              .filter((p) => p.site === site)
              .map((p) => (
                <li key={p.id}>
                  {p.name} ({t(`roles.${p.role}`)})
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** The chair marks the conference held; the minutes open then. */
function FinishForm() {
  const { t } = useTranslation();
  return (
    <PostForm intent="finish" data-form="finish">
      <p className="hint" id="finish-hint">
        {t("conferences:detail.finishHint")}
      </p>
      <SubmitButton variant="secondary" aria-describedby="finish-hint" data-action="finish">
        {t("conferences:detail.finish")}
      </SubmitButton>
    </PostForm>
  );
}

export default function Conference() {
  const { t } = useTranslation();
  const c = useLoaderData<typeof loader>();
  const answer = useActionData<{ formError?: string }>();
  const facts = conferenceFacts(t, c);
  return (
    <>
      <StaffPageHeader
        back={{ to: "/conferences", text: t("conferences:hub.back") }}
        heading={t("conferences:detail.heading", { date: c.startsOn })}
        done={c.done ? { text: t(`conferences:done.${c.done}`), testId: "done-banner" } : null}
        formError={answer?.formError}
      />
      <FactList
        className="referral-head"
        data-testid="conference-facts"
        facts={[
          facts.when,
          { label: t("conferences:detail.cutoff"), value: c.cutoff },
          facts.place,
          c.videoUrl
            ? {
                label: t("conferences:schedule.videoUrl"),
                value: (
                  <a href={c.videoUrl} rel="noopener noreferrer" target="_blank">
                    {c.videoUrl}
                  </a>
                ),
              }
            : null,
          facts.chair,
          {
            label: t("conferences:detail.status"),
            value: t(`conferences:statuses.${c.status}`),
            valueProps: { "data-testid": "conference-status" },
          },
        ]}
      />
      <Attendees attendees={c.attendees} />
      <section aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">{t("conferences:detail.agenda")}</h2>
        {c.agenda.length ? <AgendaTable agenda={c.agenda} /> : <p>{t("conferences:detail.noAgenda")}</p>}
        <ul className="action-list">
          {c.status === "scheduled" && c.agenda.length ? (
            <li>
              <Link to={`/conferences/${c.id}/meeting`} className="button" data-action="meeting">
                {t("conferences:detail.openMeeting")}
              </Link>
            </li>
          ) : null}
          {c.status === "held" ? (
            <li>
              <Link to={`/conferences/${c.id}/minutes`} className="button button--secondary" data-action="minutes">
                {t("conferences:minutes.link")}
              </Link>
            </li>
          ) : null}
        </ul>
        {c.status === "scheduled" && c.isChair ? <FinishForm /> : null}
      </section>
    </>
  );
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import panelStylesUrl from "~/components/decision-panel/decision-panel.css?url";
import intakeStylesUrl from "~/components/intake/intake.css?url";
import { IntakeLayout } from "~/components/intake/intake-layout";
import { StatusBanner } from "~/components/status-banner";
import { FollowsNotice } from "~/components/letters/decision-links";
import { checklistFor, missingDocuments } from "~/modules/intake/checklist";
import { formSections, getPath, isIndication, sectionStatus, type TaskSection } from "~/modules/intake/intake-form";
import { listAttachments } from "~/modules/intake/attachments.service.server";
import { requireOwnDraft } from "~/modules/intake/guards.server";
import { caseOf, livePrecheck, referralToday } from "~/modules/intake/intake.service.server";
import { referralLinks } from "~/modules/intake/refer-again.service.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { personName } from "~/i18n/person-name";

export const handle = { titleKey: "intake:tasks.title" };
export const links = () => [
  { rel: "stylesheet", href: panelStylesUrl },
  { rel: "stylesheet", href: intakeStylesUrl },
];

type TaskStatus = "not_started" | "in_progress" | "completed" | "cannot_start" | "missing_documents";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, referral } = await requireOwnDraft(request, params.id);
  const now = new Date();
  const saved = caseOf(referral);
  const today = referralToday(now);
  const tasks: { section: TaskSection; status: TaskStatus }[] = formSections.map((section) => ({
    section,
    status: sectionStatus(section, saved, today),
  }));
  const attachments = await listAttachments(db, referral.id);
  const indication = getPath(saved, "diagnosis.indication");
  const missing = missingDocuments(
    checklistFor(
      isIndication(indication) ? indication : null,
      attachments.map((a) => a.kind),
    ),
  );
  tasks.push({
    section: "documents",
    status: attachments.length === 0 ? "not_started" : missing.length ? "missing_documents" : "completed",
  });
  const ready = tasks.slice(0, formSections.length).every((task) => task.status === "completed");
  tasks.push({ section: "review", status: ready ? "not_started" : "cannot_start" });
  return {
    id: referral.id,
    family: getPath(saved, "patient.familyName") as string | undefined,
    given: getPath(saved, "patient.givenName") as string | undefined,
    tasks,
    completed: tasks.filter((task) => task.status === "completed").length,
    precheck: await livePrecheck(db, saved, now),
    siteNames: await siteNames(db),
    saved: new URL(request.url).searchParams.get("saved") === "1",
    previous: (await referralLinks(db, referral)).previous,
  };
}

export default function TaskList() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const name = data.family || data.given ? personName(data.family ?? "", data.given ?? "") : null;
  return (
    <IntakeLayout precheck={data.precheck} siteNames={data.siteNames}>
      <p className="caption">{name ? t("intake:tasks.captionNamed", { name }) : t("intake:tasks.caption")}</p>
      <h1>{t("intake:tasks.title")}</h1>
      <FollowsNotice previous={data.previous} />
      {data.saved ? <StatusBanner tone="success">{t("intake:tasks.savedForLater")}</StatusBanner> : null}
      <p>{t("intake:tasks.progress", { done: data.completed, total: data.tasks.length - 1 })}</p>
      <ol className="task-list" data-testid="task-list">
        {data.tasks.map((task, index) => {
          const title = `${index + 1}. ${t(`intake:sections.${task.section}.title`)}`;
          const statusId = `task-status-${task.section}`;
          return (
            <li key={task.section} className="task-list__item" data-section={task.section} data-status={task.status}>
              {task.status === "cannot_start" ? (
                <span className="task-list__name">{title}</span>
              ) : (
                <Link
                  to={`/referrals/${data.id}/edit/${task.section}`}
                  aria-describedby={statusId}
                  className="task-list__name"
                >
                  {title}
                </Link>
              )}
              <span id={statusId} className={`tag task-list__status task-list__status--${task.status}`}>
                {t(`intake:tasks.statuses.${task.status}`)}
              </span>
            </li>
          );
        })}
      </ol>
      <p>{t("intake:tasks.autosaved")}</p>
      <p className="button-row">
        <Link to="/referrals">{t("intake:tasks.backToList")}</Link>
        <Link to={`/referrals/${data.id}/delete`} className="intake-danger-link">
          {t("intake:tasks.delete")}
        </Link>
      </p>
    </IntakeLayout>
  );
}

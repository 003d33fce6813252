import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { caseFacts } from "~/components/case-facts/case-facts";
import { FactList } from "~/components/fact-list";
import { JointEventLine } from "~/components/joint-review/joint-event-line";
import { JointThread } from "~/components/joint-review/joint-thread";
import { RecommendationList } from "~/components/joint-review/recommendation-list";
import type { PartnerPageView } from "./partner-page.server";

/** The referral's key facts for the partner: the owning site, age and sex instead of the patient's identity. */
export function PartnerFacts({ r }: { r: PartnerPageView }) {
  const { t } = useTranslation();
  const c = caseFacts(t, r);
  return (
    <FactList
      className="referral-head"
      facts={[
        { label: t("conferences:partner.ownerLabel"), value: r.ownerSite },
        c.ageSex,
        c.status,
        c.indication,
        c.urgency,
      ]}
    />
  );
}

/** The question put to the partner, the conference it is on, the recommendations so far, and the two sites' thread. */
export function JointQuestion({
  joint,
  error,
  value,
}: {
  joint: PartnerPageView["joint"];
  error?: string;
  value?: string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="joint-heading" id="joint">
      <h2 id="joint-heading">{t("conferences:partner.question")}</h2>
      <p className="pre-line">{joint.question}</p>
      {joint.upcoming ? (
        <p>
          {t("conferences:panel.onAgenda", { date: joint.upcoming.startsAt })}{" "}
          <Link to={`/conferences/${joint.upcoming.conferenceId}`}>{t("conferences:panel.openConference")}</Link>
        </p>
      ) : null}
      {joint.recommendations.length ? <RecommendationList items={joint.recommendations} /> : null}
      <JointThread messages={joint.messages} open={joint.open} error={error} value={value} />
    </section>
  );
}

/** What happened to the referral, newest last, in the reader's site time. */
export function PartnerHistory({ history }: { history: PartnerPageView["history"] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t("conferences:partner.history")}</h2>
      <ol className="timeline" data-testid="history">
        {history.map((h) => (
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
  );
}

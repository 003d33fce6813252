import { useTranslation } from "react-i18next";
import { indicationKey } from "~/i18n/screen-keys";
import { ClockText } from "~/components/queue/clock-text";
import { personName } from "~/i18n/person-name";
import type { StaffReferralPageData } from "~/modules/queue/staff-referral-page.server";

/** The referral's facts at the top of the staff page: patient, status, site, clock, people, consultation. */
export function ReferralHead({ r }: { r: StaffReferralPageData }) {
  const { t } = useTranslation();
  const patientName = r.purgedOn
    ? t("security:retention.purgedNotice", { date: r.purgedOn })
    : personName(r.patient.familyName, r.patient.givenName);
  return (
    <dl className="referral-head">
      <div>
        <dt>{t("queue:columns.patient")}</dt>
        <dd>
          {patientName}
          {r.patient.latinName ? ` (${r.patient.latinName})` : null}
        </dd>
      </div>
      <div>
        <dt>{t("queue:columns.status")}</dt>
        <dd data-testid="referral-status" data-status={r.status}>
          {t(`queue:status.${r.status}`)}
        </dd>
      </div>
      <div>
        <dt>{t("queue:referral.site")}</dt>
        <dd>{r.siteName}</dd>
      </div>
      <div>
        <dt>{t("queue:columns.indication")}</dt>
        <dd>{r.indication ? t(indicationKey(r.indication)) : null}</dd>
      </div>
      <div>
        <dt>{t("queue:columns.urgency")}</dt>
        <dd>{t(`queue:urgency.${r.urgency}`)}</dd>
      </div>
      <div>
        <dt>{t("queue:columns.clock")}</dt>
        <dd data-testid="referral-clock">
          <ClockText clock={r.clock} dueOn={r.dueOn} status={r.status} />
        </dd>
      </div>
      <div>
        <dt>{t("queue:columns.assignee")}</dt>
        <dd>{r.assignee ? personName(r.assignee.familyName, r.assignee.givenName) : t("queue:list.unassigned")}</dd>
      </div>
      <div>
        <dt>{t("queue:referral.physician")}</dt>
        <dd>
          {r.physician ? `${personName(r.physician.familyName, r.physician.givenName)} · ${r.physician.email}` : null}
        </dd>
      </div>
      <div>
        <dt>{t("queue:columns.received")}</dt>
        <dd>{r.submittedAt}</dd>
      </div>
      {r.consultation ? (
        <div>
          <dt>{t("queue:referral.consultation")}</dt>
          <dd data-testid="consultation">{t("queue:history.consultation", r.consultation)}</dd>
        </div>
      ) : null}
    </dl>
  );
}

import { useTranslation } from "react-i18next";
import { caseFacts } from "~/components/case-facts/case-facts";
import { FactList } from "~/components/fact-list";
import { ClockText } from "~/components/queue/clock-text";
import { personName } from "~/i18n/person-name";
import type { StaffReferralPageData } from "~/modules/queue/staff-referral-page.server";

/** The referral's facts at the top of the staff page: patient, status, site, clock, people, consultation. */
export function ReferralHead({ r }: { r: StaffReferralPageData }) {
  const { t } = useTranslation();
  const patientName = r.purgedOn
    ? t("security:retention.purgedNotice", { date: r.purgedOn })
    : personName(r.patient.familyName, r.patient.givenName);
  const c = caseFacts(t, r);
  return (
    <FactList
      className="referral-head"
      facts={[
        {
          label: t("queue:columns.patient"),
          value: r.patient.latinName ? `${patientName} (${r.patient.latinName})` : patientName,
        },
        { ...c.status, valueProps: { "data-testid": "referral-status", "data-status": r.status } },
        { label: t("queue:referral.site"), value: r.siteName },
        c.indication,
        c.urgency,
        {
          label: t("queue:columns.clock"),
          value: <ClockText clock={r.clock} dueOn={r.dueOn} status={r.status} />,
          valueProps: { "data-testid": "referral-clock" },
        },
        {
          label: t("queue:columns.assignee"),
          value: r.assignee ? personName(r.assignee.familyName, r.assignee.givenName) : t("queue:list.unassigned"),
        },
        {
          label: t("queue:referral.physician"),
          value: r.physician
            ? `${personName(r.physician.familyName, r.physician.givenName)} · ${r.physician.email}`
            : null,
        },
        { label: t("queue:columns.received"), value: r.submittedAt },
        r.consultation && {
          label: t("queue:referral.consultation"),
          value: t("queue:history.consultation", r.consultation),
          valueProps: { "data-testid": "consultation" },
        },
      ]}
    />
  );
}

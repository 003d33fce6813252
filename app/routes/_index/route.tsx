import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StaffPageHeader } from "~/components/staff-page-header/staff-page-header";

export const handle = { titleKey: "landing.pageTitle" };

const audiences = ["physicians", "teams", "patients"] as const;
// Where each audience starts.
const audienceLinks: Record<(typeof audiences)[number], string | null> = {
  physicians: "/precheck",
  teams: "/login",
  patients: "/status",
};

export default function Landing() {
  const { t } = useTranslation();
  return (
    <>
      <div className="hero">
        <StaffPageHeader heading={t("landing.heading")} lead={t("landing.lead")} />
      </div>
      <div className="cards">
        {audiences.map((audience) => (
          <section key={audience} className="card" aria-labelledby={`audience-${audience}`}>
            <h2 id={`audience-${audience}`}>{t(`landing.${audience}.title`)}</h2>
            <p>{t(`landing.${audience}.body`)}</p>
            {audienceLinks[audience] ? (
              <p>
                <Link to={audienceLinks[audience]}>{t(`landing.${audience}.action`)}</Link>
              </p>
            ) : null}
          </section>
        ))}
      </div>
      <aside className="notice" aria-labelledby="landing-notice">
        <h2 id="landing-notice">{t("landing.noticeTitle")}</h2>
        <p>{t("landing.notice")}</p>
      </aside>
    </>
  );
}

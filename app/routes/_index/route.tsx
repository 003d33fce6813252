import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

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
        <h1>{t("landing.heading")}</h1>
        <p className="lead">{t("landing.lead")}</p>
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

import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { JointEventFacts } from "~/modules/joint-review/joint-event-line";

/** A history line's joint recommendation, linked to the conference where it was given. */
export function JointEventLine({ line }: { line: JointEventFacts }) {
  const { t } = useTranslation();
  const words = t(`conferences:recommendations.${line.recommendation}`);
  return (
    <p data-testid="joint-event">
      {t(line.cited ? "conferences:history.follows" : "conferences:history.recorded", { recommendation: words })}{" "}
      <Link to={`/conferences/${line.conferenceId}${line.itemId ? `#item-${line.itemId}` : ""}`}>
        {t("conferences:cite.open")}
      </Link>
    </p>
  );
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FactList } from "~/components/fact-list";
import { PrintButton } from "~/components/intake/print-button";
import { AgendaTable } from "~/components/joint-review/agenda-table";
import { conferenceFacts } from "~/components/joint-review/conference-facts";
import queueStyles from "~/components/queue/queue.css?url";
import { languageAutonyms, languages } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n.server";
import { minutesOf } from "~/modules/conferences/minutes.server";
import { requireStaff } from "~/modules/queue/staff.server";
import { notFound } from "~/utils/not-found.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";

export const handle = { titleKey: "conferences:minutes.title" };
export const links = () => [{ rel: "stylesheet", href: queueStyles }];

/** The minutes as a printable page, with the PDF in each of the three languages. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const { lng } = translatorFor(request);
  const minutes = await minutesOf(await getDb(), staff, params.id ?? "", lng, {
    now: new Date(),
    ip: clientIp(request),
    format: "page",
  });
  if (!minutes) throw notFound();
  return minutes;
}

export default function MinutesPage() {
  const { t } = useTranslation();
  const m = useLoaderData<typeof loader>();
  const facts = conferenceFacts(t, m);
  const sites = [...new Set(m.attendees.map((p) => p.site))];
  return (
    <article className="minutes">
      <p className="no-print">
        <Link to={`/conferences/${m.id}`}>{t("conferences:meeting.back", { date: m.startsOn })}</Link>
      </p>
      <p className="hint">{t("conferences:minutes.partnership")}</p>
      <h1>{t("conferences:minutes.heading", { date: m.startsOn })}</h1>
      <PrintButton />
      <ul className="no-print" data-testid="minutes-pdf">
        {languages.map((l) => (
          <li key={l}>
            <a href={`/conferences/${m.id}/minutes.pdf?language=${l}`} hrefLang={l} lang={l} download>
              {t("conferences:minutes.pdf", { language: languageAutonyms[l] })}
            </a>
          </li>
        ))}
      </ul>
      <FactList className="referral-head" facts={[facts.when, facts.place, facts.chair]} />
      <h2>{t("conferences:detail.attendees")}</h2>
      {sites.map((site) => (
        <p key={site}>
          <strong>{site}</strong>:{" "}
          {m.attendees
            .filter((p) => p.site === site)
            .map((p) => p.name)
            .join(", ")}
        </p>
      ))}
      <h2>{t("conferences:detail.agenda")}</h2>
      <AgendaTable agenda={m.agenda} links={false} />
      <p className="hint">{t("conferences:minutes.confidential")}</p>
    </article>
  );
}

import { type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { formatInstant } from "~/i18n/format";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { languageAutonyms } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n.server";
import { requireRole } from "~/modules/accounts/guards.server";
import { letterContent, openLetter } from "~/modules/letters/letters.service.server";
import { notFound } from "~/utils/not-found.server";
import { clientIp } from "~/utils/client-ip.server";
import { asWorkingUser } from "~/modules/staff-exchange/working-site.server";
import { getDb } from "~/utils/db.server";
import styles from "./letter.css?url";
import { EarlierLetters, LetterArticle } from "./letter-parts";

export const handle = { titleKey: "decisions:letterPage.pageTitle" };
export const links = () => [{ rel: "stylesheet", href: styles }];
// Patient data: neither the page nor its .data is kept by a browser or a proxy.
export const headers: HeadersFunction = () => ({
  "Cache-Control": "private, no-store",
});

/** The decision letter, for the referring physician and the staff of the site the referral is at; anyone else a bare 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const now = new Date();
  const db = await getDb();
  // Staff see the letters of the site they work for on this request (a visitor's host, while a grant is in force).
  const user = await asWorkingUser(db, await requireRole(request, ["physician", "coordinator", "reviewer"], now), now);
  const letterId = new URL(request.url).searchParams.get("letter");
  const opened = await openLetter(db, user, params.id ?? "", letterId, {
    now,
    ip: clientIp(request),
    format: "page",
  });
  if (!opened) throw notFound();
  const { lng } = translatorFor(request);
  return {
    referralId: opened.referral.id,
    letterId: opened.letter.id,
    back: user.role === "physician" ? `/referrals/${opened.referral.id}` : `/queue/${opened.referral.id}`,
    language: languageAutonyms[opened.letter.language],
    content: await letterContent(db, opened.letter),
    letters: opened.letters.map((l) => ({
      id: l.id,
      decision: l.decision,
      date: formatInstant(l.issuedAt, lng, opened.letter.timezone, "date"),
    })),
  };
}

export default function DecisionLetter() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <div className="no-print">
        <p>
          <Link to={d.back}>{t("decisions:letterPage.back")}</Link>
        </p>
        <h1>{t("decisions:letterPage.pageTitle")}</h1>
        <p>{t("decisions:letterPage.language", { language: d.language })}</p>
        <p>
          <a
            className="button"
            href={`/referrals/${d.referralId}/letter/pdf?letter=${d.letterId}`}
            download
            data-testid="letter-pdf"
          >
            {t("decisions:letterPage.download")}
          </a>
        </p>
      </div>
      <LetterArticle content={d.content} />
      <EarlierLetters referralId={d.referralId} letterId={d.letterId} letters={d.letters} />
    </>
  );
}

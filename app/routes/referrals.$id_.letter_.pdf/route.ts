import type { LoaderFunctionArgs } from "@remix-run/node";
import { tFor, translatorFor } from "~/i18n/i18n.server";
import { requireRole } from "~/modules/accounts/guards.server";
import { renderLetterPdf } from "~/modules/letters/letter-pdf.server";
import { letterContent, openLetter } from "~/modules/letters/letters.service.server";
import { notFound } from "~/utils/not-found.server";
import { clientIp } from "~/utils/client-ip.server";
import { asWorkingUser } from "~/modules/staff-exchange/working-site.server";
import { getDb } from "~/utils/db.server";
import { pdfDownload } from "~/utils/pdf-download.server";

/** The decision letter as a PDF download, for whoever may see the referral (its physician, the site's staff). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const now = new Date();
  const db = await getDb();
  // Staff see the letters of the site they work for on this request (a visitor's host, while a grant is in force).
  const user = await asWorkingUser(db, await requireRole(request, ["physician", "coordinator", "reviewer"], now), now);
  const letterId = new URL(request.url).searchParams.get("letter");
  const opened = await openLetter(db, user, params.id ?? "", letterId, { now, ip: clientIp(request), format: "pdf" });
  if (!opened) throw notFound();
  const content = await letterContent(db, opened.letter);
  const pdf = await renderLetterPdf(content);
  const { t } = translatorFor(request);
  const fileName = t("decisions:letterPage.fileName", { code: opened.letter.referenceCode });
  const asciiName = tFor("en")("decisions:letterPage.fileName", { code: opened.letter.referenceCode });
  return pdfDownload(pdf, { ascii: asciiName, utf8: fileName });
}

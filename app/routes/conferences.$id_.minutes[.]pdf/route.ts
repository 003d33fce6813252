import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLanguage } from "~/i18n/config";
import { tFor, translatorFor } from "~/i18n/i18n.server";
import { minutesOf, renderMinutesPdf } from "~/modules/conferences/minutes.server";
import { requireStaff } from "~/modules/queue/staff.server";
import { notFound } from "~/utils/not-found.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { pdfDownload } from "~/utils/pdf-download.server";

/** The minutes as a PDF in the language asked for (?language=ko|ja|en; the page's language otherwise). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const asked = new URL(request.url).searchParams.get("language");
  const lng = isLanguage(asked) ? asked : translatorFor(request).lng;
  const minutes = await minutesOf(await getDb(), staff, params.id ?? "", lng, {
    now: new Date(),
    ip: clientIp(request),
    format: "pdf",
  });
  if (!minutes) throw notFound();
  const pdf = await renderMinutesPdf(minutes, lng);
  const fileName = tFor(lng, "conferences")("minutes.fileName", { date: minutes.startsOn });
  const asciiName = `conference-minutes-${minutes.id.slice(0, 8)}-${lng}.pdf`;
  return pdfDownload(pdf, { ascii: asciiName, utf8: fileName });
}

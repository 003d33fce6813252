// The minutes of a held conference, as a page and as a PDF in Korean, Japanese or English: the attendees, each case by
// reference code (the patient named only where the reader's site owns the referral), its recommendation and
// rationale. Reading them is audited: they carry the two teams' clinical reasoning.
import type { Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n.server";
import { indicationKey } from "~/i18n/screen-keys";
import { auditBy } from "~/modules/audit/audit.service.server";
import type { Staff } from "~/modules/queue/staff.server";
import { siteClockOf } from "~/modules/queue/staff.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import type { Database } from "~/utils/db.server";
import { cjkDocument, INK, MUTED } from "~/utils/pdf-document.server";
import { conferenceInWords } from "./conference-words.server";
import { conferenceDetail } from "./conferences.service.server";

/** A held conference's minutes in `lng` (the page's or the chosen PDF language); null when none or not yet held. */
export async function minutesOf(
  db: Database,
  staff: Staff,
  conferenceId: string,
  lng: Language,
  ctx: { now: Date; ip: string | null; format: "page" | "pdf" },
) {
  const detail = await conferenceDetail(db, staff, conferenceId);
  if (!detail || detail.conference.status !== "held") return null;
  const { timezone } = await siteClockOf(db, staff.siteCode);
  const audit = auditBy(db, staff, ctx);
  await audit("conference.minutes_read", ["conference", conferenceId], {
    format: ctx.format,
    language: lng,
    site: staff.siteCode,
  });
  return conferenceInWords(detail, lng, timezone, await siteNames(db));
}

export type Minutes = NonNullable<Awaited<ReturnType<typeof minutesOf>>>;

/** The minutes as PDF bytes in `lng`, fonts embedded. */
export async function renderMinutesPdf(minutes: Minutes, lng: Language): Promise<Buffer> {
  const t = tFor(lng, ["conferences", "common", "screen"]);
  const title = t("conferences:minutes.heading", { date: minutes.startsOn });
  const { doc, bytes, text } = cjkDocument(lng, { title, author: t("conferences:minutes.partnership") });
  doc.fillColor(MUTED).font("regular").fontSize(10);
  text(t("conferences:minutes.partnership"));
  doc.moveDown(0.4).fillColor(INK).font("bold").fontSize(15);
  text(title);
  doc.moveDown(0.5).font("regular").fontSize(10.5);
  text(
    `${t("conferences:detail.when")}: ${t("conferences:detail.whenValue", { date: minutes.startsAt, minutes: minutes.duration })}`,
  );
  if (minutes.place) text(`${t("conferences:schedule.place")}: ${minutes.place}`);
  if (minutes.videoUrl) text(`${t("conferences:schedule.videoUrl")}: ${minutes.videoUrl}`);
  text(`${t("conferences:schedule.chair")}: ${minutes.chair}`);
  doc.moveDown(0.8).font("bold").fontSize(12);
  text(t("conferences:detail.attendees"));
  doc.font("regular").fontSize(10.5);
  for (const site of [...new Set(minutes.attendees.map((p) => p.site))]) {
    text(
      `${site}: ${minutes.attendees
        .filter((p) => p.site === site)
        .map((p) => p.name)
        .join(", ")}`,
    );
  }
  doc.moveDown(0.8).font("bold").fontSize(12);
  text(t("conferences:detail.agenda"));
  minutes.agenda.forEach((a, index) => {
    doc.moveDown(0.6).font("bold").fontSize(11);
    text(`${index + 1}. ${a.referenceCode}${a.patient ? ` · ${a.patient}` : ""}`);
    doc.font("regular").fontSize(10).fillColor(MUTED);
    text(
      [t("conferences:agenda.owner", { site: a.ownerSite }), a.indication ? t(indicationKey(a.indication)) : null]
        .filter(Boolean)
        .join(" · "),
    );
    doc.fillColor(INK).fontSize(10.5);
    text(`${t("conferences:partner.question")} ${a.question}`);
    text(
      `${t("conferences:recommendation.heading")} ${a.recommendation ? t(`conferences:recommendations.${a.recommendation}`) : t("conferences:agenda.noRecommendation")}`,
    );
    if (a.rationale) text(`${t("conferences:meeting.rationale")}: ${a.rationale}`);
    if (a.present.length) text(t("conferences:agenda.present", { names: a.present.join(", ") }));
  });
  doc.moveDown(1.2).fontSize(8.5).fillColor(MUTED);
  text(t("conferences:minutes.confidential"));
  doc.end();
  return bytes;
}

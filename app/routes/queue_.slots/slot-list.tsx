import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data-table/data-table";
import type { whenWords } from "~/modules/scheduling/format";
import type { listSiteSlots } from "~/modules/scheduling/slots.service.server";
import { PostForm } from "~/components/forms/post-form";

export type SlotRow = Awaited<ReturnType<typeof listSiteSlots>>["slots"][number] & ReturnType<typeof whenWords>;

/** Free, past, or booked (by a referral, linked; "outside the slots" when the booking overrode them). */
function SlotState({ slot }: { slot: SlotRow }) {
  const { t } = useTranslation();
  if (slot.booked)
    return (
      <>
        {t(slot.kind === "override" ? "scheduling:list.bookedOverride" : "scheduling:list.booked")}{" "}
        <Link to={`/queue/${slot.booked.referralId}`}>{slot.booked.referenceCode}</Link>
      </>
    );
  return <>{slot.past ? t("scheduling:list.past") : t("scheduling:list.free")}</>;
}

/** A free slot to come can be taken away; its button names the date and time it removes. */
function RemoveSlot({ slot }: { slot: SlotRow }) {
  const { t } = useTranslation();
  if (slot.booked || slot.past) return null;
  return (
    <PostForm intent="remove">
      <input type="hidden" name="slotId" value={slot.id} />
      <button
        type="submit"
        className="button button--secondary"
        aria-label={t("scheduling:list.removeLabel", { date: slot.dateText, time: slot.timeText })}
      >
        {t("scheduling:list.remove")}
      </button>
    </PostForm>
  );
}

/** The site's slots from today on: when, how long, free or booked, and the way to remove a free one. */
export function SlotList({ slots }: { slots: SlotRow[] }) {
  const { t } = useTranslation();
  return (
    <>
      <h2 id="slots-list">{t("scheduling:list.heading")}</h2>
      {slots.length === 0 ? (
        <p data-testid="slots-empty">{t("scheduling:list.none")}</p>
      ) : (
        <DataTable
          labelledBy="slots-list"
          rows={slots}
          rowKey={(s) => s.id}
          rowProps={(s) => ({
            "data-slot": s.id,
            "data-date": s.date,
            "data-time": s.time,
            "data-state": s.booked ? "booked" : "free",
          })}
          columns={[
            { key: "date", header: t("scheduling:list.date"), cell: (s) => s.dateText },
            {
              key: "time",
              header: t("scheduling:list.time"),
              cell: (s) => <time dateTime={s.startsAt}>{s.timeText}</time>,
            },
            {
              key: "duration",
              header: t("scheduling:duration"),
              cell: (s) => t("scheduling:minutes", { count: s.durationMinutes }),
            },
            { key: "state", header: t("scheduling:list.state"), cell: (s) => <SlotState slot={s} /> },
            { key: "actions", header: t("scheduling:list.actions"), cell: (s) => <RemoveSlot slot={s} /> },
          ]}
        />
      )}
    </>
  );
}

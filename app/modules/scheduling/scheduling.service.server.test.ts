import { toReferral } from "~/modules/referrals/referral.mapper.server";
import fs from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import type { ReferralCase } from "~/domain/case/schema";
import type { Staff } from "~/modules/queue/staff.server";
import { performStaffAction } from "~/modules/queue/triage.service.server";
import { findReferral } from "~/modules/referrals/referrals.repository.server";
import { submitReferral, transitionReferral } from "~/modules/referrals/referrals.service.server";
import { tFor } from "~/i18n/i18n.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { getDb, type Database } from "~/utils/db.server";
import { createAccount } from "../../../tests/factories/accounts";
import { staffOf } from "../../../tests/factories/clinical";
import { emptyQueues } from "../../../tests/factories/queue";
import { dayWarningLines } from "./booking-view.server";
import { bookingChoices } from "./booking.service.server";
import { confirmSiteContacts } from "../../../tests/factories/site-contacts";
import { consultationView } from "./consultation-view.server";
import { addSlot, addWeeklyPattern, listSiteSlots, removeSlot } from "./slots.service.server";

// Monday 21 December 2026, 10:00 in Korea and Japan. Christmas (Fri 25) is a public holiday in Korea, not in Japan;
// New Year's Day (Fri 1 January) is one in both.
const now = new Date("2026-12-21T01:00:00Z");
const ctx = { now, ip: "192.0.2.9" };

/**
 * A referral the router sends to the staff member's site, from the published example case (the shared case files
 * live outside the repository): a Korean resident goes to Konyang, a Japanese resident to QST.
 */
async function acceptedReferral(db: Database, staff: Staff, physician: { id: string }) {
  const caseData = JSON.parse(fs.readFileSync("docs/examples/referral-case.json", "utf8")) as ReferralCase;
  const country = staff.siteCode === "konyang" ? "KR" : "JP";
  caseData.patient = { ...caseData.patient, residenceCountry: country };
  const referral = await submitReferral(db, { physician: { id: physician.id, country }, caseData, now });
  await transitionReferral(db, {
    referralId: referral.id,
    actor: { id: staff.id, role: staff.role },
    action: "accept",
    now,
  });
  return referral;
}

const staffCtx = { ...ctx, portalUrl: "https://portal.test", lng: "ko" as const };
const booking = (extra: Record<string, string>) => ({ place: "방사선종양학과 외래", ...extra }) as never;
/** The staff's "schedule" step with the booking form's fields (the place is always given). */
const schedule = (db: Database, staff: Staff, referralId: string, fields: Record<string, string>) =>
  performStaffAction(db, staff, referralId, "schedule", booking(fields), staffCtx);

describe("a site's consultation slots", () => {
  beforeEach(async () => emptyQueues(await getDb()));

  it("adds a weekly pattern without public holidays or past times, keeps existing slots, and shows them to its own site only", async () => {
    const db = await getDb();
    const konyang = await staffOf(db, "konyang");
    const qst = await staffOf(db, "qst");
    const pattern = {
      from: "2026-12-21",
      to: "2027-01-01",
      weekdays: [1, 3, 5],
      times: ["14:00", "09:00"],
      duration: 60,
    };
    // Mon 21 (09:00 has passed), Wed 23, Fri 25 (Christmas), Mon 28, Wed 30, Fri 1 (New Year's Day).
    const holidays = ["2026-12-25", "2027-01-01"];
    const addPattern = () => addWeeklyPattern(db, konyang, pattern, ctx);
    expect(await addPattern()).toEqual({ ok: true, added: 7, existing: 0, past: 1, holidays });
    // The same pattern again adds nothing: its slots are there.
    expect(await addPattern()).toEqual({ ok: true, added: 0, existing: 7, past: 1, holidays });
    const listed = await listSiteSlots(db, konyang, now);
    expect(listed.slots.map((s) => `${s.date} ${s.time}`)).toEqual([
      "2026-12-21 14:00",
      "2026-12-23 09:00",
      "2026-12-23 14:00",
      "2026-12-28 09:00",
      "2026-12-28 14:00",
      "2026-12-30 09:00",
      "2026-12-30 14:00",
    ]);
    // 14:00 in Daejeon is 05:00 UTC.
    expect(listed.slots[0]!.startsAt).toBe("2026-12-21T05:00:00.000Z");
    // QST sees none of them and cannot remove one.
    expect((await listSiteSlots(db, qst, now)).slots).toEqual([]);
    expect(await removeSlot(db, qst, listed.slots[0]!.id, ctx)).toBe(false);
    expect(await removeSlot(db, konyang, listed.slots[0]!.id, ctx)).toBe(true);
    expect((await listSiteSlots(db, konyang, now)).slots).toHaveLength(6);
  });

  it("asks to confirm a single slot on a weekend or public holiday, naming the holiday", async () => {
    const db = await getDb();
    const konyang = await staffOf(db, "konyang");
    const christmas = { date: "2026-12-25", time: "10:00", duration: 30 };
    const refused = await addSlot(db, konyang, christmas, { ...ctx, lng: "ko" });
    expect(refused).toMatchObject({
      ok: false,
      code: "confirm_day",
      warnings: [{ code: "holiday", name: expect.any(String) }],
    });
    // Confirming another day does not confirm this one.
    expect(await addSlot(db, konyang, { ...christmas, confirmDay: "2026-12-24" }, { ...ctx, lng: "ko" })).toMatchObject(
      { code: "confirm_day" },
    );
    expect(await addSlot(db, konyang, { ...christmas, confirmDay: "2026-12-25" }, { ...ctx, lng: "ko" })).toEqual({
      ok: true,
      added: 1,
    });
    expect(await addSlot(db, konyang, { ...christmas, confirmDay: "2026-12-25" }, { ...ctx, lng: "ko" })).toEqual({
      ok: false,
      code: "exists",
    });
    expect(
      await addSlot(db, konyang, { date: "2026-12-26", time: "10:00", duration: 30 }, { ...ctx, lng: "en" }),
    ).toMatchObject({ warnings: [{ code: "weekend" }] });
    expect(
      await addSlot(db, konyang, { date: "2026-12-21", time: "09:00", duration: 30 }, { ...ctx, lng: "en" }),
    ).toEqual({ ok: false, code: "date_in_past" });
  });
});

describe("booking a first consultation", () => {
  beforeEach(async () => emptyQueues(await getDb()));

  it("books a free slot once, refuses it to a second referral, frees it on rebooking, and mails the place and calendar link", async () => {
    const db = await getDb();
    await confirmSiteContacts(db, "konyang", ["address"]);
    const coordinator = await staffOf(db, "konyang");
    const physician = await createAccount(db, { role: "physician" });
    await addWeeklyPattern(
      db,
      coordinator,
      { from: "2027-01-04", to: "2027-01-05", weekdays: [1, 2], times: ["09:00"], duration: 45 },
      ctx,
    );
    // Earlier tests of this file left slots in December: take the two made here.
    const [monday, tuesday] = (await bookingChoices(db, coordinator, "none", now)).free.filter(
      (s) => s.date >= "2027-01-04",
    );
    const first = await acceptedReferral(db, coordinator, physician);
    const second = await acceptedReferral(db, coordinator, physician);

    expect(await schedule(db, coordinator, first.id, { slotId: monday!.id })).toMatchObject({ ok: true });
    const stored = JSON.parse((await findReferral(db, first.id))!.consultation_json!);
    expect(stored).toMatchObject({
      date: "2027-01-04",
      time: "09:00",
      timeZone: "Asia/Seoul",
      durationMinutes: 45,
      slotId: monday!.id,
      place: "방사선종양학과 외래",
    });
    expect(stored.outsideSlots).toBeUndefined();
    expect((await bookingChoices(db, coordinator, first.id, now)).current?.id).toBe(monday!.id);

    // The same slot for another referral: gone. The same time typed by hand: taken.
    expect(await schedule(db, coordinator, second.id, { slotId: monday!.id })).toMatchObject({
      ok: false,
      code: "slot_gone",
    });
    expect(
      await schedule(db, coordinator, second.id, { slotId: "other", date: "2027-01-04", time: "09:30" }),
    ).toMatchObject({ ok: false, code: "slot_taken" });
    expect((await findReferral(db, second.id))!.status).toBe("accepted");

    // Rebooking the first referral to Tuesday frees Monday for the second.
    expect(await schedule(db, coordinator, first.id, { slotId: tuesday!.id })).toMatchObject({ ok: true });
    expect(
      (await bookingChoices(db, coordinator, second.id, now)).free
        .filter((s) => s.date >= "2027-01-04")
        .map((s) => s.id),
    ).toEqual([monday!.id]);

    const mail = await db
      .selectFrom("mail_outbox")
      .select(["body_text", "kind"])
      .where("referral_id", "=", first.id)
      .where("kind", "=", "scheduled")
      .executeTakeFirstOrThrow();
    // In the physician's own language (the factory's people take turns: Korean, Japanese, English).
    expect(mail.body_text).toMatch(/관저동로 158|クァンジョドン路158|158 Gwanjeodong-ro/);
    expect(mail.body_text).toContain("https://www.google.com/maps/search/?api=1&query=");
    expect(mail.body_text).toContain(`https://portal.test/referrals/${first.id}/consultation.ics`);
    // A slot that is booked cannot be removed.
    expect(await removeSlot(db, coordinator, tuesday!.id, ctx)).toBe(false);

    // The physician's referral page: the day in full, the site's clock and zone, the place and the calendar file.
    const view = await consultationView(
      db,
      toReferral((await findReferral(db, first.id))!),
      await siteNames(db),
      "en",
      tFor("en", ["scheduling", "status"]),
    );
    expect(view).toMatchObject({
      dateText: "Tuesday, 5 January 2027",
      timeText: "09:00 (Korea time)",
      place: "방사선종양학과 외래",
      calendarHref: `/referrals/${first.id}/consultation.ics`,
    });
    expect(view!.mapHref).toContain("https://www.google.com/maps/search/?api=1&query=");
    // A referral without a booked consultation shows none.
    expect(
      await consultationView(
        db,
        toReferral((await findReferral(db, second.id))!),
        await siteNames(db),
        "en",
        tFor("en"),
      ),
    ).toBeNull();
  });

  it("books another date and time with a warning, and a holiday or weekend only once confirmed", async () => {
    const db = await getDb();
    const coordinator = await staffOf(db, "konyang");
    const physician = await createAccount(db, { role: "physician" });
    const referral = await acceptedReferral(db, coordinator, physician);
    const christmas = { slotId: "other", date: "2026-12-25", time: "11:00" };
    const warned = await schedule(db, coordinator, referral.id, christmas);
    expect(warned).toMatchObject({
      ok: false,
      code: "confirm_day",
      date: "2026-12-25",
      warnings: [{ code: "holiday" }],
    });
    expect((await findReferral(db, referral.id))!.status).toBe("accepted");
    expect(await schedule(db, coordinator, referral.id, { ...christmas, confirmDay: "2026-12-25" })).toMatchObject({
      ok: true,
    });
    const stored = JSON.parse((await findReferral(db, referral.id))!.consultation_json!);
    expect(stored).toMatchObject({
      date: "2026-12-25",
      time: "11:00",
      outsideSlots: true,
      confirmedDay: ["holiday"],
      durationMinutes: 60,
    });
    // The booking outside the slots now occupies its hour.
    const other = await acceptedReferral(db, coordinator, physician);
    expect(
      await schedule(db, coordinator, other.id, { date: "2026-12-25", time: "11:30", confirmDay: "2026-12-25" }),
    ).toMatchObject({ code: "slot_taken" });
    // Earlier today is the time's fault; yesterday the date's.
    expect(await schedule(db, coordinator, other.id, { date: "2026-12-21", time: "09:00" })).toMatchObject({
      code: "time_in_past",
    });
    expect(await schedule(db, coordinator, other.id, { date: "2026-12-18", time: "11:00" })).toMatchObject({
      code: "date_in_past",
    });
  });

  it("never books another site's slot", async () => {
    const db = await getDb();
    const konyang = await staffOf(db, "konyang");
    const qst = await staffOf(db, "qst");
    const physician = await createAccount(db, { role: "physician" });
    await addWeeklyPattern(
      db,
      qst,
      { from: "2027-01-06", to: "2027-01-06", weekdays: [3], times: ["10:00"], duration: 60 },
      ctx,
    );
    const qstSlot = (await bookingChoices(db, qst, "none", now)).free[0]!;
    const referral = await acceptedReferral(db, konyang, physician);
    expect(await schedule(db, konyang, referral.id, { slotId: qstSlot.id })).toMatchObject({
      ok: false,
      code: "slot_gone",
    });
  });
});

describe("a weekend or holiday warning in words", () => {
  it("names the day in full and the holiday when it has a name, in the reader's language", () => {
    expect(dayWarningLines("2026-12-26", [{ code: "weekend" }], "en", tFor("en", "scheduling"))).toEqual([
      "Saturday, 26 December 2026 is a Saturday or Sunday.",
    ]);
    expect(
      dayWarningLines("2026-12-25", [{ code: "holiday", name: "Christmas Day" }], "en", tFor("en", "scheduling")),
    ).toEqual(["Friday, 25 December 2026 is a public holiday (Christmas Day)."]);
    expect(dayWarningLines("2026-12-25", [{ code: "holiday", name: null }], "en", tFor("en", "scheduling"))).toEqual([
      "Friday, 25 December 2026 is a public holiday.",
    ]);
    const [korean] = dayWarningLines("2027-01-01", [{ code: "holiday", name: null }], "ko", tFor("ko", "scheduling"));
    expect(korean).toContain("2027년 1월 1일 금요일");
  });
});

import fs from "node:fs";
import { describe, expect, it } from "vitest";
import type { ReferralCase } from "~/domain/case/schema";
import { getSessionUser } from "~/modules/accounts/session.server";
import type { Staff } from "~/modules/queue/staff.server";
import { performStaffAction } from "~/modules/queue/triage.service.server";
import { submitReferral, transitionReferral } from "~/modules/referrals/referrals.service.server";
import { addSlot } from "~/modules/scheduling/slots.service.server";
import { lookUpStatus } from "~/modules/status-lookup/status-lookup.service.server";
import { getDb } from "~/utils/db.server";
import { createAccount, getRequest, sessionCookieFor } from "../../../tests/factories/accounts";
import { eventProperty, parseIcs, unescapeIcsText } from "../../../tests/factories/ics";
import { loader as statusCalendar } from "../status_.view_.consultation[.]ics/route";
import { confirmSiteContacts } from "../../../tests/factories/site-contacts";
import { loader } from "./route";

const now = new Date("2026-12-21T01:00:00Z");

/** A referral from the published example case (a Korean patient, so Konyang), accepted and booked into a slot. */
async function bookedReferral(date: string) {
  const db = await getDb();
  await confirmSiteContacts(db, "konyang", ["address"]);
  const physician = await createAccount(db, { role: "physician" });
  const coordinator = await createAccount(db, { role: "coordinator", site: "konyang" });
  const staff = (await getSessionUser(
    getRequest("/", { cookie: await sessionCookieFor(db, coordinator.id) }),
  )) as Staff;
  const caseData = JSON.parse(fs.readFileSync("docs/examples/referral-case.json", "utf8")) as ReferralCase;
  const referral = await submitReferral(db, { physician: { id: physician.id, country: "KR" }, caseData, now });
  await transitionReferral(db, {
    referralId: referral.id,
    actor: { id: staff.id, role: staff.role },
    action: "accept",
    now,
  });
  await addSlot(db, staff, { date, time: "14:30", duration: 45 }, { now, ip: null, lng: "ko" });
  const slot = await db
    .selectFrom("consultation_slots")
    .select("id")
    .where("local_date", "=", date)
    .executeTakeFirstOrThrow();
  const booked = await performStaffAction(
    db,
    staff,
    referral.id,
    "schedule",
    { slotId: slot.id, place: "본관 2층 방사선종양학과" } as never,
    { now, ip: null, portalUrl: "http://localhost", lng: "ko" },
  );
  expect(booked.ok).toBe(true);
  return { db, physician, referral, birthDate: caseData.patient.birthDate };
}

const call = async (fn: typeof loader, request: Request, params: Record<string, string> = {}) => {
  try {
    return await fn({ request, params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
};

describe("the consultation's calendar file", () => {
  it("is the referring physician's, with the time in the site's zone and no health detail", async () => {
    const { db, physician, referral } = await bookedReferral("2027-01-05");
    const cookie = await sessionCookieFor(db, physician.id);
    const answer = (await call(
      loader,
      getRequest(`/referrals/${referral.id}/consultation.ics`, { cookie, lng: "en" }),
      { id: referral.id },
    )) as Response;
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(answer.headers.get("Content-Disposition")).toBe('attachment; filename="consultation-2027-01-05.ics"');
    const text = await answer.text();
    const ics = parseIcs(text);
    expect(eventProperty(ics, "DTSTART")).toMatchObject({ params: { TZID: "Asia/Seoul" }, value: "20270105T143000" });
    expect(eventProperty(ics, "DTEND")?.value).toBe("20270105T151500");
    expect(unescapeIcsText(eventProperty(ics, "SUMMARY")!.value)).toBe("Consultation at Konyang University Hospital");
    expect(unescapeIcsText(eventProperty(ics, "LOCATION")!.value)).toBe(
      "Konyang University Hospital, 158 Gwanjeodong-ro, Seo-gu, Daejeon 35365, Republic of Korea",
    );
    // Nothing about the patient or the illness: no name, no code, no diagnosis, not even the department typed as the place.
    for (const secret of ["최", "CHOI", referral.referenceCode, "C61", "prostate", "방사선종양학과", referral.id])
      expect(text).not.toContain(secret);
  });

  it("is an empty 404 for another physician (also as .data) and refused to staff", async () => {
    const { db, referral } = await bookedReferral("2027-01-06");
    const other = await createAccount(db, { role: "physician" });
    const answer = (await call(
      loader,
      getRequest(`/referrals/${referral.id}/consultation.ics?_data=routes%2Freferrals.%24id_.consultation%5B.%5Dics`, {
        cookie: await sessionCookieFor(db, other.id),
      }),
      { id: referral.id },
    )) as Response;
    expect(answer.status).toBe(404);
    expect(await answer.text()).toBe("");
    const coordinator = await createAccount(db, { role: "coordinator", site: "konyang" });
    expect(
      (
        (await call(
          loader,
          getRequest(`/referrals/${referral.id}/consultation.ics`, {
            cookie: await sessionCookieFor(db, coordinator.id),
          }),
          { id: referral.id },
        )) as Response
      ).status,
    ).toBe(403);
  });

  it("opens for the patient through the status session only, in the page's language", async () => {
    const { db, referral, birthDate } = await bookedReferral("2027-01-07");
    expect(((await call(statusCalendar, getRequest("/status/view/consultation.ics"))) as Response).status).toBe(404);
    const found = await lookUpStatus(
      db,
      { referenceCode: referral.referenceCode, birthDate },
      { ip: "203.0.113.7", now: new Date(), door: "page" },
    );
    expect(found.kind).toBe("found");
    const token = (found as { setCookie: string }).setCookie.split(";")[0]!;
    const answer = (await call(
      statusCalendar,
      getRequest("/status/view/consultation.ics", { cookie: token, lng: "ja" }),
    )) as Response;
    expect(answer.status).toBe(200);
    const ics = parseIcs(await answer.text());
    expect(unescapeIcsText(eventProperty(ics, "SUMMARY")!.value)).toBe("建陽大学校病院での診察");
    expect(eventProperty(ics, "SUMMARY")!.params).toEqual({ LANGUAGE: "ja-JP" });
    expect(eventProperty(ics, "DTSTART")?.value).toBe("20270107T143000");
  });
});

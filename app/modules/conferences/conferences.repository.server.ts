import type { Insertable, Selectable } from "kysely";
import type { Database } from "~/utils/db.server";
import { findRow, rowsWhere, updateRows } from "~/utils/db-rows.server";
import type { AgendaItems, Conferences } from "../../../db/types";

export type ConferenceRow = Selectable<Conferences>;
export type AgendaItemRow = Selectable<AgendaItems>;

export async function insertConference(
  db: Database,
  row: Insertable<Conferences>,
  attendees: { user_id: string; site_code: string }[],
) {
  await db.insertInto("conferences").values(row).execute();
  if (attendees.length)
    await db
      .insertInto("conference_attendees")
      .values(attendees.map((a) => ({ ...a, conference_id: row.id })))
      .execute();
}

/** Agenda lines (`a`) with the joint review each one discusses (`j`). */
const agendaWithReviews = (db: Database) =>
  db.selectFrom("agenda_items as a").innerJoin("joint_reviews as j", "j.id", "a.joint_review_id");

/** Agenda lines (`a`) with the conference each one is on (`c`). */
const agendaWithConferences = (db: Database) =>
  db.selectFrom("agenda_items as a").innerJoin("conferences as c", "c.id", "a.conference_id");

export async function conferenceById(db: Database, id: string) {
  return findRow(db, "conferences", { id });
}

/** Conferences still to be held (their agenda may be open), earliest first. */
export async function scheduledConferences(db: Database) {
  return rowsWhere(db, "conferences", { status: "scheduled" }).orderBy("starts_at", "asc").execute();
}

/** Conferences held, newest first. */
export async function heldConferences(db: Database, limit: number) {
  return rowsWhere(db, "conferences", { status: "held" }).orderBy("starts_at", "desc").limit(limit).execute();
}

export async function markConferenceHeld(db: Database, id: string, at: string) {
  const held = await updateRows(db, "conferences", {
    where: { id, status: "scheduled" },
    set: { status: "held", held_at: at },
  });
  return held === 1;
}

export async function attendeesOf(db: Database, conferenceId: string) {
  return db
    .selectFrom("conference_attendees as a")
    .innerJoin("users as u", "u.id", "a.user_id")
    .select(["u.id", "u.family_name", "u.given_name", "u.role", "a.site_code"])
    .where("a.conference_id", "=", conferenceId)
    .orderBy("a.site_code")
    .orderBy("u.family_name")
    .execute();
}

export async function insertAgendaItem(db: Database, row: Insertable<AgendaItems>) {
  await db
    .insertInto("agenda_items")
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** A conference's agenda in the order cases were added, with each referral's code, owner and the review's question. */
export async function agendaOf(db: Database, conferenceId: string) {
  return agendaWithReviews(db)
    .innerJoin("referrals as r", "r.id", "a.referral_id")
    .leftJoin("users as p", "p.id", "j.proposed_by")
    .select([
      "a.id",
      "a.referral_id",
      "a.joint_review_id",
      "a.added_at",
      "a.recommendation",
      "a.rationale",
      "a.present_json",
      "a.recorded_at",
      "j.owner_site_code",
      "j.partner_site_code",
      "j.question",
      "j.status as review_status",
      "r.reference_code",
      "r.patient_family_name",
      "r.patient_given_name",
      "r.indication",
      "r.physician_id",
      "p.family_name as presenter_family_name",
      "p.given_name as presenter_given_name",
    ])
    .where("a.conference_id", "=", conferenceId)
    .orderBy("a.added_at", "asc")
    .orderBy("a.id", "asc")
    .execute();
}

export async function agendaItemById(db: Database, conferenceId: string, itemId: string) {
  return findRow(db, "agenda_items", { conference_id: conferenceId, id: itemId });
}

export async function recordAgendaRecommendation(
  db: Database,
  itemId: string,
  patch: { recommendation: string; rationale: string; present_json: string; recorded_by: string; recorded_at: string },
) {
  await updateRows(db, "agenda_items", { where: { id: itemId }, set: patch });
}

/** Every recommendation given for a referral, newest first, with its conference's date. */
export async function recommendationsOf(db: Database, referralId: string) {
  return agendaWithConferences(db)
    .select([
      "a.id",
      "a.conference_id",
      "a.recommendation",
      "a.rationale",
      "a.recorded_at",
      "a.joint_review_id",
      "c.starts_at",
      "c.status as conference_status",
    ])
    .where("a.referral_id", "=", referralId)
    .where("a.recommendation", "is not", null)
    .orderBy("a.recorded_at", "desc")
    .execute();
}

/** The agenda line a referral waits on in a conference still to be held, if any. */
export async function upcomingItemOf(db: Database, jointReviewId: string) {
  return agendaWithConferences(db)
    .select(["a.id", "a.conference_id", "c.starts_at"])
    .where("a.joint_review_id", "=", jointReviewId)
    .where("c.status", "=", "scheduled")
    .orderBy("c.starts_at", "asc")
    .executeTakeFirst();
}

/** Recommendations given to a site's referrals (as owner or partner) in meetings since `from`, counted by outcome. */
export async function recommendationCounts(db: Database, siteCode: string, from: string) {
  return agendaWithReviews(db)
    .select(["a.recommendation", db.fn.countAll<number>().as("n")])
    .where("a.recommendation", "is not", null)
    .where("a.recorded_at", ">=", from)
    .where((eb) => eb.or([eb("j.owner_site_code", "=", siteCode), eb("j.partner_site_code", "=", siteCode)]))
    .groupBy("a.recommendation")
    .execute();
}

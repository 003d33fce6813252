import type { Insertable, Selectable } from "kysely";
import type { Database } from "~/utils/db.server";
import { authorNameAndRole, postsWithAuthors } from "~/utils/db-posts.server";
import { findRow, rowsWhere, updateRows } from "~/utils/db-rows.server";
import type { JointMessages, JointReviews } from "../../../db/types";

export type JointReviewRow = Selectable<JointReviews>;
export type JointMessageRow = Selectable<JointMessages>;

export async function insertJointReview(db: Database, row: Insertable<JointReviews>) {
  await db.insertInto("joint_reviews").values(row).execute();
}

/** The referral's open joint review, if any (at most one: a unique index). */
export async function openJointReviewOf(db: Database, referralId: string) {
  return findRow(db, "joint_reviews", { referral_id: referralId, status: "open" });
}

/** The referral's newest joint review, open or closed. */
export async function latestJointReviewOf(db: Database, referralId: string) {
  return rowsWhere(db, "joint_reviews", { referral_id: referralId }).orderBy("proposed_at", "desc").executeTakeFirst();
}

export async function jointReviewById(db: Database, id: string) {
  return findRow(db, "joint_reviews", { id });
}

export async function closeJointReviewRow(
  db: Database,
  id: string,
  patch: { closed_by: string | null; closed_at: string; close_reason: string },
) {
  await updateRows(db, "joint_reviews", { where: { id, status: "open" }, set: { ...patch, status: "closed" } });
}

/** Open joint reviews with the referral's code and owner, for a site as owner or as partner. */
export async function openJointReviewsOfSite(db: Database, siteCode: string) {
  return db
    .selectFrom("joint_reviews as j")
    .innerJoin("referrals as r", "r.id", "j.referral_id")
    .select([
      "j.id",
      "j.referral_id",
      "j.owner_site_code",
      "j.partner_site_code",
      "j.question",
      "j.proposed_at",
      "r.reference_code",
      "r.patient_family_name",
      "r.patient_given_name",
      "r.indication",
      "r.status as referral_status",
    ])
    .where("j.status", "=", "open")
    .where((eb) => eb.or([eb("j.owner_site_code", "=", siteCode), eb("j.partner_site_code", "=", siteCode)]))
    .orderBy("j.proposed_at", "asc")
    .execute();
}

/** Open joint reviews that are on no agenda still to be held, and whose last answer (if any) asked for more. */
export async function jointReviewsAwaitingAgenda(db: Database) {
  return db
    .selectFrom("joint_reviews as j")
    .select(["j.id", "j.referral_id", "j.proposed_at"])
    .where("j.status", "=", "open")
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("agenda_items as a")
            .innerJoin("conferences as c", "c.id", "a.conference_id")
            .select("a.id")
            .whereRef("a.joint_review_id", "=", "j.id")
            .where((inner) =>
              inner.or([inner("c.status", "=", "scheduled"), inner("a.recommendation", "!=", "more_information")]),
            ),
        ),
      ),
    )
    .orderBy("j.proposed_at", "asc")
    .execute();
}

export async function insertJointMessage(db: Database, row: Insertable<JointMessages>) {
  await db.insertInto("joint_messages").values(row).execute();
}

export async function jointMessagesOf(db: Database, jointReviewId: string) {
  return postsWithAuthors(db, "joint_messages", {
    thread: ["joint_review_id", jointReviewId],
    post: ["id", "body", "created_at", "author_site_code"],
    author: authorNameAndRole,
  });
}

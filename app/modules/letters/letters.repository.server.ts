import { type Insertable, type Selectable } from "kysely";
import type { Database } from "~/utils/db.server";
import type { DecisionLetters } from "../../../db/types";
import { insertionOrder } from "../../../db/dialect";

export type LetterRow = Selectable<DecisionLetters>;

export async function insertLetter(db: Database, row: Insertable<DecisionLetters>): Promise<void> {
  await db.insertInto("decision_letters").values(row).execute();
}

/** A referral's letters, newest first (a redirect's letter, then the receiving site's decision). */
export async function lettersOf(db: Database, referralId: string): Promise<LetterRow[]> {
  return db
    .selectFrom("decision_letters")
    .selectAll()
    .where("referral_id", "=", referralId)
    .orderBy("issued_at", "desc")
    .orderBy(insertionOrder(db), "desc")
    .execute();
}

/** Everything a letter says, in one read: the letter, its referral, the physician, the clinical record and its reviewer, who issued it. */
export async function letterFacts(db: Database, letterId: string) {
  return db
    .selectFrom("decision_letters as l")
    .innerJoin("referrals as r", "r.id", "l.referral_id")
    .innerJoin("users as p", "p.id", "r.physician_id")
    .innerJoin("users as i", "i.id", "l.issued_by")
    .leftJoin("clinical_decisions as c", "c.id", "l.clinical_decision_id")
    .leftJoin("users as v", "v.id", "c.reviewer_id")
    .selectAll("l")
    .select([
      "r.reference_code",
      "r.patient_family_name",
      "r.patient_given_name",
      "r.patient_birth_date",
      "r.status as referral_status",
      "p.family_name as physician_family_name",
      "p.given_name as physician_given_name",
      "p.institution as physician_institution",
      "i.family_name as issuer_family_name",
      "i.given_name as issuer_given_name",
      "i.role as issuer_role",
      "c.recommendation",
      "c.rationale",
      "c.approach",
      "c.approach_detail",
      "c.alternatives",
      "v.family_name as reviewer_family_name",
      "v.given_name as reviewer_given_name",
    ])
    .where("l.id", "=", letterId)
    .executeTakeFirst();
}

export type LetterFactsRow = NonNullable<Awaited<ReturnType<typeof letterFacts>>>;

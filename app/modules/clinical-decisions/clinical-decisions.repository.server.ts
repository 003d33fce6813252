import { type Insertable, type Selectable } from "kysely";
import type { Database } from "~/utils/db.server";
import type { ClinicalDecisions } from "../../../db/types";
import { insertionOrder } from "../../../db/dialect";

export type ClinicalDecisionRow = Selectable<ClinicalDecisions>;
export type ClinicalDecisionWithReviewer = ClinicalDecisionRow & {
  reviewer_family_name: string | null;
  reviewer_given_name: string | null;
};

export async function insertClinicalDecision(db: Database, row: Insertable<ClinicalDecisions>): Promise<void> {
  await db.insertInto("clinical_decisions").values(row).execute();
}

/** Every recording of a referral at a site, newest first, with the reviewer's name. */
export async function clinicalDecisionsOf(
  db: Database,
  referralId: string,
  siteCode: string,
): Promise<ClinicalDecisionWithReviewer[]> {
  return (
    db
      .selectFrom("clinical_decisions as c")
      .leftJoin("users as u", "u.id", "c.reviewer_id")
      .selectAll("c")
      .select(["u.family_name as reviewer_family_name", "u.given_name as reviewer_given_name"])
      .where("c.referral_id", "=", referralId)
      .where("c.site_code", "=", siteCode)
      // The insertion order (rowid) breaks ties between two recordings in the same millisecond: the later insert wins.
      .orderBy("c.recorded_at", "desc")
      .orderBy(insertionOrder(db, "c"), "desc")
      .execute()
  );
}

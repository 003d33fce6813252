import { openStatuses } from "~/domain/workflow/states";
import type { Database } from "~/utils/db.server";
import { rowsWhere } from "~/utils/db-rows.server";

/** Every referral still open (submitted and not finished), oldest first: what a bulk re-screen goes through. */
export async function openReferralIds(db: Database): Promise<string[]> {
  const rows = await db
    .selectFrom("referrals")
    .select("id")
    .where("status", "in", [...openStatuses])
    .orderBy("submitted_at", "asc")
    .orderBy("id", "asc")
    .execute();
  return rows.map((r) => r.id);
}

/** The two latest stored screens of a referral, newest first (the pair the staff page compares). */
export async function latestScreens(db: Database, referralId: string) {
  return rowsWhere(db, "referral_screens", { referral_id: referralId })
    .orderBy("screened_at", "desc")
    .orderBy("id", "desc")
    .limit(2)
    .execute();
}

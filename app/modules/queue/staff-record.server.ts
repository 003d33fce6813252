import { translatorFor } from "~/i18n/i18n.server";
import { getDb, type Database } from "~/utils/db.server";
import { notFound } from "~/utils/not-found.server";
import { requireStaff, type Staff } from "./staff.server";

/** Who on the staff is asking (or the way to sign in), in which language, and the database to answer from. */
export async function staffAsking(request: Request) {
  const staff = await requireStaff(request);
  const { t, lng } = translatorFor(request);
  return { staff, t, lng, db: await getDb() };
}

/**
 * The first steps of every staff page about one record (a referral's sub-page, a conference): who is asking, in which
 * language, and the record as `find` reads it for them. A record that is not theirs to see, or none, is the same
 * empty 404 for the page and its `.data` request, before anything else is read or anything posted is looked at.
 */
export async function staffRecord<T>(
  request: Request,
  id: string | undefined,
  find: (db: Database, staff: Staff, id: string) => Promise<T | null | undefined>,
) {
  const { staff, t, lng, db } = await staffAsking(request);
  const record = await find(db, staff, id ?? "");
  if (!record) throw notFound();
  return { staff, t, lng, db, id: id ?? "", record };
}

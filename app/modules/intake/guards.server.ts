import { redirect } from "@remix-run/node";
import { requireRole } from "~/modules/accounts/guards.server";
import type { SessionUser } from "~/modules/accounts/session.server";
import type { Referral } from "~/modules/referrals/referral.mapper.server";
import { getDb, type Database } from "~/utils/db.server";
import { ownReferral } from "./intake.service.server";
import { notFound } from "~/utils/not-found.server";

export type PhysicianReferral = { db: Database; user: SessionUser; referral: Referral };

/** The signed-in physician and their own referral; anyone else, or another physician's referral, gets a bare 404. */
export async function requireOwnReferral(request: Request, id: string | undefined): Promise<PhysicianReferral> {
  const user = await requireRole(request, ["physician"]);
  const db = await getDb();
  const referral = await ownReferral(db, user, id);
  if (!referral) throw notFound();
  return { db, user, referral };
}

/** The same, for pages of a draft: a referral already sent goes to its own page. */
export async function requireOwnDraft(request: Request, id: string | undefined): Promise<PhysicianReferral> {
  const found = await requireOwnReferral(request, id);
  if (found.referral.status !== "draft") throw redirect(`/referrals/${found.referral.id}`);
  return found;
}

/** The same, for pages of a referral already sent (its handout, summary, confirmation): a draft goes to its editor. */
export async function requireOwnSent(
  request: Request,
  id: string | undefined,
): Promise<PhysicianReferral & { referral: { referenceCode: string } }> {
  const found = await requireOwnReferral(request, id);
  const { referral } = found;
  // A code is given when the referral is sent, in the same step that ends the draft.
  if (referral.status === "draft" || !referral.referenceCode) throw redirect(`/referrals/${referral.id}/edit`);
  return { ...found, referral: { ...referral, referenceCode: referral.referenceCode } };
}

// The cross-border travel checklist of a referral (issue 17, docs/decisions/0023): which items the receiving site
// configured, which are done, who may tick them. The rule for who gets a checklist is the domain's.
import {
  checklistProgress,
  parseChecklistItems,
  travelChecklistApplies,
  type ChecklistItem,
  type ChecklistProgress,
} from "~/domain/travel/travel-checklist";
import { isOpen } from "~/domain/workflow/states";
import { auditBy } from "~/modules/audit/audit.service.server";
import type { Staff } from "~/modules/queue/staff.server";
import { referralForStaff } from "~/modules/queue/triage.service.server";
import type { Referral } from "~/modules/referrals/referral.mapper.server";
import type { Database } from "~/utils/db.server";
import { currentChecklistRow, deleteTick, insertTick, ticksOf } from "./travel-checklist.repository.server";

type ReferralFacts = Pick<Referral, "id" | "siteCode" | "status" | "storedCase">;

function residenceOf(storedCase: Readonly<Record<string, unknown>>): string | null {
  const residence = (storedCase as { patient?: { residenceCountry?: unknown } }).patient?.residenceCountry;
  return typeof residence === "string" ? residence : null;
}

async function siteCountry(db: Database, siteCode: string): Promise<string | null> {
  const site = await db.selectFrom("sites").select("country").where("code", "=", siteCode).executeTakeFirst();
  return site?.country ?? null;
}

/** The receiving site's checklist items when this referral gets a checklist, else null. */
export async function checklistItemsFor(
  db: Database,
  referral: ReferralFacts,
): Promise<{ version: number; items: ChecklistItem[] } | null> {
  // A declined, withdrawn or closed referral has no trip to prepare.
  if (!referral.siteCode || !isOpen(referral.status)) return null;
  const row = await currentChecklistRow(db, referral.siteCode);
  const items = row ? parseChecklistItems(row.items) : [];
  const applies = travelChecklistApplies({
    siteCountry: await siteCountry(db, referral.siteCode),
    residenceCountry: residenceOf(referral.storedCase),
    itemCount: items.length,
  });
  return applies && row ? { version: row.version, items } : null;
}

export type TravelChecklist = ChecklistProgress & { version: number };

/** The checklist as `reader` may see it (the patient: their own items only), or null when the referral has none. */
export async function travelChecklistFor(
  db: Database,
  referral: ReferralFacts,
  reader: "patient" | "team",
): Promise<TravelChecklist | null> {
  const config = await checklistItemsFor(db, referral);
  if (!config) return null;
  return { version: config.version, ...checklistProgress(config.items, await ticksOf(db, referral.id), reader) };
}

export type TickResult =
  { ok: true; changed: boolean } | { ok: false; reason: "not_found" | "no_checklist" | "unknown_item" };

/**
 * Staff of the site that owns the referral tick an item done or undo it; each change is audited with the item and
 * the checklist version it was made on. Anyone else gets "not_found", the same as a referral that does not exist.
 */
export async function setTravelItem(
  db: Database,
  staff: Staff,
  referralId: string,
  change: { itemKey: string; done: boolean },
  ctx: { now: Date; ip: string | null },
): Promise<TickResult> {
  return db.transaction().execute(async (trx): Promise<TickResult> => {
    const referral = await referralForStaff(trx, staff, referralId);
    if (!referral) return { ok: false, reason: "not_found" };
    const config = await checklistItemsFor(trx, referral);
    if (!config) return { ok: false, reason: "no_checklist" };
    if (!config.items.some((item) => item.key === change.itemKey)) return { ok: false, reason: "unknown_item" };
    const changed = change.done
      ? await insertTick(trx, { referralId, itemKey: change.itemKey, doneBy: staff.id, doneAt: ctx.now.toISOString() })
      : await deleteTick(trx, referralId, change.itemKey);
    if (changed) {
      const audit = auditBy(trx, staff, ctx);
      await audit(change.done ? "referral.travel_item_done" : "referral.travel_item_undone", ["referral", referralId], {
        item: change.itemKey,
        checklistVersion: config.version,
        site: referral.siteCode,
      });
    }
    return { ok: true, changed };
  });
}

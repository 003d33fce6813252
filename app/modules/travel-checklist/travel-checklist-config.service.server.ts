// A site's checklist wording as versioned, audited configuration (docs/decisions/0023), like its contact details.
import { parseChecklistItems, type ChecklistItem } from "~/domain/travel/travel-checklist";
import { recordAudit } from "~/modules/audit/audit.service.server";
import type { Database } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";
import type { TravelChecklistForm } from "./travel-checklist.schema";
import { currentChecklistRow, insertChecklistVersion } from "./travel-checklist.repository.server";

/** The version in force of each site's checklist, for sites that have one. */
export async function checklistVersions(db: Database): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("travel_checklist_versions")
    .select(["site_code", (eb) => eb.fn.max("version").as("version")])
    .groupBy("site_code")
    .execute();
  return Object.fromEntries(rows.map((row) => [row.site_code, Number(row.version)]));
}

export async function checklistInForce(
  db: Database,
  siteCode: string,
): Promise<{ version: number; items: ChecklistItem[] } | null> {
  const row = await currentChecklistRow(db, siteCode);
  return row ? { version: row.version, items: parseChecklistItems(row.items) } : null;
}

export type ChangeChecklistResult =
  | { ok: true; version: number }
  | { ok: false; reason: "unknown_site" | "stale" | "unchanged" | "items_changed"; currentVersion?: number };

/** Saves the next version with the new wording and audits before and after, in one transaction. */
export async function changeTravelChecklist(
  db: Database,
  input: {
    actor: { id: string; role: string };
    siteCode: string;
    change: TravelChecklistForm;
    ip?: string | null;
    at: Date;
  },
): Promise<ChangeChecklistResult> {
  const { actor, siteCode, change, at } = input;
  return db.transaction().execute(async (trx) => {
    const row = await currentChecklistRow(trx, siteCode);
    if (!row) return { ok: false, reason: "unknown_site" } as const;
    if (row.version !== change.baseVersion) return { ok: false, reason: "stale", currentVersion: row.version } as const;
    const before = parseChecklistItems(row.items);
    // The form words the items in force; a form naming other items was not made from this version.
    if (before.some((item) => !change.items[item.key]) || Object.keys(change.items).length !== before.length) {
      return { ok: false, reason: "items_changed", currentVersion: row.version } as const;
    }
    const after: ChecklistItem[] = before.map((item) => ({ ...item, ...change.items[item.key]! }));
    if (JSON.stringify(before) === JSON.stringify(after))
      return { ok: false, reason: "unchanged", currentVersion: row.version } as const;
    const version = row.version + 1;
    await insertChecklistVersion(trx, {
      id: newId(),
      site_code: siteCode,
      version,
      items: JSON.stringify(after),
      changed_by: actor.id,
      changed_at: at.toISOString(),
      note: change.note,
    });
    await recordAudit(trx, {
      actor,
      action: "site.checklist.changed",
      subjectType: "site",
      subjectId: siteCode,
      detail: { fromVersion: row.version, toVersion: version, before, after, note: change.note },
      ip: input.ip ?? null,
      at,
    });
    return { ok: true, version } as const;
  });
}

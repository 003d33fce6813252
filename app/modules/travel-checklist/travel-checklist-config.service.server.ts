// A site's checklist wording as versioned, audited configuration (docs/decisions/0023), like its contact details.
import { parseChecklistItems, type ChecklistItem } from "~/domain/travel/travel-checklist";
import {
  changeSiteSetting,
  type SettingChangeInput,
  type SettingChangeResult,
  type SettingKind,
} from "~/modules/sites/versioned-site-setting.server";
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

export type ChangeChecklistResult = SettingChangeResult<"items_changed">;

type ChecklistRow = NonNullable<Awaited<ReturnType<typeof currentChecklistRow>>>;

const checklistSetting: SettingKind<ChecklistRow, ChecklistItem[], TravelChecklistForm, "items_changed"> = {
  action: "site.checklist.changed",
  current: currentChecklistRow,
  valueOf: (row) => parseChecklistItems(row.items),
  changed: (before, change) => {
    // The form words the items in force; a form naming other items was not made from this version.
    if (before.some((item) => !change.items[item.key]) || Object.keys(change.items).length !== before.length) {
      return { refused: "items_changed" };
    }
    return before.map((item) => ({ ...item, ...change.items[item.key]! }));
  },
  insert: (db, { siteCode, version, value, by, at, note }) =>
    insertChecklistVersion(db, {
      id: newId(),
      site_code: siteCode,
      version,
      items: JSON.stringify(value),
      changed_by: by,
      changed_at: at.toISOString(),
      note,
    }),
};

/** Saves the next version with the new wording and audits before and after, in one transaction. */
export function changeTravelChecklist(
  db: Database,
  input: SettingChangeInput<TravelChecklistForm>,
): Promise<ChangeChecklistResult> {
  return changeSiteSetting(db, checklistSetting, input);
}

// A site's setting kept as versions (docs/decisions/0005, 0023): its contact details, its checklist wording. A change
// is a new version, made from the version in force, refused when made from an older one or when it changes nothing,
// and audited with before and after in the same transaction. The steps are the same for every such setting.
import { auditBy } from "~/modules/audit/audit.service.server";
import type { Database } from "~/utils/db.server";

/** Who changed a version, from the row joined with the account (null when the account is gone or unnamed). */
export function changerOf(row: {
  changed_by: string | null;
  changer_family_name?: string | null;
  changer_given_name?: string | null;
}): { familyName: string; givenName: string } | null {
  return row.changed_by && row.changer_family_name != null
    ? { familyName: row.changer_family_name, givenName: row.changer_given_name ?? "" }
    : null;
}

export type SettingChangeInput<Form> = {
  actor: { id: string; role: string };
  siteCode: string;
  change: Form & { baseVersion: number; note: string };
  ip?: string | null;
  at: Date;
};

export type SettingChangeResult<Refusal extends string = never> =
  | { ok: true; version: number }
  | { ok: false; reason: "unknown_site" | "stale" | "unchanged" | Refusal; currentVersion?: number };

/** The next version to store: the setting's value, who made it, when and why. */
export type NewVersion<Value> = { siteCode: string; version: number; value: Value; by: string; at: Date; note: string };

/** How one kind of setting is read, changed and stored; `changed` returns a refusal when the form does not fit. */
export type SettingKind<Row extends { version: number }, Value, Form, Refusal extends string> = {
  action: string;
  current: (db: Database, siteCode: string) => Promise<Row | undefined>;
  valueOf: (row: Row) => Value;
  changed: (before: Value, change: Form) => Value | { refused: Refusal };
  insert: (db: Database, version: NewVersion<Value>) => Promise<unknown>;
};

/** Saves the next version of a site's setting and audits it with before and after, in one transaction. */
export async function changeSiteSetting<Row extends { version: number }, Value, Form, Refusal extends string = never>(
  db: Database,
  kind: SettingKind<Row, Value, Form, Refusal>,
  input: SettingChangeInput<Form>,
): Promise<SettingChangeResult<Refusal>> {
  const { actor, siteCode, change, at } = input;
  return db.transaction().execute(async (trx) => {
    const row = await kind.current(trx, siteCode);
    if (!row) return { ok: false, reason: "unknown_site" } as const;
    if (row.version !== change.baseVersion) return { ok: false, reason: "stale", currentVersion: row.version } as const;
    const before = kind.valueOf(row);
    const after = kind.changed(before, change);
    if (isRefusal(after)) return { ok: false, reason: after.refused, currentVersion: row.version } as const;
    if (JSON.stringify(before) === JSON.stringify(after))
      return { ok: false, reason: "unchanged", currentVersion: row.version } as const;
    const version = row.version + 1;
    await kind.insert(trx, { siteCode, version, value: after, by: actor.id, at, note: change.note });
    const audit = auditBy(trx, actor, { now: at, ip: input.ip ?? null });
    await audit(kind.action, ["site", siteCode], {
      fromVersion: row.version,
      toVersion: version,
      before,
      after,
      note: change.note,
    });
    return { ok: true, version } as const;
  });
}

function isRefusal<Value, Refusal extends string>(value: Value | { refused: Refusal }): value is { refused: Refusal } {
  return typeof value === "object" && value !== null && "refused" in value;
}

// Sites' contact details as versioned, audited configuration (docs/decisions/0023). The same pattern as the sites'
// configuration (0005): a change is a new version, refused when based on an older one or when it changes nothing.
import { recordAudit } from "~/modules/audit/audit.service.server";
import type { Database } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";
import type { SiteContactsForm } from "./site-contacts.schema";
import { unconfirmedFields, type ContactField, type ContactWords, type SiteContacts } from "./site-contacts";
import {
  contactHistory,
  currentContactRow,
  currentContactRows,
  insertContactVersion,
  type SiteContactHistoryRow,
  type SiteContactRow,
} from "./site-contacts.repository.server";

function wordsOf(json: string): ContactWords {
  try {
    const value = JSON.parse(json) as Partial<ContactWords>;
    return { ko: String(value.ko ?? ""), ja: String(value.ja ?? ""), en: String(value.en ?? "") };
  } catch {
    return { ko: "", ja: "", en: "" };
  }
}

function toContacts(row: SiteContactRow): SiteContacts {
  return {
    siteCode: row.site_code,
    version: row.version,
    contactName: wordsOf(row.contact_name),
    phone: row.phone,
    email: row.email,
    hours: wordsOf(row.hours),
    address: wordsOf(row.address),
    mapQuery: row.map_query,
    confirmed: {
      phone: row.phone_confirmed === 1,
      email: row.email_confirmed === 1,
      hours: row.hours_confirmed === 1,
      address: row.address_confirmed === 1,
    },
  };
}

/** Every site's contact details in force, by site code. */
export async function siteContactBook(db: Database): Promise<Record<string, SiteContacts>> {
  return Object.fromEntries((await currentContactRows(db)).map((row) => [row.site_code, toContacts(row)]));
}

/** One site's contact details in force, or null for a site without any. */
export async function siteContactsOf(db: Database, siteCode: string | null | undefined): Promise<SiteContacts | null> {
  if (!siteCode) return null;
  const row = await currentContactRow(db, siteCode);
  return row ? toContacts(row) : null;
}

export type SiteContactsVersion = SiteContacts & {
  changedAt: string;
  changedBy: { familyName: string; givenName: string } | null;
  note: string | null;
};

export async function siteContactsHistory(db: Database, siteCode: string): Promise<SiteContactsVersion[]> {
  return (await contactHistory(db, siteCode)).map((row: SiteContactHistoryRow) => ({
    ...toContacts(row),
    changedAt: row.changed_at,
    changedBy:
      row.changed_by && row.changer_family_name != null
        ? { familyName: row.changer_family_name, givenName: row.changer_given_name ?? "" }
        : null,
    note: row.note,
  }));
}

export type ChangeContactsResult =
  | { ok: true; version: number }
  | { ok: false; reason: "unknown_site" | "stale" | "unchanged"; currentVersion?: number };

type Snapshot = Omit<SiteContacts, "siteCode" | "version">;

function snapshotOf(form: SiteContactsForm): Snapshot {
  return {
    contactName: form.contactName,
    phone: form.phone,
    email: form.email,
    hours: form.hours,
    address: form.address,
    mapQuery: form.mapQuery,
    confirmed: {
      phone: form.phoneConfirmed,
      email: form.emailConfirmed,
      hours: form.hoursConfirmed,
      address: form.addressConfirmed,
    },
  };
}

/** Saves the next version of a site's contact details and audits it with before and after, in one transaction. */
export async function changeSiteContacts(
  db: Database,
  input: {
    actor: { id: string; role: string };
    siteCode: string;
    change: SiteContactsForm;
    ip?: string | null;
    at: Date;
  },
): Promise<ChangeContactsResult> {
  const { actor, siteCode, change, at } = input;
  return db.transaction().execute(async (trx) => {
    const row = await currentContactRow(trx, siteCode);
    if (!row) return { ok: false, reason: "unknown_site" } as const;
    if (row.version !== change.baseVersion) return { ok: false, reason: "stale", currentVersion: row.version } as const;
    const { siteCode: _s, version: _v, ...before } = toContacts(row);
    const after = snapshotOf(change);
    if (JSON.stringify(before) === JSON.stringify(after))
      return { ok: false, reason: "unchanged", currentVersion: row.version } as const;
    const version = row.version + 1;
    await insertContactVersion(trx, {
      id: newId(),
      site_code: siteCode,
      version,
      contact_name: JSON.stringify(after.contactName),
      phone: after.phone,
      phone_confirmed: after.confirmed.phone ? 1 : 0,
      email: after.email,
      email_confirmed: after.confirmed.email ? 1 : 0,
      hours: JSON.stringify(after.hours),
      hours_confirmed: after.confirmed.hours ? 1 : 0,
      address: JSON.stringify(after.address),
      map_query: after.mapQuery,
      address_confirmed: after.confirmed.address ? 1 : 0,
      changed_by: actor.id,
      changed_at: at.toISOString(),
      note: change.note,
    });
    await recordAudit(trx, {
      actor,
      action: "site.contacts.changed",
      subjectType: "site",
      subjectId: siteCode,
      detail: { fromVersion: row.version, toVersion: version, before, after, note: change.note },
      ip: input.ip ?? null,
      at,
    });
    return { ok: true, version } as const;
  });
}

/** What a staff page warns about: the site's details not confirmed yet, or null when all are confirmed. */
export async function unconfirmedContactsOf(
  db: Database,
  siteCode: string | null | undefined,
): Promise<ContactField[] | null> {
  if (!siteCode) return null;
  const fields = unconfirmedFields(await siteContactsOf(db, siteCode));
  return fields.length ? fields : null;
}

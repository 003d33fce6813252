// Sites' contact details as versioned, audited configuration (docs/decisions/0023). The same pattern as the sites'
// configuration (0005): a change is a new version, refused when based on an older one or when it changes nothing.
import {
  changerOf,
  changeSiteSetting,
  type SettingChangeInput,
  type SettingChangeResult,
  type SettingKind,
} from "~/modules/sites/versioned-site-setting.server";
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
    changedBy: changerOf(row),
    note: row.note,
  }));
}

export type ChangeContactsResult = SettingChangeResult;

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

const contactsSetting: SettingKind<SiteContactRow, Snapshot, SiteContactsForm, never> = {
  action: "site.contacts.changed",
  current: currentContactRow,
  valueOf: (row) => {
    const { siteCode: _s, version: _v, ...snapshot } = toContacts(row);
    return snapshot;
  },
  changed: (_before, change) => snapshotOf(change),
  insert: (db, { siteCode, version, value, by, at, note }) =>
    insertContactVersion(db, {
      id: newId(),
      site_code: siteCode,
      version,
      contact_name: JSON.stringify(value.contactName),
      phone: value.phone,
      phone_confirmed: value.confirmed.phone ? 1 : 0,
      email: value.email,
      email_confirmed: value.confirmed.email ? 1 : 0,
      hours: JSON.stringify(value.hours),
      hours_confirmed: value.confirmed.hours ? 1 : 0,
      address: JSON.stringify(value.address),
      map_query: value.mapQuery,
      address_confirmed: value.confirmed.address ? 1 : 0,
      changed_by: by,
      changed_at: at.toISOString(),
      note,
    }),
};

/** Saves the next version of a site's contact details and audits it with before and after, in one transaction. */
export function changeSiteContacts(
  db: Database,
  input: SettingChangeInput<SiteContactsForm>,
): Promise<ChangeContactsResult> {
  return changeSiteSetting(db, contactsSetting, input);
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

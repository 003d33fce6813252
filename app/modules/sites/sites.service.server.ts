import { indications, type Indication } from "~/domain/case/schema";
import type { SiteCode, SiteConfig } from "~/domain/screen";
import type { Database } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";
import { pick } from "~/utils/pick";
import {
  changerOf,
  changeSiteSetting,
  type SettingChangeResult,
  type SettingKind,
} from "./versioned-site-setting.server";
import { siteCodes, siteLanguages, type SiteConfigForm } from "./site-config.schema";
import { forgetSiteFacts, siteFacts } from "./site-facts.server";
import {
  configHistory,
  currentConfigRow,
  currentConfigRows,
  insertConfigVersion,
  listSites,
  type SiteConfigRow,
} from "./sites.repository.server";

export type SiteLanguage = (typeof siteLanguages)[number];
export type SiteNames = Record<SiteCode, { ko: string; ja: string; en: string }>;

/** One version of a site's configuration, as the admin page shows it. */
export type SiteConfigVersion = {
  version: number;
  acceptedIndications: Indication[];
  treatsOnSite: boolean;
  languages: SiteLanguage[];
  weeklyCapacity: number;
  /** Accepting or declining waits for a reviewer's clinical decision (docs/decisions/0012). */
  clinicalSignoffRequired: boolean;
  changedAt: string;
  changedBy: { familyName: string; givenName: string } | null;
  note: string | null;
};

export type SiteOverview = {
  code: SiteCode;
  names: { ko: string; ja: string; en: string };
  country: string;
  timezone: string;
  current: SiteConfigVersion;
  /** Newest first; the first entry is `current`. */
  history: SiteConfigVersion[];
};

function isSiteCode(value: string): value is SiteCode {
  return (siteCodes as readonly string[]).includes(value);
}

/** JSON columns written only by this module; unknown codes (a rule set that dropped one) are left out, never thrown. */
function parseCodes<T extends string>(json: string, allowed: readonly T[]): T[] {
  try {
    const list: unknown = JSON.parse(json);
    return Array.isArray(list) ? allowed.filter((code) => list.includes(code)) : [];
  } catch {
    return [];
  }
}

function toVersion(
  row: SiteConfigRow & { changer_family_name?: string | null; changer_given_name?: string | null },
): SiteConfigVersion {
  return {
    version: row.version,
    acceptedIndications: parseCodes(row.accepted_indications, indications),
    treatsOnSite: row.treats_on_site === 1,
    languages: parseCodes(row.languages, siteLanguages),
    weeklyCapacity: row.weekly_capacity,
    clinicalSignoffRequired: row.clinical_signoff_required !== 0,
    changedAt: row.changed_at,
    changedBy: changerOf(row),
    note: row.note,
  };
}

/**
 * The sites' current configurations as the rules engine takes them (highest version per site), in site-code order.
 * This is what every screen uses; the versions go into the decision's record.
 */
export async function currentSiteConfigs(db: Database): Promise<SiteConfig[]> {
  const [sites, rows] = await Promise.all([listSites(db), currentConfigRows(db)]);
  const countryOf = new Map(sites.map((s) => [s.code, s.country]));
  return rows
    .filter((row) => isSiteCode(row.site_code))
    .map((row) => {
      const v = toVersion(row);
      return {
        code: row.site_code as SiteCode,
        country: countryOf.get(row.site_code) ?? "",
        acceptedIndications: v.acceptedIndications,
        treatsOnSite: v.treatsOnSite,
        languages: v.languages,
        weeklyCapacity: v.weeklyCapacity,
        version: v.version,
      };
    });
}

/** Each site's names in ko/ja/en: what the decision panel needs to name a route in the reader's language. */
export async function siteNames(db: Database): Promise<SiteNames> {
  const names = {} as SiteNames;
  for (const site of await siteFacts(db)) names[site.code] = { ...site.names };
  return names;
}

/** Every site with its reference data, current configuration and full history (for administrators). */
export async function sitesOverview(db: Database): Promise<SiteOverview[]> {
  const [sites, history] = await Promise.all([listSites(db), configHistory(db)]);
  const overview: SiteOverview[] = [];
  for (const site of sites) {
    if (!isSiteCode(site.code)) continue;
    const versions = history.filter((row) => row.site_code === site.code).map(toVersion);
    const current = versions[0];
    if (!current) continue;
    overview.push({
      code: site.code,
      names: { ko: site.name_ko, ja: site.name_ja, en: site.name_en },
      country: site.country,
      timezone: site.timezone,
      current,
      history: versions,
    });
  }
  return overview;
}

export type ChangeSiteConfigInput = {
  actor: { id: string; role: string };
  change: SiteConfigForm;
  ip?: string | null;
  at: Date;
};

export type ChangeSiteConfigResult = SettingChangeResult;

/** What a configuration change records and compares: the version's settings, without its number, author or date. */
const configSettings = [
  "acceptedIndications",
  "treatsOnSite",
  "languages",
  "weeklyCapacity",
  "clinicalSignoffRequired",
] as const;
type ConfigSnapshot = Pick<SiteConfigVersion, (typeof configSettings)[number]>;

const snapshot = (v: ConfigSnapshot): ConfigSnapshot => pick(v, configSettings);

const configSetting: SettingKind<SiteConfigRow, ConfigSnapshot, SiteConfigForm, never> = {
  action: "site.config.changed",
  current: currentConfigRow,
  valueOf: (row) => snapshot(toVersion(row)),
  changed: (before, change) =>
    snapshot({
      // Stored in the canonical order of the indication list, so equal sets compare equal.
      acceptedIndications: indications.filter((i) => change.acceptedIndications.includes(i)),
      treatsOnSite: change.treatsOnSite,
      languages: siteLanguages.filter((l) => change.languages.includes(l)),
      weeklyCapacity: change.weeklyCapacity,
      clinicalSignoffRequired: change.clinicalSignoff ?? before.clinicalSignoffRequired,
    }),
  insert: (db, { siteCode, version, value, by, at, note }) =>
    insertConfigVersion(db, {
      id: newId(),
      site_code: siteCode,
      version,
      accepted_indications: JSON.stringify(value.acceptedIndications),
      treats_on_site: value.treatsOnSite ? 1 : 0,
      languages: JSON.stringify(value.languages),
      weekly_capacity: value.weeklyCapacity,
      clinical_signoff_required: value.clinicalSignoffRequired ? 1 : 0,
      changed_by: by,
      changed_at: at.toISOString(),
      note,
    }),
};

/**
 * Saves a new configuration version for one site: never an update, always the next version, audited with the
 * configuration before and after, in one transaction. The form carries the version it was based on; if another
 * administrator saved in between, nothing is written and the caller shows the newer version (no silent overwrite).
 */
export async function changeSiteConfig(db: Database, input: ChangeSiteConfigInput): Promise<ChangeSiteConfigResult> {
  const result = await changeSiteSetting(db, configSetting, { ...input, siteCode: input.change.siteCode });
  if (result.ok) forgetSiteFacts();
  return result;
}

/** Whether the site's configuration in force asks for a reviewer's clinical decision before accepting or declining. */
export async function clinicalSignoffRequired(db: Database, siteCode: string): Promise<boolean> {
  const row = await currentConfigRow(db, siteCode);
  // An unknown site asks for sign-off: the safe side of a clinical check.
  return row ? row.clinical_signoff_required !== 0 : true;
}

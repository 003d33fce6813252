import { changeSiteConfig, currentSiteConfigs } from "~/modules/sites/sites.service.server";
import type { Database } from "~/utils/db.server";

type Change = Parameters<typeof changeSiteConfig>[1]["change"];

/**
 * A site's settings as the administrator's form posts them, read at the current version, with `changes` made: the
 * current settings too, for the version a test expects next.
 */
export async function siteConfigChange(
  db: Database,
  site: "konyang" | "qst",
  changes: Partial<Change> & { note: string },
) {
  const current = (await currentSiteConfigs(db)).find((s) => s.code === site)!;
  const change: Change = {
    siteCode: site,
    baseVersion: current.version,
    acceptedIndications: current.acceptedIndications,
    treatsOnSite: current.treatsOnSite,
    languages: current.languages,
    weeklyCapacity: current.weeklyCapacity,
    ...changes,
  };
  return { current, change };
}

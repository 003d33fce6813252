import type { Indication } from "~/domain/case/schema";

type Comparable = {
  acceptedIndications: Indication[];
  treatsOnSite: boolean;
  languages: string[];
  weeklyCapacity: number;
  clinicalSignoffRequired: boolean;
};

export type SiteConfigChanges = {
  addedIndications: Indication[];
  removedIndications: Indication[];
  treatsOnSite?: { from: boolean; to: boolean };
  languages?: { from: string[]; to: string[] };
  weeklyCapacity?: { from: number; to: number };
  clinicalSignoffRequired?: { from: boolean; to: boolean };
};

/** What one version changed against the one before it (for the history; the first version has no "before"). */
export function siteConfigChanges(before: Comparable, after: Comparable): SiteConfigChanges {
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
  return {
    addedIndications: after.acceptedIndications.filter((i) => !before.acceptedIndications.includes(i)),
    removedIndications: before.acceptedIndications.filter((i) => !after.acceptedIndications.includes(i)),
    treatsOnSite:
      before.treatsOnSite === after.treatsOnSite ? undefined : { from: before.treatsOnSite, to: after.treatsOnSite },
    languages: same(before.languages, after.languages) ? undefined : { from: before.languages, to: after.languages },
    weeklyCapacity:
      before.weeklyCapacity === after.weeklyCapacity
        ? undefined
        : { from: before.weeklyCapacity, to: after.weeklyCapacity },
    clinicalSignoffRequired:
      before.clinicalSignoffRequired === after.clinicalSignoffRequired
        ? undefined
        : { from: before.clinicalSignoffRequired, to: after.clinicalSignoffRequired },
  };
}

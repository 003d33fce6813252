// Sites are configuration (shared/domain/routing.md). screen.ts re-exports these types and defaults.
import { indications, type Indication } from "../case/vocabulary";

export type SiteCode = "konyang" | "qst";
export const siteCodes: readonly SiteCode[] = ["konyang", "qst"];

export type SiteConfig = {
  code: SiteCode;
  /** ISO 3166-1 alpha-2 ("KR", "JP"): decides whether sending a case there is a transfer abroad. */
  country: string;
  acceptedIndications: Indication[];
  treatsOnSite: boolean;
  languages: ("ko" | "ja" | "en")[];
  weeklyCapacity: number;
  version: number;
};

export type ScreenContext = { sites: SiteConfig[]; openQueue?: Partial<Record<SiteCode, number>> };

export type Route = { site: SiteCode | null; reasons: string[]; alternatives: SiteCode[] };

/**
 * The defaults of routing.md: both teams accept every indication; Konyang (Daejeon) does not treat on site yet
 * and takes Korean-resident patients for consultation, work-up and coordination; QST (Chiba) treats.
 */
export const defaultSiteConfigs: SiteConfig[] = [
  {
    code: "konyang",
    country: "KR",
    acceptedIndications: [...indications],
    treatsOnSite: false,
    languages: ["ko", "en"],
    weeklyCapacity: 20,
    version: 1,
  },
  {
    code: "qst",
    country: "JP",
    acceptedIndications: [...indications],
    treatsOnSite: true,
    languages: ["ja"],
    weeklyCapacity: 30,
    version: 1,
  },
];

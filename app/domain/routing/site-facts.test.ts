import { describe, expect, it } from "vitest";
import {
  crossBorderRecipients,
  homeSiteFor,
  isSiteCode,
  otherSite,
  PORTAL_TIME_ZONE,
  siteByCode,
  siteTimeZone,
  timeZoneOf,
  type SiteFacts,
} from "./site-facts";

// As the sites table holds them (migration 0001), plus a made-up zone to show the facts, not a literal, decide.
const konyang: SiteFacts = {
  code: "konyang",
  country: "KR",
  timezone: "Asia/Seoul",
  names: { ko: "건양대학교병원", ja: "建陽大学校病院", en: "Konyang University Hospital" },
};
const qst: SiteFacts = {
  code: "qst",
  country: "JP",
  timezone: "Asia/Tokyo",
  names: { ko: "QST 병원", ja: "QST病院", en: "QST Hospital" },
};
const sites = [konyang, qst];

describe("site facts", () => {
  it("knows the site codes and finds a site by code", () => {
    expect(isSiteCode("qst")).toBe(true);
    expect(isSiteCode("severance")).toBe(false);
    expect(isSiteCode(null)).toBe(false);
    expect(siteByCode(sites, "konyang")).toBe(konyang);
    expect(siteByCode(sites, null)).toBeUndefined();
    expect(siteByCode(sites, "severance")).toBeUndefined();
  });

  it("names the other site of the partnership (redirect target, joint-review partner); none for an unknown site", () => {
    expect(otherSite(sites, "konyang")).toBe(qst);
    expect(otherSite(sites, "qst")).toBe(konyang);
    expect(otherSite(sites, null)).toBeUndefined();
    expect(otherSite(sites, "severance")).toBeUndefined();
    expect(otherSite([qst], "qst")).toBeUndefined();
  });

  it("lists the hospitals abroad a patient's data would go to, by the sites' countries", () => {
    expect(crossBorderRecipients(sites, "KR")).toEqual([qst]);
    expect(crossBorderRecipients(sites, "JP")).toEqual([konyang]);
    expect(crossBorderRecipients(sites, "US")).toEqual([konyang, qst]);
    // Nothing shows a site is at home while the residence is unknown.
    for (const unknown of [undefined, null, "", 42])
      expect(crossBorderRecipients(sites, unknown)).toEqual([konyang, qst]);
    // A country is a fact of the table: move QST to Korea and a Korean resident's data crosses no border.
    expect(crossBorderRecipients([konyang, { ...qst, country: "KR" }], "KR")).toEqual([]);
  });

  it("keeps a referral with no candidate at the referring physician's country's site", () => {
    expect(homeSiteFor(sites, "JP")).toBe(qst);
    expect(homeSiteFor(sites, "KR")).toBe(konyang);
    // A country with no site: the first site in code order (Konyang), as before the facts came from the table.
    expect(homeSiteFor(sites, "other")).toBe(konyang);
    expect(homeSiteFor([], "JP")).toBeUndefined();
  });

  it("gives a person their site's zone, else their country's site's, else the portal's", () => {
    expect(timeZoneOf(sites, { siteCode: "qst", country: "KR" })).toBe("Asia/Tokyo");
    expect(timeZoneOf(sites, { siteCode: null, country: "JP" })).toBe("Asia/Tokyo");
    expect(timeZoneOf(sites, { siteCode: null, country: "KR" })).toBe("Asia/Seoul");
    expect(timeZoneOf(sites, { siteCode: null, country: "other" })).toBe(PORTAL_TIME_ZONE);
    expect(timeZoneOf([{ ...qst, timezone: "Asia/Bangkok" }], { country: "JP" })).toBe("Asia/Bangkok");
  });

  it("gives a referral its receiving site's zone, the portal's while it has no site", () => {
    expect(siteTimeZone(sites, "qst")).toBe("Asia/Tokyo");
    expect(siteTimeZone(sites, "konyang")).toBe("Asia/Seoul");
    expect(siteTimeZone(sites, null)).toBe(PORTAL_TIME_ZONE);
  });
});

// Criterion kinds of rule set kq-2026-12 that read the disease's spread (K4) and earlier radiotherapy (K3), apart
// from clinical-kinds.ts. Thresholds are data in the rule set; the clinical readings are recorded in ADR 0014.
import { subtractMonths } from "../case/dates";
import type { ScreenCase } from "../case/schema";
import type { Evaluator } from "./basic-kinds";
import { isNumber, type Results } from "./criterion-results";
import { parseM } from "./staging";
import type { CriterionRule } from "./types";

const addMonths = (date: string, months: number) => subtractMonths(date, -months);

// ── Metastases (K4) ──────────────────────────────────────────────────────────────────────────────────────────

/** How many organs carry distant metastases: the organ list when given, else the count, else unknown. */
export function metastaticOrganCount(c: ScreenCase): number | undefined {
  const list = c.diagnosis.metastases;
  if (Array.isArray(list)) return list.length;
  return isNumber(c.diagnosis.distantMetastasisSites) ? c.diagnosis.distantMetastasisSites : undefined;
}

/** Whether the case has distant metastasis, from the organ list, the count or the M category. */
export function metastaticOf(c: ScreenCase): {
  any: boolean | undefined;
  organs: number | undefined;
  value: string | number | undefined;
} {
  const organs = metastaticOrganCount(c);
  const m = parseM(c.diagnosis.tnm?.m);
  if (organs !== undefined && organs > 0) return { any: true, organs, value: organs };
  if (m?.kind === "number" && m.number >= 1) return { any: true, organs, value: String(c.diagnosis.tnm?.m) };
  if (organs === 0) return { any: false, organs, value: 0 };
  if (m?.kind === "number" && m.number === 0) return { any: false, organs, value: String(c.diagnosis.tnm?.m) };
  return { any: undefined, organs, value: undefined };
}

export function metastaticOrgans(r: Results, rule: Extract<CriterionRule, { kind: "metastatic_organs" }>): Evaluator {
  return (c, indication) => {
    const spread = c.diagnosis.peritonealOrMeningealSpread;
    const m = metastaticOf(c);
    if (rule.m0Required.includes(indication)) {
      // NOTE: 前立腺癌（転移を有するものを除く）: any distant metastasis excludes.
      if (m.any === true) return r.ok("not_met", m.value, "0");
      if (spread === true) return r.ok("not_met", "peritoneal_or_meningeal_spread", "0");
      if (m.any === false) return r.ok("met", m.value, "0");
      return r.unknown(["diagnosis.distantMetastasisSites"], undefined, "0");
    }
    const oligoIsIndication = rule.oligometastasisIndications.includes(indication);
    const expected = oligoIsIndication ? `0-${rule.maxOrgans}` : "0";
    if (spread === true) return r.ok("not_met", "peritoneal_or_meningeal_spread", expected);
    if (m.organs === undefined) {
      if (m.any === false) return r.ok("met", m.value, expected);
      return r.unknown(["diagnosis.distantMetastasisSites"], undefined, expected);
    }
    if (m.organs > rule.maxOrgans) return r.ok("not_met", m.organs, expected);
    if (m.organs === 0) return r.ok("met", 0, expected);
    // 1..maxOrgans organs: peritoneal or meningeal spread would exclude, so it must be known.
    if (spread !== false) return r.unknown(["diagnosis.peritonealOrMeningealSpread"], m.organs, expected);
    return r.ok(oligoIsIndication ? "met" : "flag", m.organs, expected);
  };
}

/** The disease is localised (M0): any distant spread flags the case for a closer look. */
export function localisedDisease(r: Results): Evaluator {
  return (c) => {
    const spread = metastaticOf(c);
    if (spread.any === true) return r.ok("flag", spread.value, "M0");
    if (spread.any === false) return r.ok("met", spread.value, "M0");
    return r.unknown(["diagnosis.distantMetastasisSites"], undefined, "M0");
  };
}

/** At most `maxLesions` metastatic lesions in all, counted from the organ list. */
export function metastaticLesions(r: Results, maxLesions: number): Evaluator {
  const expected = `<=${maxLesions}`;
  return (c) => {
    const list = c.diagnosis.metastases;
    if (Array.isArray(list)) {
      const lesions = list.reduce((sum, m) => sum + m.lesions, 0);
      return r.ok(lesions > maxLesions ? "flag" : "met", lesions, expected);
    }
    const spread = metastaticOf(c);
    if (spread.any === false) return r.ok("met", 0, expected);
    if (spread.any === true) return r.unknown(["diagnosis.metastases"], undefined, expected);
    return r.ok("not_applicable", undefined, expected);
  };
}

// ── Re-irradiation (K3) ──────────────────────────────────────────────────────────────────────────────────────

type Course = { endedOn?: string; overlapsTarget: "yes" | "no" | "unknown" };

/** Every course the case states: the list, and the old pair of fields read as one course. */
function coursesOf(c: ScreenCase): Course[] | undefined {
  const history = c.history;
  const listed = Array.isArray(history?.radiotherapyCourses) ? history.radiotherapyCourses : undefined;
  const courses: Course[] = (listed ?? []).map((course) => ({
    endedOn: course.endedOn,
    overlapsTarget: course.overlapsTarget,
  }));
  const kind = history?.priorRadiotherapy;
  const endedOn = history?.priorRadiotherapyEndedOn ?? undefined;
  // NOTE: "other site" says nothing of the previous field's edge, so its overlap with the target is unknown.
  if (kind === "same_site") courses.push({ endedOn, overlapsTarget: "yes" });
  else if (kind === "other_site") courses.push({ endedOn, overlapsTarget: "unknown" });
  if (courses.length > 0 || listed !== undefined || kind === "none") return courses;
  return undefined;
}

export function reirradiation(r: Results, months: number): Evaluator {
  return (c) => {
    const courses = coursesOf(c);
    if (courses === undefined)
      return r.unknown(
        ["history.priorRadiotherapy"],
        c.history?.priorRadiotherapy === "unknown" ? "unknown" : undefined,
        "none",
      );
    const overlapping = courses.filter((course) => course.overlapsTarget === "yes");
    if (overlapping.length > 0) {
      const dates = overlapping.map((course) => (course.endedOn ? addMonths(course.endedOn, months) : null));
      // NOTE: CNAO re-irradiates from 6 months after the last course; the value is the earliest such date.
      if (dates.some((d) => d === null)) return r.ok("flag", "same_site", undefined, { resolve: "reirradiation_date" });
      const earliest = (dates as string[]).reduce((a, b) => (a > b ? a : b));
      return r.ok("flag", earliest, undefined, { resolve: "reirradiation_interval" });
    }
    if (courses.some((course) => course.overlapsTarget === "unknown"))
      return r.ok("flag", "overlap_unknown", undefined, { resolve: "confirm_no_overlap" });
    return r.ok("met", courses.length === 0 ? "none" : "no_overlap", "none");
  };
}

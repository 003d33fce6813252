// Konyang or QST: the default policy of shared/domain/routing.md, step by step, each step naming its reason code.
import type { ScreenCase } from "../case/schema";
import type { Route, ScreenContext, SiteCode, SiteConfig } from "./sites";

export const routeReasons = [
  "indication_not_accepted",
  "no_cross_border_consent",
  "patient_preference",
  "residence_kr",
  "residence_jp",
  "international_patient",
  "residence_unknown",
  "only_candidate",
  "capacity",
  "no_candidate",
] as const;
export type RouteReason = (typeof routeReasons)[number];

export type RouteResult = Route & {
  /** Case paths whose absence left the case without a candidate site (empty when a site was found). */
  missing: string[];
};

/** Where residence sends a patient when they state no preference (step 4). */
function residenceChoice(residence: string | null): { site: SiteCode; reason: RouteReason } {
  if (residence === "KR") return { site: "konyang", reason: "residence_kr" };
  if (residence === "JP") return { site: "qst", reason: "residence_jp" };
  // NOTE: QST treats on site and takes overseas patients through a coordinator (nirs.qst.go.jp/hospital/abroad/).
  if (residence === null) return { site: "qst", reason: "residence_unknown" };
  return { site: "qst", reason: "international_patient" };
}

export function routeCase(c: ScreenCase, ctx: ScreenContext): RouteResult {
  const indication = c.diagnosis.indication;
  const residence = typeof c.patient?.residenceCountry === "string" ? c.patient.residenceCountry : null;
  const crossBorderConsent = c.consent?.crossBorder === true;
  const reasons: RouteReason[] = [];

  // 1. Only sites whose team accepts the indication.
  const accepting = ctx.sites.filter((site) => site.acceptedIndications.includes(indication));
  if (accepting.length < ctx.sites.length) reasons.push("indication_not_accepted");

  // 2. A site in another country than the patient's residence only with consent to cross-border provision
  //    (PIPA art. 28-8, APPI art. 28). An unknown residence cannot show that a site is at home: consent is needed.
  const candidates = accepting.filter(
    (site) => crossBorderConsent || (residence !== null && site.country === residence),
  );
  if (candidates.length < accepting.length) reasons.push("no_cross_border_consent");

  // 6. No candidate: no site; the screen's outcome is then at best needs_review.
  if (candidates.length === 0) {
    reasons.push("no_candidate");
    const missing: string[] = [];
    if (accepting.length > 0) {
      if (residence === null) missing.push("patient.residenceCountry");
      if (c.consent?.crossBorder === undefined || c.consent?.crossBorder === null) missing.push("consent.crossBorder");
    }
    return { site: null, reasons, alternatives: [], missing };
  }

  const isCandidate = (code: SiteCode) => candidates.some((site) => site.code === code);

  // 3. The patient's stated preference wins among the candidates.
  const preference = c.preferences?.site;
  let chosen: SiteConfig | undefined;
  if (preference === "konyang" || preference === "qst") {
    if (isCandidate(preference)) {
      chosen = candidates.find((site) => site.code === preference);
      reasons.push("patient_preference");
    }
  }

  // 4. Otherwise residence decides; when residence points at a site that is no candidate, the remaining one.
  if (!chosen) {
    const byResidence = residenceChoice(residence);
    if (isCandidate(byResidence.site)) {
      chosen = candidates.find((site) => site.code === byResidence.site);
      reasons.push(byResidence.reason);
    } else {
      chosen = candidates[0];
      reasons.push("only_candidate");
    }
  }
  const site = chosen as SiteConfig;

  // 5. Over capacity: keep the choice, name the other candidates so a coordinator may redirect.
  const alternatives: SiteCode[] = [];
  const queue = ctx.openQueue?.[site.code] ?? 0;
  if (queue > site.weeklyCapacity) {
    for (const other of candidates)
      if (other.code !== site.code && !alternatives.includes(other.code)) alternatives.push(other.code);
    if (alternatives.length > 0) reasons.push("capacity");
  }

  return { site: site.code, reasons, alternatives, missing: [] };
}

// Who pays, for this patient (kq-2026-12, K9). `coverage` stays the tier in Japan; the funding block says what the
// patient would pay. NOTE: Japan's public insurance pays only for those insured in Japan; QST publishes no price for
// international patients (ask its international office); Korea's national health insurance does not pay for
// treatment in Japan, while the consultation and work-up at Konyang are ordinary Korean care.
import type { ScreenCase } from "../case/schema";
import type { SiteCode } from "../routing/sites";
import type { Coverage } from "./types";

export type PatientPays = "jp_insurance_share" | "self_pay_international" | "unknown";

export type Funding = { tier: Coverage; patientPays: PatientPays; notes: string[] };

export function fundingOf(c: ScreenCase, tier: Coverage, site: SiteCode | null): Funding {
  const insurance = c.patient?.insurance ?? "unknown";
  const residence = c.patient?.residenceCountry ?? undefined;
  const notes: string[] = [];
  if (site === "konyang") notes.push("konyang_workup_korean_care");
  if (tier === "none") return { tier, patientPays: "unknown", notes };

  let patientPays: PatientPays;
  if (insurance === "jp_public") {
    patientPays = tier === "case_by_case" ? "unknown" : "jp_insurance_share";
    if (tier === "jp_insurance") notes.push("jp_insurance_share");
    if (tier === "jp_advanced_care") notes.push("advanced_care_technical_fee");
    if (tier === "case_by_case") notes.push("case_by_case_funding");
  } else if (insurance === "unknown" && residence === "JP") {
    // A resident of Japan is almost always publicly insured there, but the portal does not assume it.
    patientPays = "unknown";
    notes.push("confirm_insurance");
  } else if (insurance === "unknown" && residence === undefined) {
    patientPays = "unknown";
    notes.push("confirm_insurance");
  } else {
    patientPays = "self_pay_international";
    notes.push("qst_no_published_price");
    if (insurance === "kr_nhis" || residence === "KR") notes.push("kr_nhis_not_abroad");
  }
  return { tier, patientPays, notes };
}

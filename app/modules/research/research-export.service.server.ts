import crypto from "node:crypto";
import { researchConsented } from "./research.repository.server";
import {
  deidentifiedCohort,
  K_ANONYMITY,
  quasiIdentifiers,
  researchColumns,
  toCsv,
  type Cohort,
  type CohortSource,
  type Random,
} from "~/domain/research/deidentify";
import { languages } from "~/i18n/config";
import { tFor } from "~/i18n/i18n.server";
import type { SessionUser } from "~/modules/accounts/session.server";
import { auditBy } from "~/modules/audit/audit.service.server";
import type { Database } from "~/utils/db.server";

/** Who may export the research cohort: an administrator, or an account with the researcher role (issue #11). */
export const researchRoles = ["admin", "researcher"] as const;

/** Dates move by up to half a year either way (never 0), one offset per patient per export (ADR 0022). */
const MAX_SHIFT_DAYS = 182;

export const freshRandom: Random = {
  id: () => crypto.randomBytes(8).toString("hex"),
  shiftDays: () => {
    const days = crypto.randomInt(1, MAX_SHIFT_DAYS + 1);
    return crypto.randomInt(2) === 0 ? -days : days;
  },
};

/** Submitted referrals whose patient consented to research use; drafts and every other referral never take part. */
async function consentedSources(db: Database): Promise<CohortSource[]> {
  const rows = await db
    .selectFrom("referrals")
    .select(["case_json", "submitted_at", "status_changed_at", "status", "site_code", "decision_json"])
    .where("reference_code", "is not", null)
    .where("status", "!=", "draft")
    // Indexed by migration 0018; a case without the item (every referral before it) reads as not consented.
    .where(researchConsented(db))
    .execute();
  return rows.map((row) => ({
    caseData: JSON.parse(row.case_json) as Record<string, unknown>,
    submittedAt: row.submitted_at ?? row.status_changed_at,
    statusChangedAt: row.status_changed_at,
    status: row.status,
    site: row.site_code,
    decision: row.decision_json ? (JSON.parse(row.decision_json) as CohortSource["decision"]) : null,
  }));
}

export async function researchCohort(db: Database, random: Random = freshRandom): Promise<Cohort> {
  return deidentifiedCohort(await consentedSources(db), random);
}

export type ResearchExport = { csv: string; sha256: string; cohort: Cohort };

/** A fresh export (new ids, new date shifts), written to the audit log with the file's SHA-256 and its counts. */
export async function exportResearchCsv(
  db: Database,
  user: Pick<SessionUser, "id" | "role">,
  ctx: { now: Date; ip: string | null },
  random: Random = freshRandom,
): Promise<ResearchExport> {
  const cohort = await researchCohort(db, random);
  // UTF-8 with a BOM, so Excel in Korea and Japan opens it as UTF-8 (as the audit export does).
  const csv = `\uFEFF${toCsv(cohort.rows)}`;
  const sha256 = crypto.createHash("sha256").update(csv, "utf8").digest("hex");
  const audit = auditBy(db, user, ctx);
  await audit("research.exported", ["research_export", null], {
    sha256,
    rows: cohort.rows.length,
    suppressed: cohort.suppressed,
    consented: cohort.consented,
    k: K_ANONYMITY,
  });
  return { csv, sha256, cohort };
}

/** The data dictionary: each column's meaning in ko, ja and en, the privacy measures, and today's counts. */
export async function researchDictionary(db: Database) {
  const cohort = await researchCohort(db);
  const words = (key: string) => Object.fromEntries(languages.map((lng) => [lng, tFor(lng, "research")(key)]));
  return {
    format: { encoding: "UTF-8 with BOM", separator: ",", header: true, rowOrder: "random" },
    kAnonymity: {
      k: K_ANONYMITY,
      quasiIdentifiers,
      rowsReleased: cohort.rows.length,
      rowsSuppressed: cohort.suppressed,
      consentedReferrals: cohort.consented,
    },
    dateShift: { maxDays: MAX_SHIFT_DAYS, per: "patient", note: words("dictionary.dateShift") },
    removed: words("dictionary.removed"),
    columns: researchColumns.map((name) => ({ name, meaning: words(`columns.${name}`) })),
  };
}

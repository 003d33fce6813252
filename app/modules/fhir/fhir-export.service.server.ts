import crypto from "node:crypto";
import type { Bundle } from "@medplum/fhirtypes";
import type { ConsentItem } from "~/domain/fhir/patient-resources";
import { referralBundle } from "~/domain/fhir/referral-bundle";
import { toDecisionJson, type Decision } from "~/domain/screen";
import type { SessionUser } from "~/modules/accounts/session.server";
import { findUserById } from "~/modules/accounts/accounts.repository.server";
import { auditBy } from "~/modules/audit/audit.service.server";
import { listAttachments } from "~/modules/intake/attachments.service.server";
import { auditPartnerRead, referralForPartner } from "~/modules/joint-review/joint-access.server";
import { canSeeReferral } from "~/modules/referrals/access.server";
import {
  findReferral,
  findReferralByCode,
  referralEvents,
  type ReferralRow,
} from "~/modules/referrals/referrals.repository.server";
import { listSites } from "~/modules/sites/sites.repository.server";
import type { Database } from "~/utils/db.server";

/** The consent items a bundle carries (issue #11): health data, cross-border, and research use where answered. */
export const exportedConsentItems: readonly ConsentItem[] = ["sensitiveData", "crossBorder", "research"];

export type FhirReader = {
  user: Omit<SessionUser, "sessionId"> & { sessionId?: string };
  via: "page" | "api";
  tokenId?: string;
};
type Context = { now: Date; ip: string | null };

function caseOf(row: ReferralRow): Record<string, unknown> {
  try {
    const parsed = JSON.parse(row.case_json) as unknown;
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Whether the reader may have this referral's bundle, and with the patient's identity or not: its physician and the
 * staff of the site it is at, in full; the partner site of an open joint review only when the patient consented to
 * the other country's hospital receiving their data, and then without who the patient is (as the partner's page).
 */
async function accessOf(db: Database, reader: FhirReader, row: ReferralRow) {
  const user = { ...reader.user, sessionId: reader.user.sessionId ?? `api-token:${reader.tokenId ?? ""}` };
  if (canSeeReferral(user, row)) return { identity: true, partner: null };
  if (reader.via !== "page" || !user.siteCode) return null;
  const partner = await referralForPartner(db, { ...user, siteCode: user.siteCode }, row.id);
  if (!partner || (caseOf(row).consent as { crossBorder?: unknown } | undefined)?.crossBorder !== true) return null;
  return { identity: false, partner };
}

async function bundleOf(db: Database, row: ReferralRow, identity: boolean, now: Date): Promise<Bundle> {
  const [events, attachments, physician, assignee, sites] = await Promise.all([
    referralEvents(db, row.id),
    listAttachments(db, row.id),
    findUserById(db, row.physician_id),
    row.assignee_id ? findUserById(db, row.assignee_id) : Promise.resolve(undefined),
    listSites(db),
  ]);
  return referralBundle({
    referral: {
      referenceCode: row.reference_code!,
      status: row.status,
      siteCode: row.site_code,
      submittedAt: row.submitted_at,
      statusChangedAt: row.status_changed_at,
      urgency: row.urgency,
    },
    caseData: caseOf(row),
    decision: row.decision_json ? toDecisionJson(JSON.parse(row.decision_json) as Decision) : null,
    attachments,
    history: events.map((e) => ({
      action: e.action,
      from: e.from_status,
      to: e.to_status,
      at: e.occurred_at,
      actorRole: e.actor_role,
      actorId: e.actor_user_id,
    })),
    physician: {
      id: row.physician_id,
      familyName: physician?.family_name ?? "",
      givenName: physician?.given_name ?? "",
      institution: physician?.institution ?? "",
    },
    assignee: assignee ? { id: assignee.id, familyName: assignee.family_name, givenName: assignee.given_name } : null,
    sites: sites.map((s) => ({ code: s.code, name: s.name_en })),
    identity,
    consentItems: exportedConsentItems,
    exportedAt: now.toISOString(),
    newUuid: () => crypto.randomUUID(),
  });
}

export type FhirExport = { bundle: Bundle; referenceCode: string };

/**
 * A submitted referral as a FHIR R4 Bundle for a reader allowed to see it, or null (unknown, a draft, or not theirs:
 * the caller answers the same 404). Every export is written to the audit log; the partner's as a joint reading.
 */
export async function exportReferralFhir(
  db: Database,
  reader: FhirReader,
  ref: { id: string } | { code: string },
  ctx: Context,
): Promise<FhirExport | null> {
  const row = "id" in ref ? await findReferral(db, ref.id) : await findReferralByCode(db, ref.code);
  if (!row || !row.reference_code) return null;
  const access = await accessOf(db, reader, row);
  if (!access) return null;
  const bundle = await bundleOf(db, row, access.identity, ctx.now);
  if (access.partner) {
    await auditPartnerRead(
      db,
      { ...reader.user, siteCode: reader.user.siteCode ?? "" },
      access.partner.review,
      "document",
      ctx,
      { format: "fhir" },
    );
  } else {
    const audit = auditBy(db, reader.user, ctx);
    await audit("referral.exported_fhir", ["referral", row.id], {
      via: reader.via,
      ...(reader.tokenId ? { tokenId: reader.tokenId } : {}),
      resources: bundle.entry?.length ?? 0,
    });
  }
  return { bundle, referenceCode: row.reference_code };
}

import type { Bundle } from "@medplum/fhirtypes";
import { fieldCatalogue } from "~/domain/case/field-catalogue";
import { caseFromBundle, hasPatient, type UnmappedPart } from "~/domain/fhir/bundle-to-case";
import { getPath } from "~/domain/fhir/case-observations";
import type { SessionUser } from "~/modules/accounts/session.server";
import { nationalIdsIn } from "~/modules/api/rrn";
import { auditBy } from "~/modules/audit/audit.service.server";
import { receiveUploads } from "~/modules/intake/attachments.service.server";
import { deletePath } from "~/modules/intake/intake-form";
import { insertDraft, updateDraft } from "~/modules/intake/intake.repository.server";
import { draftListColumns } from "~/modules/intake/intake.service.server";
import type { Database } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";
import { validateFhirBundle, type FhirIssue } from "./fhir-validate.server";

export type ImportUnmapped =
  UnmappedPart | { resource: string; path: string; reason: "national_id" | "file_refused"; code?: string };

export type FhirImportResult =
  | { kind: "created"; draftId: string; unmapped: ImportUnmapped[]; missing: string[] }
  | { kind: "not_a_bundle" }
  | { kind: "no_patient" }
  | { kind: "invalid"; issues: FhirIssue[] };

/** Fields a submission needs (the catalogue's `required`), in the form's order: what the physician must still give. */
export function missingRequired(caseData: Record<string, unknown>): string[] {
  return fieldCatalogue
    .filter((f) => f.required && f.form)
    .map((f) => f.path)
    .filter((path) => {
      const value = getPath(caseData, path);
      return value === undefined || value === null || value === "" || (path.startsWith("consent.") && value !== true);
    });
}

/** Anything shaped like a resident registration number or My Number: never stored (as on the form and the JSON door). */
function refuseNationalIds(caseData: Record<string, unknown>): ImportUnmapped[] {
  return nationalIdsIn(caseData).map(({ path }) => {
    deletePath(caseData, path);
    return { resource: "Bundle", path, reason: "national_id" as const };
  });
}

/** Each inline document through the same upload checks as the page (type by content, size limits, audit). */
async function storeDocuments(
  db: Database,
  user: SessionUser,
  draftId: string,
  documents: ReturnType<typeof caseFromBundle>["documents"],
  now: Date,
): Promise<ImportUnmapped[]> {
  const refused: ImportUnmapped[] = [];
  for (const document of documents) {
    const form = new FormData();
    form.append("kind", document.kind);
    form.append(
      "files",
      new Blob([Buffer.from(document.base64, "base64")], { type: document.mediaType }),
      document.fileName,
    );
    const request = new Request("http://portal.invalid/upload", { method: "POST", body: form });
    const result = await receiveUploads(db, { user, referralId: draftId, request, now, csrfInFirstPart: false });
    const refusedFile = !result.ok || result.files.some((f) => !f.ok);
    if (refusedFile)
      refused.push({
        resource: "DocumentReference",
        path: document.path,
        reason: "file_refused",
        code: document.fileName,
      });
  }
  return refused;
}

/**
 * POST /api/v1/referrals with a FHIR R4 Bundle: a draft for the token's physician with whatever maps. A body that
 * is not a Bundle, has no Patient or is not valid R4 stores nothing. Consents are never taken from the bundle.
 */
export async function importReferralBundle(
  db: Database,
  user: SessionUser & { tokenId?: string },
  body: unknown,
  ctx: { now: Date; ip: string | null },
): Promise<FhirImportResult> {
  if (!body || typeof body !== "object" || (body as { resourceType?: unknown }).resourceType !== "Bundle")
    return { kind: "not_a_bundle" };
  const bundle = body as Bundle;
  if (!hasPatient(bundle)) return { kind: "no_patient" };
  const issues = validateFhirBundle(bundle);
  if (issues.length > 0) return { kind: "invalid", issues };

  const { caseData, unmapped, documents } = caseFromBundle(bundle);
  const refused: ImportUnmapped[] = [...unmapped, ...refuseNationalIds(caseData)];
  const draftId = newId();
  const at = ctx.now.toISOString();
  await db.transaction().execute(async (trx) => {
    await insertDraft(trx, { id: draftId, physician_id: user.id, case_json: "{}", created_at: at });
    await updateDraft(trx, draftId, JSON.stringify(caseData), draftListColumns(caseData), at);
    const audit = auditBy(trx, user, ctx);
    await audit("referral.draft_created", ["referral", draftId], {
      via: "fhir",
      ...(user.tokenId ? { tokenId: user.tokenId } : {}),
      unmapped: refused.length,
      documents: documents.length,
    });
  });
  refused.push(...(await storeDocuments(db, user, draftId, documents, ctx.now)));
  return { kind: "created", draftId, unmapped: refused, missing: missingRequired(caseData) };
}

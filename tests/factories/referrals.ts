import { toReferral, type Referral } from "~/modules/referrals/referral.mapper.server";
import { findReferral } from "~/modules/referrals/referrals.repository.server";
import type { Database } from "~/utils/db.server";
import { caseSchema, type ReferralCase } from "~/domain/case/schema";
import { exampleCases } from "./example-cases";

/** The example cases (tests/fixtures/cases and ../shared/cases), validated as complete submissions. */
export function sharedCases(): { name: string; case: ReferralCase; expected: Record<string, unknown> }[] {
  return exampleCases().map((c) => ({ name: c.name, case: caseSchema.parse(c.case), expected: c.expected }));
}
export function sharedCase(name: string): ReferralCase {
  const found = sharedCases().find((c) => c.name === name);
  if (!found) throw new Error(`no shared case ${name}`);
  return structuredClone(found.case);
}

/** A stored referral as services hand it on (the referral mapper's typed object), read afresh from the database. */
export async function storedReferral(db: Database, id: string): Promise<Referral> {
  const row = await findReferral(db, id);
  if (!row) throw new Error(`no referral ${id}`);
  return toReferral(row);
}

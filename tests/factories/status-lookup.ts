import { referenceCodeFrom } from "~/domain/reference-code/reference-code";
import { submitReferral, transitionReferral } from "~/modules/referrals/referrals.service.server";
import type { Database } from "~/utils/db.server";
import { createAccount } from "./accounts";
import { sharedCase } from "./referrals";

/** A submitted referral (shared case, referred from Korea) and a coordinator of its site, for status tests. */
export async function submittedReferral(db: Database, options: { caseName?: string; now: Date }) {
  const physician = await createAccount(db, { role: "physician" });
  const caseData = sharedCase(options.caseName ?? "prostate-localised-kr");
  const { id, referenceCode, record } = await submitReferral(db, {
    physician: { id: physician.id, country: "KR" },
    caseData,
    now: options.now,
  });
  const site = record.decision.route.site ?? "konyang";
  const coordinator = await createAccount(db, { role: "coordinator", site });
  const staff = { id: coordinator.id, role: "coordinator" as const };
  return {
    id,
    referenceCode,
    birthDate: caseData.patient.birthDate,
    physician,
    move: (
      action: Parameters<typeof transitionReferral>[1]["action"],
      now: Date,
      extra: { reasonCode?: string; data?: Record<string, unknown> } = {},
    ) =>
      transitionReferral(db, {
        referralId: id,
        actor: action === "withdraw" || action === "answer_info" ? { id: physician.id, role: "physician" } : staff,
        action,
        now,
        ...extra,
      }),
  };
}

let codes = 0;
/** A valid reference code (right check symbol) that no referral has: a new one on each call. */
export function unknownCode(): string {
  codes += 1;
  return referenceCodeFrom(Uint8Array.from({ length: 14 }, (_, i) => (i < 2 ? 0 : codes * (i + 1))));
}

let addresses = 0;
/** A client address not used before in this test file. */
export function freshIp(): string {
  addresses += 1;
  return `198.51.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}`;
}

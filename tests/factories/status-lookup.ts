import { referenceCodeFrom } from "~/domain/reference-code/reference-code";
import { submitReferral, transitionReferral } from "~/modules/referrals/referrals.service.server";
import { lookUpStatus } from "~/modules/status-lookup/status-lookup.service.server";
import { loader as statusView } from "~/routes/status_.view/route";
import type { Database } from "~/utils/db.server";
import { answerOf, args, createAccount, getRequest } from "./accounts";
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

/**
 * The patient's status page as the patient opens it, in `lng`: the reference code and birth date at the door, then
 * the page the session cookie opens. Answers the page's data.
 */
export async function patientStatusPage(
  db: Database,
  referral: { referenceCode: string; birthDate: string },
  lng: string,
) {
  const found = await lookUpStatus(
    db,
    { referenceCode: referral.referenceCode, birthDate: referral.birthDate },
    { ip: freshIp(), now: new Date(), door: "page" },
  );
  if (found.kind !== "found") throw new Error(found.kind);
  const cookie = found.setCookie!.split(";")[0]!;
  return (await answerOf(statusView(args(getRequest("/status/view", { cookie, lng }))))).data;
}

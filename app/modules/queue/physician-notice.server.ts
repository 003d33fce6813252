import type { Referral } from "~/modules/referrals/referral.mapper.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import type { Database } from "~/utils/db.server";
import {
  queueNotification,
  type NotificationFacts,
  type NotificationKind,
} from "~/modules/notifications/physician-mail.server";
import { usersByIds } from "./queue.repository.server";

/**
 * Puts the referring physician's mail about their referral in the outbox (inside the caller's transaction), in the
 * physician's language and speaking for `speaksFor`'s team. A physician without an address gets none: false.
 */
export async function notifyPhysician(
  trx: Database,
  input: {
    kind: NotificationKind;
    referral: Pick<Referral, "id" | "physicianId" | "referenceCode">;
    speaksFor: string | null;
    facts?: Omit<NotificationFacts, "referenceCode" | "siteName">;
    ctx: { now: Date; portalUrl: string };
  },
): Promise<boolean> {
  const { referral, ctx } = input;
  const [physician] = await usersByIds(trx, [referral.physicianId]);
  if (!physician?.email) return false;
  const names = await siteNames(trx);
  const code = (input.speaksFor ?? "") as keyof typeof names;
  await queueNotification(trx, {
    kind: input.kind,
    referralId: referral.id,
    recipient: {
      email: physician.email,
      familyName: physician.family_name,
      givenName: physician.given_name,
      language: physician.preferred_language,
    },
    facts: {
      referenceCode: referral.referenceCode ?? "",
      siteName: names[code] ?? { ko: code, ja: code, en: code },
      ...input.facts,
    },
    link: `${ctx.portalUrl}/referrals/${referral.id}`,
    now: ctx.now,
  });
  return true;
}

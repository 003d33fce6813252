import { auditBy } from "~/modules/audit/audit.service.server";
import type { Database } from "~/utils/db.server";
import { findUserById } from "./accounts.repository.server";
import { openSignedInSession, type RequestContext, type SignInResult } from "./accounts.service.server";
import { answerChallenge } from "./mfa-challenge.server";

export type SecondFactorResult = Extract<SignInResult, { kind: "signedIn" }> | { kind: "wrong" } | { kind: "expired" };

/**
 * The code after the password: a right one (from the app, or an unused recovery code) opens the session; a wrong one
 * is counted on the challenge and audited; an expired challenge sends the person back to the password.
 */
export async function completeSecondFactor(
  db: Database,
  input: { challengeToken: string | null; code: string; previousSessionId: string | null; deviceToken: string | null },
  context: RequestContext,
): Promise<SecondFactorResult> {
  return db.transaction().execute(async (trx): Promise<SecondFactorResult> => {
    const answer = await answerChallenge(trx, input.challengeToken, input.code, context.now);
    if (answer.kind === "expired") return answer;
    if (answer.kind === "wrong") {
      const audit = auditBy(trx, null, context);
      await audit("account.mfa_failed", ["user", answer.userId]);
      return { kind: "wrong" };
    }
    const user = await findUserById(trx, answer.userId);
    if (!user || (user.status !== "active" && user.status !== "pending")) return { kind: "expired" };
    if (answer.method === "recovery") {
      const audit = auditBy(trx, user, context);
      await audit("account.mfa_recovery_code_used", ["user", user.id]);
    }
    return openSignedInSession(
      trx,
      user,
      {
        previousSessionId: input.previousSessionId,
        deviceToken: input.deviceToken,
        detail: { secondFactor: answer.method },
      },
      context,
    );
  });
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OneTimeCodeField } from "~/components/forms/account-fields";
import { ErrorSummary } from "~/components/forms/error-summary";
import { PostForm } from "~/components/forms/post-form";
import { translatorFor } from "~/i18n/i18n.server";
import { homeFor } from "~/modules/accounts/home";
import { challengeTokenFrom, clearChallengeCookie, liveChallenge } from "~/modules/accounts/mfa-challenge.server";
import { sessionIdFrom, type Role } from "~/modules/accounts/session.server";
import { completeSecondFactor } from "~/modules/accounts/sign-in-second-factor.server";
import { deviceTokenFrom } from "~/modules/accounts/sign-in-devices.server";
import { clientIp } from "~/utils/client-ip.server";
import { rotatedCsrfCookie } from "~/utils/csrf.server";
import { getDb } from "~/utils/db.server";
import { safeRedirect } from "~/utils/safe-redirect";

// /login/code: the second step of signing in to an account with a one-time-code app (ADR 0021). Reached only with a
// live challenge from the right password; otherwise back to /login.
export const handle = { titleKey: "security:mfa.signIn.title" };

type CodeAnswer = { errors: Record<string, string> };

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await liveChallenge(await getDb(), challengeTokenFrom(request), new Date())))
    throw redirect("/login?expired=code");
  return { redirectTo: safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "") };
}

export async function action({ request }: ActionFunctionArgs) {
  const { t } = translatorFor(request);
  const formData = await request.formData();
  const code = String(formData.get("code") ?? "").slice(0, 40);
  if (!code.trim())
    return data<CodeAnswer>({ errors: { code: t("security:mfa.errors.codeMissing") } }, { status: 400 });
  const result = await completeSecondFactor(
    await getDb(),
    {
      challengeToken: challengeTokenFrom(request),
      code,
      previousSessionId: sessionIdFrom(request),
      deviceToken: deviceTokenFrom(request),
    },
    { ip: clientIp(request), now: new Date() },
  );
  if (result.kind === "expired")
    throw redirect("/login?expired=code", { headers: { "Set-Cookie": clearChallengeCookie() } });
  if (result.kind === "wrong")
    return data<CodeAnswer>({ errors: { code: t("security:mfa.errors.codeWrong") } }, { status: 400 });
  const headers = new Headers({ "Set-Cookie": result.setCookie });
  for (const cookie of [result.deviceCookie, rotatedCsrfCookie(), clearChallengeCookie()])
    headers.append("Set-Cookie", cookie);
  const home = homeFor({ role: result.user.role as Role, status: result.user.status });
  return redirect(result.user.status === "pending" ? home : safeRedirect(formData.get("redirectTo"), home), {
    headers,
  });
}

export default function SignInCode() {
  const { t } = useTranslation();
  const { redirectTo } = useLoaderData<typeof loader>();
  const answer = useActionData<CodeAnswer>();
  return (
    <div className="form">
      <h1>{t("security:mfa.signIn.title")}</h1>
      <ErrorSummary errors={answer?.errors} />
      <p>{t("security:mfa.signIn.intro")}</p>
      <PostForm data-form="sign-in-code" noValidate submit={{ text: t("security:mfa.signIn.submit") }}>
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <OneTimeCodeField
          label={t("security:mfa.signIn.codeLabel")}
          hint={t("security:mfa.signIn.codeHint")}
          error={answer?.errors.code}
          recoveryCodes
        />
      </PostForm>
      <p>
        <Link to="/login">{t("security:mfa.signIn.startAgain")}</Link>
      </p>
    </div>
  );
}

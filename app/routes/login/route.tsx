import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { PostForm } from "~/components/forms/post-form";
import { StatusBanner } from "~/components/status-banner";
import { TextField } from "~/components/forms/text-field";
import { fromCookie, languageCookieName } from "~/i18n/detect";
import { isLanguage } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n.server";
import { loginSchema } from "~/modules/accounts/accounts.schema";
import { signIn } from "~/modules/accounts/accounts.service.server";
import { homeFor } from "~/modules/accounts/home";
import { getSessionUser, sessionIdFrom, type Role } from "~/modules/accounts/session.server";
import { deviceTokenFrom } from "~/modules/accounts/sign-in-devices.server";
import { clientIp } from "~/utils/client-ip.server";
import { serializeCookie } from "~/utils/cookies.server";
import { rotatedCsrfCookie } from "~/utils/csrf.server";
import { getDb } from "~/utils/db.server";
import { validateForm } from "~/utils/form.server";
import { safeRedirect } from "~/utils/safe-redirect";

export const handle = { titleKey: "auth:login.title" };

type LoginAnswer = { errors: Record<string, string>; formError: string | null; values: { email: string } };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) throw redirect(homeFor(user));
  const url = new URL(request.url);
  return {
    redirectTo: safeRedirect(url.searchParams.get("redirectTo"), ""),
    signedOutEverywhere: url.searchParams.get("signedOut") === "everywhere",
    codeExpired: url.searchParams.get("expired") === "code",
  };
}

const minutesUntil = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));

export async function action({ request }: ActionFunctionArgs) {
  const { t } = translatorFor(request);
  const formData = await request.formData();
  const typedEmail = formData.get("email");
  // What was typed comes back, except the password: never echoed, never logged.
  const answer = (status: number, fields: Partial<LoginAnswer>) =>
    data<LoginAnswer>(
      {
        errors: {},
        formError: null,
        values: { email: typeof typedEmail === "string" ? typedEmail.slice(0, 320) : "" },
        ...fields,
      },
      { status },
    );

  const parsed = validateForm(loginSchema, formData, t);
  if (!parsed.ok) return answer(400, { errors: parsed.errors });
  const now = new Date();
  const result = await signIn(
    await getDb(),
    {
      email: parsed.data.email,
      password: parsed.data.password,
      previousSessionId: sessionIdFrom(request),
      deviceToken: deviceTokenFrom(request),
    },
    { ip: clientIp(request), now },
  );
  switch (result.kind) {
    case "invalid":
      // One message for an unknown email and a wrong password; it points at the email field, the first to check.
      return answer(400, { errors: { email: t("auth:login.errors.invalid") } });
    case "locked":
      return answer(429, { formError: t("auth:login.errors.locked", { count: minutesUntil(result.until, now) }) });
    case "throttled":
      return answer(429, { formError: t("auth:login.errors.throttled", { minutes: minutesUntil(result.until, now) }) });
    case "disabled":
      return answer(403, { formError: t("auth:login.errors.disabled") });
    case "secondFactor": {
      // The code is asked on its own page; where to go afterwards travels with it (checked again there).
      const redirectTo = safeRedirect(formData.get("redirectTo"), "");
      return redirect(redirectTo ? `/login/code?redirectTo=${encodeURIComponent(redirectTo)}` : "/login/code", {
        headers: { "Set-Cookie": result.challengeCookie },
      });
    }
    case "signedIn": {
      const { user } = result;
      const headers = new Headers({ "Set-Cookie": result.setCookie });
      headers.append("Set-Cookie", result.deviceCookie);
      headers.append("Set-Cookie", rotatedCsrfCookie());
      // The account's language becomes the page language, unless this browser has already chosen one.
      if (!fromCookie(request.headers.get("Cookie")) && isLanguage(user.preferredLanguage)) {
        headers.append(
          "Set-Cookie",
          serializeCookie(languageCookieName, user.preferredLanguage, { maxAgeSeconds: 31_536_000, httpOnly: false }),
        );
      }
      const home = homeFor({ role: user.role as Role, status: user.status });
      const target = user.status === "pending" ? home : safeRedirect(formData.get("redirectTo"), home);
      return redirect(target, { headers });
    }
  }
}

export default function Login() {
  const { t } = useTranslation();
  const { redirectTo, signedOutEverywhere, codeExpired } = useLoaderData<typeof loader>();
  const answer = useActionData<LoginAnswer>();
  return (
    <div className="form">
      <h1>{t("auth:login.title")}</h1>
      {signedOutEverywhere && !answer ? (
        <StatusBanner tone="success">{t("auth:login.signedOutEverywhere")}</StatusBanner>
      ) : null}
      {codeExpired && !answer ? <StatusBanner tone="warning">{t("security:mfa.signIn.expired")}</StatusBanner> : null}
      <ErrorSummary errors={answer?.errors} formError={answer?.formError ?? undefined} />
      <p>{t("auth:login.intro")}</p>
      <PostForm data-form="login" noValidate submit={{ text: t("auth:login.submit") }}>
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <TextField
          name="email"
          type="email"
          label={t("auth:fields.email")}
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="none"
          defaultValue={answer?.values.email}
          error={answer?.errors.email}
        />
        <TextField
          name="password"
          type="password"
          label={t("auth:fields.password")}
          autoComplete="current-password"
          error={answer?.errors.password}
        />
      </PostForm>
      <p>
        {t("auth:login.noAccount")} <Link to="/register">{t("auth:login.registerLink")}</Link>
      </p>
    </div>
  );
}

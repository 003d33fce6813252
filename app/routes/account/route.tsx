import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StaffPageHeader } from "~/components/staff-page-header/staff-page-header";
import { z } from "zod";
import { NewPasswordField, PreferredLanguageField } from "~/components/forms/account-fields";
import { PostForm } from "~/components/forms/post-form";
import { TextField } from "~/components/forms/text-field";
import { isLanguage } from "~/i18n/config";
import { languageCookieName } from "~/i18n/detect";
import { translatorFor } from "~/i18n/i18n.server";
import { siteNames } from "~/modules/accounts/account-admin.service.server";
import { changePasswordSchema, languageSchema } from "~/modules/accounts/accounts.schema";
import { changePassword, setPreferredLanguage, signOutEverywhere } from "~/modules/accounts/accounts.service.server";
import { requireUser } from "~/modules/accounts/guards.server";
import { pendingHome } from "~/modules/accounts/home";
import { clearSessionCookie, type SessionUser } from "~/modules/accounts/session.server";
import { clientIp } from "~/utils/client-ip.server";
import { serializeCookie } from "~/utils/cookies.server";
import { getDb } from "~/utils/db.server";
import { validateForm, type FormValues } from "~/utils/form.server";
import { personName } from "~/i18n/person-name";

export const handle = { titleKey: "auth:account.title" };

const intents = ["language", "password", "signOutEverywhere"] as const;
type Intent = (typeof intents)[number];
type AccountAnswer = { form: Intent; errors: Record<string, string>; formError: string | null; values: FormValues };

/** Signed in and approved; an account awaiting approval sees only its pending page. */
async function requireAccountHolder(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.status === "pending") throw redirect(pendingHome);
  if (user.status !== "active") throw new Response(null, { status: 403 });
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAccountHolder(request);
  const { lng } = translatorFor(request);
  const site = user.siteCode ? (await siteNames(await getDb()))[user.siteCode] : undefined;
  const saved = new URL(request.url).searchParams.get("saved");
  return {
    user: {
      familyName: user.familyName,
      givenName: user.givenName,
      email: user.email,
      role: user.role,
      status: user.status,
      institution: user.institution,
      country: user.country,
      siteName: site ? site[lng] : null,
      preferredLanguage: isLanguage(user.preferredLanguage) ? user.preferredLanguage : lng,
    },
    saved: saved === "language" || saved === "password" ? saved : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAccountHolder(request);
  const { t } = translatorFor(request);
  const formData = await request.formData();
  const intent = z.enum(intents).safeParse(formData.get("intent"));
  if (!intent.success) throw new Response(null, { status: 400 });
  const db = await getDb();
  const context = { ip: clientIp(request), now: new Date() };

  switch (intent.data) {
    case "language": {
      const parsed = validateForm(languageSchema, formData, t);
      if (!parsed.ok)
        return data<AccountAnswer>(
          { form: "language", errors: parsed.errors, formError: null, values: parsed.values },
          { status: 400 },
        );
      await setPreferredLanguage(db, user, parsed.data.preferredLanguage);
      // The page language follows at once: the same cookie the language switcher sets.
      return redirect("/account?saved=language", {
        headers: {
          "Set-Cookie": serializeCookie(languageCookieName, parsed.data.preferredLanguage, {
            maxAgeSeconds: 31_536_000,
            httpOnly: false,
          }),
        },
      });
    }
    case "password": {
      const parsed = validateForm(changePasswordSchema(user.email), formData, t);
      // Passwords are never sent back.
      if (!parsed.ok)
        return data<AccountAnswer>(
          { form: "password", errors: parsed.errors, formError: null, values: {} },
          { status: 400 },
        );
      const result = await changePassword(db, user, parsed.data, context);
      if (result.kind === "wrongCurrent") {
        return data<AccountAnswer>(
          {
            form: "password",
            errors: { currentPassword: t("auth:account.errors.wrongCurrent") },
            formError: null,
            values: {},
          },
          { status: 400 },
        );
      }
      if (result.kind === "locked") {
        const minutes = Math.max(1, Math.ceil((result.until.getTime() - context.now.getTime()) / 60_000));
        return data<AccountAnswer>(
          { form: "password", errors: {}, formError: t("auth:login.errors.locked", { minutes }), values: {} },
          { status: 429 },
        );
      }
      return redirect("/account?saved=password");
    }
    case "signOutEverywhere":
      await signOutEverywhere(db, user, context);
      return redirect("/login?signedOut=everywhere", { headers: { "Set-Cookie": clearSessionCookie() } });
  }
}

/** A new password, after the current one; every other session ends. */
function PasswordSection({ email, errors }: { email: string; errors: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="account-password" className="form">
      <h2 id="account-password">{t("auth:account.password.heading")}</h2>
      <p>{t("auth:account.password.intro")}</p>
      <PostForm
        data-form="password"
        noValidate
        intent="password"
        submit={{ text: t("auth:account.password.submit"), variant: "secondary" }}
      >
        {/* A hidden username lets password managers file the new password under the right account. */}
        <input type="hidden" name="username" autoComplete="username" value={email} />
        <TextField
          name="currentPassword"
          type="password"
          label={t("auth:account.password.current")}
          autoComplete="current-password"
          error={errors.currentPassword}
        />
        <NewPasswordField
          name="newPassword"
          label={t("auth:account.password.new")}
          hint={t("auth:register.passwordHint")}
          error={errors.newPassword}
        />
      </PostForm>
    </section>
  );
}

/** The language the portal speaks to this account (mail included). */
function LanguageSection({ preferred, errors }: { preferred: string; errors: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="account-language" className="form">
      <h2 id="account-language">{t("auth:account.language.heading")}</h2>
      {/* A full page load, so the whole page (and the browser's word bundle) switches language. */}
      <PostForm
        reloadDocument
        data-form="language"
        intent="language"
        submit={{ text: t("auth:account.language.submit"), variant: "secondary" }}
      >
        <PreferredLanguageField defaultValue={preferred} error={errors.preferredLanguage} />
      </PostForm>
    </section>
  );
}

export default function Account() {
  const { t } = useTranslation();
  const { user, saved } = useLoaderData<typeof loader>();
  const answer = useActionData<AccountAnswer>();
  const errorsFor = (form: Intent) => (answer?.form === form ? answer.errors : {});
  const details: [string, string][] = [
    [t("auth:fields.name"), personName(user.familyName, user.givenName)],
    [t("auth:fields.email"), user.email],
    [t("auth:fields.role"), t(`roles.${user.role}`)],
    [t("auth:fields.site"), user.siteName ?? t("auth:account.noSite")],
    [t("auth:fields.institution"), user.institution],
    [t("auth:fields.country"), t(`auth:countries.${user.country}`, { defaultValue: user.country })],
    [t("auth:fields.status"), t(`auth:statuses.${user.status}`)],
  ];
  return (
    <>
      <StaffPageHeader
        heading={t("auth:account.title")}
        done={
          saved && !answer
            ? { text: saved === "language" ? t("auth:account.language.saved") : t("auth:account.password.changed") }
            : null
        }
        errors={answer?.errors}
        formError={answer?.formError ?? undefined}
      />

      <section aria-labelledby="account-details">
        <h2 id="account-details">{t("auth:account.detailsHeading")}</h2>
        <table>
          <tbody>
            {details.map(([term, value]) => (
              <tr key={term}>
                <th scope="row">{term}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {user.role === "physician" ? (
        <p>
          <Link to="/account/tokens">{t("api:tokens.accountLink")}</Link>
        </p>
      ) : null}
      <p>
        <Link to="/account/mfa">{t("security:mfa.accountLink")}</Link>
      </p>

      <LanguageSection preferred={user.preferredLanguage} errors={errorsFor("language")} />

      <PasswordSection email={user.email} errors={errorsFor("password")} />

      <section aria-labelledby="account-everywhere" className="form">
        <h2 id="account-everywhere">{t("auth:account.everywhere.heading")}</h2>
        <p>{t("auth:account.everywhere.body")}</p>
        <PostForm
          data-form="sign-out-everywhere"
          intent="signOutEverywhere"
          submit={{ text: t("auth:account.everywhere.submit"), variant: "warning" }}
        />
      </section>
    </>
  );
}

import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OneTimeCodeField } from "~/components/forms/account-fields";
import { ErrorSummary } from "~/components/forms/error-summary";
import { PostForm } from "~/components/forms/post-form";
import { StatusBanner } from "~/components/status-banner";
import { formatInstant } from "~/i18n/format";
import { translatorFor } from "~/i18n/i18n.server";
import { requireUser } from "~/modules/accounts/guards.server";
import { confirmEnrolment, enrolmentFor, factorStatus } from "~/modules/accounts/mfa.server";
import { clientIp } from "~/utils/client-ip.server";
import { readerTimeZone } from "~/modules/sites/site-facts.server";
import { getDb } from "~/utils/db.server";

// /account/mfa: set up a one-time-code app (QR code, or the key typed by hand), confirm it with a first code, and keep
// the ten recovery codes shown once. ADR 0021.
export const handle = { titleKey: "security:mfa.enrol.title" };

type EnrolAnswer = { errors: Record<string, string>; recoveryCodes: string[] | null };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const { lng } = translatorFor(request);
  const status = await factorStatus(db, user.id);
  const enrolment = status.confirmedAt ? null : await enrolmentFor(db, user, new Date());
  const confirmedOn = status.confirmedAt
    ? formatInstant(status.confirmedAt, lng, await readerTimeZone(db, user), "date")
    : null;
  return {
    confirmedOn,
    recoveryCodesLeft: status.recoveryCodesLeft,
    enrolment,
    required: new URL(request.url).searchParams.get("required") === "1",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { t } = translatorFor(request);
  const code = String((await request.formData()).get("code") ?? "").slice(0, 20);
  if (!code.trim())
    return data<EnrolAnswer>(
      { errors: { code: t("security:mfa.errors.codeMissing") }, recoveryCodes: null },
      { status: 400 },
    );
  const codes = await confirmEnrolment(await getDb(), { id: user.id, role: user.role }, code, {
    now: new Date(),
    ip: clientIp(request),
  });
  if (!codes)
    return data<EnrolAnswer>(
      { errors: { code: t("security:mfa.errors.codeWrong") }, recoveryCodes: null },
      { status: 400 },
    );
  return { errors: {}, recoveryCodes: codes };
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="recovery-codes">
      <StatusBanner tone="success">{t("security:mfa.enrol.done")}</StatusBanner>
      <h2 id="recovery-codes">{t("security:mfa.recovery.heading")}</h2>
      <p>{t("security:mfa.recovery.intro")}</p>
      <ol data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p>
        <Link to="/account">{t("security:mfa.backToAccount")}</Link>
      </p>
    </section>
  );
}

/** The page once the second factor is on: since when, how many recovery codes are left, and what to do if lost. */
function FactorOn({ confirmedOn, recoveryCodesLeft }: { confirmedOn: string | null; recoveryCodesLeft: number }) {
  const { t } = useTranslation();
  return (
    <div>
      <h1>{t("security:mfa.enrol.title")}</h1>
      <p data-testid="mfa-on">{t("security:mfa.status.on", { date: confirmedOn ?? "" })}</p>
      <p>{t("security:mfa.status.recoveryLeft", { count: recoveryCodesLeft })}</p>
      <p>{t("security:mfa.status.lost")}</p>
      <p>
        <Link to="/account">{t("security:mfa.backToAccount")}</Link>
      </p>
    </div>
  );
}

export default function MfaEnrolment() {
  const { t } = useTranslation();
  const { confirmedOn, recoveryCodesLeft, enrolment, required } = useLoaderData<typeof loader>();
  const answer = useActionData<EnrolAnswer>();
  if (answer?.recoveryCodes) return <RecoveryCodes codes={answer.recoveryCodes} />;
  if (confirmedOn || !enrolment) return <FactorOn confirmedOn={confirmedOn} recoveryCodesLeft={recoveryCodesLeft} />;
  return (
    <div className="form">
      <h1>{t("security:mfa.enrol.title")}</h1>
      {required && !answer ? <StatusBanner tone="warning">{t("security:mfa.enrol.required")}</StatusBanner> : null}
      <ErrorSummary errors={answer?.errors} />
      <p>{t("security:mfa.enrol.intro")}</p>
      <h2 id="mfa-step-1">{t("security:mfa.enrol.step1")}</h2>
      <div
        className="mfa-qr"
        role="img"
        aria-label={t("security:mfa.enrol.qrLabel")}
        dangerouslySetInnerHTML={{ __html: enrolment.svg }}
      />
      <p>
        {t("security:mfa.enrol.manual")} <code data-testid="mfa-secret">{enrolment.secretGroups}</code>
      </p>
      <h2 id="mfa-step-2">{t("security:mfa.enrol.step2")}</h2>
      <PostForm data-form="mfa-enrol" noValidate submit={{ text: t("security:mfa.enrol.submit") }}>
        <OneTimeCodeField
          label={t("security:mfa.enrol.codeLabel")}
          hint={t("security:mfa.enrol.codeHint")}
          error={answer?.errors.code}
        />
      </PostForm>
    </div>
  );
}

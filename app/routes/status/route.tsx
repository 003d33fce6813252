import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DateField } from "~/components/forms/date-field";
import { ErrorSummary } from "~/components/forms/error-summary";
import { PostForm } from "~/components/forms/post-form";
import { StatusBanner } from "~/components/status-banner";
import { TextField } from "~/components/forms/text-field";
import { normalizeReferenceCode } from "~/domain/reference-code/reference-code";
import { translatorFor } from "~/i18n/i18n.server";
import { statusLookupSchema } from "~/modules/status-lookup/status-lookup.schema";
import { lookUpStatus, statusTokenFrom } from "~/modules/status-lookup/status-lookup.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { validateForm, type FormValues } from "~/utils/form.server";
import stylesUrl from "./status.css?url";

// /status: a patient enters the reference code and date of birth (no account). Plain HTML, no script at all
// (`hydrate: false`, app/root.tsx): it works on any phone, and ships nothing to download.
export const handle = { titleKey: "status:pageTitle", hydrate: false };
export const links = () => [{ rel: "stylesheet", href: stylesUrl }];
// Nothing typed here, and no answer, is kept by a browser cache or a proxy. A refusal's Retry-After (set by the
// action) must reach the client: Remix sends only what this function returns.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers({ "Cache-Control": "no-store" });
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

type Answer = {
  errors: Record<string, string>;
  formError: string | null;
  values: { referenceCode: string; birthDate: string };
};

const notices = ["finished", "expired"] as const;

export function loader({ request }: LoaderFunctionArgs) {
  // Open to everyone: nothing is read here but which notice to show after a status session ended.
  const params = new URL(request.url).searchParams;
  const ended = params.get("ended");
  // The handout's QR code opens this page with the code filled in (?code=…); the birth date is still typed.
  const code = normalizeReferenceCode(params.get("code") ?? "");
  return { notice: notices.find((n) => n === ended) ?? null, prefilledCode: code };
}

const minutesUntil = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));

function typed(values: FormValues): Answer["values"] {
  const part = (name: string) => (values[`birthDate.${name}`] ?? "").replace(/-/g, "").slice(0, 8);
  return {
    referenceCode: (values.referenceCode ?? "").slice(0, 64),
    birthDate: [part("year"), part("month"), part("day")].some(Boolean)
      ? `${part("year")}-${part("month")}-${part("day")}`
      : "",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { t } = translatorFor(request);
  const parsed = validateForm(statusLookupSchema, await request.formData(), t);
  // A typo the check symbol catches, or a missing field: say which, and keep what was typed.
  if (!parsed.ok)
    return data<Answer>({ errors: parsed.errors, formError: null, values: typed(parsed.values) }, { status: 400 });

  const now = new Date();
  const result = await lookUpStatus(await getDb(), parsed.data, {
    ip: clientIp(request),
    now,
    door: "page",
    previousToken: statusTokenFrom(request),
  });
  // Refusals echo nothing back: a wrong code and a wrong birth date must give byte-identical pages.
  const refuse = (status: number, formError: string, headers?: Record<string, string>) =>
    data<Answer>({ errors: {}, formError, values: { referenceCode: "", birthDate: "" } }, { status, headers });
  switch (result.kind) {
    case "not_found":
      return refuse(400, t("status:errors.notFound"));
    case "locked":
    case "throttled": {
      const minutes = minutesUntil(result.until, now);
      return refuse(429, t(`status:errors.${result.kind}`, { count: minutes }), {
        "Retry-After": String(minutes * 60),
      });
    }
    case "found": {
      // The code goes nowhere near a URL: the session cookie opens /status/view.
      // No language cookie: the reader's browser (or switcher) decides, and the patient's language is only the view's
      // default for a browser that asks for none of ko, ja, en — a cookie would greet the next patient on this
      // device in this one's language (issue #17).
      return redirect("/status/view", { headers: { "Set-Cookie": result.setCookie! } });
    }
  }
}

export default function StatusEntry() {
  const { t } = useTranslation();
  const { notice, prefilledCode } = useLoaderData<typeof loader>();
  const answer = useActionData<Answer>();
  return (
    <div className="status-page">
      <h1>{t("status:entry.heading")}</h1>
      {notice && !answer ? <StatusBanner tone="success">{t(`status:notices.${notice}`)}</StatusBanner> : null}
      <ErrorSummary errors={answer?.errors} formError={answer?.formError ?? undefined} />
      <p className="lead">{t("status:entry.lead")}</p>
      <PostForm data-form="status-lookup" noValidate submit={{ text: t("status:entry.submit") }}>
        <TextField
          name="referenceCode"
          label={t("status:fields.referenceCode")}
          hint={t("status:fields.referenceCodeHint")}
          className="input--code"
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          defaultValue={answer ? answer.values.referenceCode : (prefilledCode ?? undefined)}
          error={answer?.errors.referenceCode}
        />
        <DateField
          name="birthDate"
          legend={t("status:fields.birthDate")}
          hint={t("status:fields.birthDateHint")}
          defaultValue={answer?.values.birthDate}
          error={answer?.errors.birthDate}
        />
      </PostForm>
      <p>{t("status:entry.noCode")}</p>
      <aside className="notice" aria-labelledby="status-privacy">
        <h2 id="status-privacy">{t("status:entry.privacyHeading")}</h2>
        <p>{t("status:entry.privacy")}</p>
      </aside>
    </div>
  );
}

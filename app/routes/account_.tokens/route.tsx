import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StaffPageHeader } from "~/components/staff-page-header/staff-page-header";
import { z } from "zod";
import { CsrfInput } from "~/components/csrf-input";
import { TextField } from "~/components/forms/text-field";
import { translatorFor } from "~/i18n/i18n.server";
import { requireRole } from "~/modules/accounts/guards.server";
import { createTokenSchema, revokeTokenSchema, TOKEN_NAME_MAX } from "~/modules/api/api-tokens.schema";
import { apiTokensOf, createApiToken, revokeApiToken } from "~/modules/api/api-tokens.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { validateForm, type FormValues } from "~/utils/form.server";
import { formatInstant } from "~/i18n/format";
import { readerTimeZone } from "~/modules/sites/site-facts.server";
import { NewToken, TokenTable } from "./token-parts";

// /account/tokens: a physician's API tokens for the JSON doors (shared/domain/api.md). Its own route beside
// /account (the `_` keeps it out of the account page's layout); the account page links here.

export const handle = { titleKey: "api:tokens.title" };

type Answer =
  | { kind: "created"; id: string; name: string; token: string }
  | { kind: "error"; errors: Record<string, string>; formError: string | null; values: FormValues };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["physician"]);
  const { lng } = translatorFor(request);
  const db = await getDb();
  const rows = await apiTokensOf(db, user);
  // Formatted here, once, so server and browser render the same words; in the physician's own country's time.
  const timeZone = await readerTimeZone(db, user);
  const stamp = (iso: string | null) => (iso ? { iso, text: formatInstant(iso, lng, timeZone) } : null);
  return {
    tokens: rows.map((row) => ({
      id: row.id,
      name: row.name,
      prefix: row.prefix,
      created: stamp(row.createdAt)!,
      lastUsed: stamp(row.lastUsedAt),
      revoked: stamp(row.revokedAt),
    })),
    revoked: new URL(request.url).searchParams.get("done") === "revoked",
    nameMax: TOKEN_NAME_MAX,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["physician"]);
  const { t } = translatorFor(request);
  const formData = await request.formData();
  const intent = z.enum(["create", "revoke"]).safeParse(formData.get("intent"));
  if (!intent.success) throw new Response(null, { status: 400 });
  const db = await getDb();
  const context = { ip: clientIp(request), now: new Date() };
  // The token is in this one answer only: never cached, never in a URL.
  const noStore = { "Cache-Control": "no-store" };

  if (intent.data === "create") {
    const parsed = validateForm(createTokenSchema, formData, t);
    if (!parsed.ok)
      return data<Answer>(
        { kind: "error", errors: parsed.errors, formError: null, values: parsed.values },
        { status: 400, headers: noStore },
      );
    const result = await createApiToken(db, user, parsed.data, context);
    switch (result.kind) {
      case "created":
        return data<Answer>(
          { kind: "created", id: result.id, name: result.name, token: result.token },
          { headers: noStore },
        );
      case "tooMany":
        return data<Answer>(
          {
            kind: "error",
            errors: {},
            formError: t("api:tokens.errors.tooMany", { max: result.max }),
            values: parsed.values,
          },
          { status: 409, headers: noStore },
        );
      case "forbidden":
        throw new Response(null, { status: 403 });
    }
  }

  const parsed = revokeTokenSchema.safeParse({ tokenId: formData.get("tokenId") });
  // Only a hand-made request lacks the hidden field.
  if (!parsed.success) throw new Response(null, { status: 400 });
  const result = await revokeApiToken(db, user, parsed.data.tokenId, context);
  switch (result.kind) {
    case "revoked":
      return redirect("/account/tokens?done=revoked");
    case "notFound":
      return data<Answer>(
        { kind: "error", errors: {}, formError: t("api:tokens.errors.notFound"), values: {} },
        { status: 404, headers: noStore },
      );
    case "forbidden":
      throw new Response(null, { status: 403 });
  }
}

export default function ApiTokens() {
  const { t } = useTranslation();
  const { tokens, revoked, nameMax } = useLoaderData<typeof loader>();
  const answer = useActionData<Answer>();
  const error = answer?.kind === "error" ? answer : null;
  const created = answer?.kind === "created" ? answer : null;
  return (
    <>
      <StaffPageHeader
        back={{ to: "/account", text: t("api:tokens.backToAccount") }}
        heading={t("api:tokens.title")}
        done={revoked && !answer ? { text: t("api:tokens.revokedBanner") } : null}
        errors={error?.errors}
        formError={error?.formError ?? undefined}
      />
      {created ? <NewToken name={created.name} token={created.token} /> : null}
      <p>{t("api:tokens.intro")}</p>
      <p>
        {t("api:tokens.usage")} <code>{t("api:tokens.usageHeader")}</code>
      </p>

      <section aria-labelledby="tokens-create" className="form">
        <h2 id="tokens-create">{t("api:tokens.createHeading")}</h2>
        {/* Remounted after a creation, so the name field starts empty again. */}
        <Form method="post" data-form="create-token" noValidate key={created?.id ?? "create"}>
          <CsrfInput />
          <input type="hidden" name="intent" value="create" />
          <TextField
            name="name"
            label={t("api:tokens.nameLabel")}
            hint={t("api:tokens.nameHint", { max: nameMax })}
            defaultValue={error?.values.name ?? ""}
            error={error?.errors.name}
            autoComplete="off"
          />
          <button type="submit" className="button">
            {t("api:tokens.createSubmit")}
          </button>
        </Form>
      </section>

      <h2 id="tokens-list">{t("api:tokens.listHeading")}</h2>
      {tokens.length === 0 ? <p>{t("api:tokens.none")}</p> : <TokenTable tokens={tokens} />}
    </>
  );
}

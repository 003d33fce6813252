import { Form } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { DataTable, type DataColumn } from "~/components/data-table/data-table";

type Stamp = { iso: string; text: string };
export type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  created: Stamp;
  lastUsed: Stamp | null;
  revoked: Stamp | null;
};

/** The token just created, shown once: the reader is moved to it. */
export function NewToken({ name, token }: { name: string; token: string }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // Moves the reader straight to the token, which will not be shown again.
  useEffect(() => heading.current?.focus(), [token]);
  return (
    <section className="banner banner--success" aria-labelledby="new-token-heading" data-testid="new-token">
      <h2 id="new-token-heading" tabIndex={-1} ref={heading}>
        {t("api:tokens.created.heading", { name })}
      </h2>
      <p>{t("api:tokens.created.body")}</p>
      <div className="field">
        <label htmlFor="new-token">{t("api:tokens.created.label")}</label>
        <input
          id="new-token"
          name="new-token"
          type="text"
          readOnly
          value={token}
          style={{ fontFamily: "monospace", width: "100%", maxWidth: "40rem" }}
          spellCheck={false}
          autoComplete="off"
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>
    </section>
  );
}

/** The physician's tokens: name, prefix, when created and last used, state, and a revoke button while active. */
export function TokenTable({ tokens }: { tokens: TokenRow[] }) {
  const { t } = useTranslation();
  const columns: DataColumn<TokenRow>[] = [
    { key: "name", header: t("api:tokens.columns.name"), cell: (token) => token.name },
    {
      key: "prefix",
      header: t("api:tokens.columns.prefix"),
      cell: (token) => <code>{t("api:tokens.prefixValue", { prefix: token.prefix })}</code>,
    },
    {
      key: "created",
      header: t("api:tokens.columns.created"),
      cell: (token) => <time dateTime={token.created.iso}>{token.created.text}</time>,
    },
    {
      key: "lastUsed",
      header: t("api:tokens.columns.lastUsed"),
      cell: (token) =>
        token.lastUsed ? <time dateTime={token.lastUsed.iso}>{token.lastUsed.text}</time> : t("api:tokens.neverUsed"),
    },
    {
      key: "status",
      header: t("api:tokens.columns.status"),
      cell: (token) =>
        token.revoked ? t("api:tokens.status.revoked", { date: token.revoked.text }) : t("api:tokens.status.active"),
    },
    {
      key: "actions",
      header: t("api:tokens.columns.actions"),
      cell: (token) => (token.revoked ? null : <RevokeButton id={token.id} name={token.name} />),
    },
  ];
  return (
    <DataTable
      labelledBy="tokens-list"
      rows={tokens}
      rowKey={(token) => token.id}
      rowProps={(token) => ({ "data-token-id": token.id })}
      columns={columns}
    />
  );
}

/** Revoking a token is one step: the button names the token it revokes. */
function RevokeButton({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="intent" value="revoke" />
      <input type="hidden" name="tokenId" value={id} />
      <button type="submit" className="button button--warning" aria-label={t("api:tokens.revokeLabel", { name })}>
        {t("api:tokens.revoke")}
      </button>
    </Form>
  );
}

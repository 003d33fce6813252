import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DateField } from "~/components/forms/date-field";
import { SelectField } from "~/components/forms/select-field";
import { TextField } from "~/components/forms/text-field";
import { typedField } from "~/components/forms/typed-field";

type SearchForm = Record<"code" | "actor" | "action" | "subjectType" | "subjectId" | "from" | "to", string>;
type Typed = { values: SearchForm; errors: Record<string, string> };

/** A free-text box of the search, with its hint on what it matches; the browser must not fill it in. */
function SearchText({ name, typed }: { name: "code" | "actor" | "subjectId"; typed: Typed }) {
  const { t } = useTranslation();
  return (
    <TextField
      {...typedField(typed, name)}
      label={t(`audit:search.${name}`)}
      hint={t(`audit:search.${name}Hint`)}
      autoComplete="off"
    />
  );
}

/** A choice among the codes the log holds (actions, subject types), each shown by its name and its code. */
function SearchCodes({ name, codes, typed }: { name: "action" | "subjectType"; codes: string[]; typed: Typed }) {
  const { t } = useTranslation();
  const names = name === "action" ? "actions" : "subjects";
  return (
    <SelectField
      {...typedField(typed, name)}
      label={t(`audit:search.${name}`)}
      placeholder={t("audit:search.any")}
      options={codes.map((code) => ({
        value: code,
        label: t("audit:search.optionWithCode", { label: t(`audit:${names}.${code}`, { defaultValue: code }), code }),
      }))}
    />
  );
}

/** A day the search starts or ends on (both days count). */
function SearchDate({ name, typed, hint }: { name: "from" | "to"; typed: Typed; hint?: string }) {
  const { t } = useTranslation();
  return <DateField {...typedField(typed, name)} legend={t(`audit:search.${name}`)} hint={hint} />;
}

/** The search: a GET form, so a search is a link an administrator can keep or pass on. */
export function AuditSearchForm({
  options,
  form,
  errors,
  searched,
}: {
  form: SearchForm;
  errors: Record<string, string>;
  options: { actions: string[]; subjectTypes: string[] };
  searched: boolean;
}) {
  const { t } = useTranslation();
  const typed = { values: form, errors };
  return (
    <section aria-labelledby="audit-search">
      <h2 id="audit-search">{t("audit:search.heading")}</h2>
      <Form method="get" role="search" aria-labelledby="audit-search" data-form="audit-search" className="form">
        <SearchText name="code" typed={typed} />
        <SearchText name="actor" typed={typed} />
        <SearchCodes name="action" codes={options.actions} typed={typed} />
        <SearchCodes name="subjectType" codes={options.subjectTypes} typed={typed} />
        <SearchText name="subjectId" typed={typed} />
        <SearchDate name="from" typed={typed} />
        <SearchDate name="to" typed={typed} hint={t("audit:search.dateHint")} />
        <div className="button-row">
          <button type="submit" className="button">
            {t("audit:search.submit")}
          </button>
          {searched ? <Link to="/admin/audit">{t("audit:search.clear")}</Link> : null}
        </div>
      </Form>
    </section>
  );
}

import { useTranslation } from "react-i18next";
import { ListField } from "~/components/forms/list-field";
import { rowCount } from "~/components/forms/repeatable-rows";
import { itemPathOf } from "~/domain/case/field-catalogue";
import { sitePreferences } from "~/domain/case/vocabulary";
import { indicationKey } from "~/i18n/screen-keys";
import { DateField } from "~/components/forms/date-field";
import { RadioGroup } from "~/components/forms/radio-group";
import { SelectField } from "~/components/forms/select-field";
import { TextField } from "~/components/forms/text-field";
import type { SiteNames } from "~/components/decision-panel/decision-panel";
import { isLanguage } from "~/i18n/config";
import { UNKNOWN, type PrecheckField } from "~/modules/screening/precheck-form";
import type { FormValues } from "~/utils/form.server";

/** What every question on the page shares: the posted values and errors, and the choices named on the server. */
export type QuestionContext = {
  /** What was posted (no-JavaScript round trip), to show again; undefined on a fresh page. */
  values?: FormValues;
  errors: Record<string, string>;
  today: string;
  countries: { value: string; label: string }[];
  siteNames: SiteNames;
  onIndicationChange: (indication: string) => void;
  /** Without JavaScript the page cannot reveal an indication's questions by itself: a button asks the server. */
  showIndicationButton: boolean;
  /** Rows each list shows (after "add another"). */
  rows?: Record<string, number>;
};

type QuestionProps = { field: PrecheckField; ctx: QuestionContext };
type Kind<T extends PrecheckField["kind"]["type"]> = Extract<PrecheckField["kind"], { type: T }>;

/** A question's label and hint: the pre-check's own question where it has one, else the case field's words. */
function useQuestionWords() {
  const { t, i18n } = useTranslation();
  return {
    label: (path: string) => {
      const inRow = itemPathOf(path);
      if (inRow) return t(`case:items.${inRow.list.path.split(".").pop()}.${inRow.item.key}`);
      return i18n.exists(`precheck:questions.${path}.label`)
        ? t(`precheck:questions.${path}.label`)
        : t(`screen:fields.${path}`);
    },
    hint: (path: string) =>
      i18n.exists(`precheck:questions.${path}.hint`) ? t(`precheck:questions.${path}.hint`) : undefined,
  };
}

/** A field's text as posted; a date's three parts joined back (however they were typed). */
function posted(values: FormValues | undefined, field: PrecheckField): string | undefined {
  if (!values) return undefined;
  if (field.kind.type === "date") {
    const parts = ["year", "month", "day"].map((p) => values[`${field.path}.${p}`] ?? "");
    return parts.some(Boolean) ? parts.join("-") : "";
  }
  return values[field.path] ?? "";
}

/** What every control is given: its name, error and hint, its label, and what was posted. */
function useCommon({ field, ctx }: QuestionProps) {
  const { label, hint } = useQuestionWords();
  return {
    common: { name: field.path, error: ctx.errors[field.path], hint: hint(field.path) },
    label: label(field.path),
    value: posted(ctx.values, field),
  };
}

/** One question of the pre-check, drawn by its kind. */
export function PrecheckQuestion({ field, ctx }: QuestionProps) {
  const { t } = useTranslation();
  const { common, label, value } = useCommon({ field, ctx });
  const { kind, path } = field;
  switch (kind.type) {
    case "select":
      return <SelectQuestion field={field} ctx={ctx} kind={kind} />;
    case "country":
      return (
        <SelectField
          {...common}
          label={label}
          options={ctx.countries}
          placeholder={t("precheck:options.notKnown")}
          defaultValue={value ?? ""}
        />
      );
    case "yesNoUnknown":
      return (
        <RadioGroup
          {...common}
          legend={label}
          inline
          defaultValue={value || UNKNOWN}
          options={["yes", "no", UNKNOWN].map((o) => ({ value: o, label: t(`precheck:options.yesNoUnknown.${o}`) }))}
        />
      );
    case "site":
      return <SiteQuestion field={field} ctx={ctx} />;
    case "list":
      return <ListQuestion field={field} ctx={ctx} kind={kind} />;
    case "radio":
      return <RadioQuestion field={field} ctx={ctx} kind={kind} />;
    case "number":
    case "text":
      return <TextQuestion field={field} ctx={ctx} />;
    case "date":
      return <DateField {...common} legend={label} defaultValue={value ?? (path === "referredOn" ? ctx.today : "")} />;
    default:
      return null;
  }
}

/** A choice from a list; the indication also reveals its questions (a button asks the server without script). */
function SelectQuestion({ field, ctx, kind }: QuestionProps & { kind: Kind<"select"> }) {
  const { t } = useTranslation();
  const { common, label, value } = useCommon({ field, ctx });
  const isIndicationField = field.path === "diagnosis.indication";
  const options = kind.options.map((o) => ({
    value: o,
    label: isIndicationField ? t(indicationKey(o)) : t(`${kind.book}.${o}`),
  }));
  return (
    <>
      <SelectField
        {...common}
        label={label}
        options={options}
        placeholder={t(isIndicationField ? "precheck:options.choose" : "precheck:options.notKnown")}
        defaultValue={value ?? ""}
        onChange={isIndicationField ? (e) => ctx.onIndicationChange(e.currentTarget.value) : undefined}
      />
      {isIndicationField && ctx.showIndicationButton ? (
        <p>
          <button type="submit" name="intent" value="indication" formNoValidate className="button button--secondary">
            {t("precheck:actions.showQuestions")}
          </button>
        </p>
      ) : null}
    </>
  );
}

/** The preferred site, or none. */
function SiteQuestion({ field, ctx }: QuestionProps) {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.language) ? i18n.language : "en";
  const { common, label, value } = useCommon({ field, ctx });
  const options = sitePreferences.map((o) => ({
    value: o,
    label: o === "none" ? t("precheck:options.sitePreference.none") : (ctx.siteNames[o]?.[lng] ?? o),
  }));
  return <RadioGroup {...common} legend={label} inline defaultValue={value || "none"} options={options} />;
}

/** Repeatable rows, each row's items questions of their own. */
function ListQuestion({ field, ctx, kind }: QuestionProps & { kind: Kind<"list"> }) {
  const { common, label } = useCommon({ field, ctx });
  const { path } = field;
  return (
    <ListField
      path={path}
      legend={label}
      hint={common.hint}
      error={common.error}
      rows={Math.max(rowCount(ctx.values ?? {}, path), ctx.rows?.[path] ?? 0)}
      max={kind.max}
      renderRow={(row) =>
        kind.item.map((item) => (
          <div key={item.key}>
            <PrecheckQuestion field={{ path: `${row}.${item.key}`, kind: item.kind }} ctx={ctx} />
          </div>
        ))
      }
    />
  );
}

/** Radios from a vocabulary, with "not known" where the question allows it. */
function RadioQuestion({ field, ctx, kind }: QuestionProps & { kind: Kind<"radio"> }) {
  const { t } = useTranslation();
  const { common, label, value } = useCommon({ field, ctx });
  const inRow = itemPathOf(field.path) !== undefined;
  const options = kind.options.map((o) => ({ value: o, label: t(`${kind.book}.${o}`) }));
  if (kind.unknownOption) options.push({ value: UNKNOWN, label: t("precheck:options.yesNoUnknown.unknown") });
  // A row's choice starts unanswered: a blank row must stay blank to be left out.
  const fallback = inRow ? undefined : kind.unknownOption || kind.options.includes(UNKNOWN) ? UNKNOWN : undefined;
  return (
    <RadioGroup
      {...common}
      legend={label}
      inline={kind.options.length <= 4}
      defaultValue={value || fallback}
      options={options}
    />
  );
}

/** A number (numeric or decimal keyboard) or a short text. */
function TextQuestion({ field, ctx }: QuestionProps) {
  const { common, label, value } = useCommon({ field, ctx });
  const kind = field.kind;
  const keyboard =
    kind.type === "number"
      ? { inputMode: kind.integer ? ("numeric" as const) : ("decimal" as const) }
      : { spellCheck: false };
  return (
    <TextField
      {...common}
      label={label}
      {...keyboard}
      autoComplete="off"
      className="input--year"
      defaultValue={value ?? ""}
    />
  );
}

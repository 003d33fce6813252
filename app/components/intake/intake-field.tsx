import { siteCodes } from "~/domain/routing/sites";
import type { ReactNode } from "react";
import type { UseFormRegister } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { SiteNames } from "~/components/decision-panel/decision-panel";
import { fieldId } from "~/components/forms/error-summary";
import { describedBy, FieldError, Hint } from "~/components/forms/field-parts";
import { ListField } from "~/components/forms/list-field";
import { rowCount } from "~/components/forms/repeatable-rows";
import { itemPathOf } from "~/domain/case/field-catalogue";
import { isLanguage, languageAutonyms } from "~/i18n/config";
import { UNKNOWN, type FlatValues, type IntakeField } from "~/modules/intake/intake-form";

export type FieldContext = {
  values: FlatValues;
  errors: Record<string, string>;
  /** react-hook-form's register when JavaScript runs; plain named inputs otherwise (the form posts natively). */
  register?: UseFormRegister<any>;
  siteNames: SiteNames;
  countries: { value: string; label: string }[];
  /** On blur, for fields the browser tidies (a reading in hiragana becomes katakana). */
  onBlurField?: (path: string) => void;
  /** Rows a list shows beyond its values (after "add another"). */
  rows?: Record<string, number>;
};

/** A case field's label: the contract's words (screen namespace); a list row's field by its list (case namespace). */
export function fieldLabel(t: (key: string, options?: Record<string, unknown>) => string, path: string): string {
  const inRow = itemPathOf(path);
  if (!inRow) return t(`screen:fields.${path}`);
  const listKey = inRow.list.path.split(".").pop()!;
  return t("case:items.inRow", {
    row: t(`case:items.${listKey}.row`, { n: inRow.index + 1 }),
    field: t(`case:items.${listKey}.${inRow.item.key}`),
  });
}

/** The label of a case field: the same on every page. */
export function useFieldLabel() {
  const { t, i18n } = useTranslation();
  return {
    label: (path: string) => {
      const inRow = itemPathOf(path);
      return inRow ? t(`case:items.${inRow.list.path.split(".").pop()}.${inRow.item.key}`) : t(`screen:fields.${path}`);
    },
    hint: (path: string) => (i18n.exists(`intake:hints.${path}`) ? t(`intake:hints.${path}`) : undefined),
  };
}

function Wrapper({ error, children }: { error?: string; children: ReactNode }) {
  return <div className={`field${error ? " field--error" : ""}`}>{children}</div>;
}

/**
 * One question of the referral form, wired for both worlds: a named input that posts natively without JavaScript
 * (`defaultValue` from what was saved or typed) and, with it, registered with react-hook-form for inline validation.
 */
export function IntakeFieldInput({
  field,
  ctx,
  optionalMark = true,
}: {
  field: IntakeField;
  ctx: FieldContext;
  optionalMark?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.language) ? i18n.language : "en";
  const { label: labelOf, hint: hintOf } = useFieldLabel();
  const { path, kind } = field;
  const id = fieldId(path);
  const error = ctx.errors[path];
  const hint = hintOf(path);
  const value = ctx.values[path] ?? "";
  const label = `${labelOf(path)}${field.optional && optionalMark && kind.type !== "consent" ? ` ${t("forms.optional")}` : ""}`;
  const reg = (name: string) => {
    if (!ctx.register) return { name };
    const registered = ctx.register(name);
    return {
      ...registered,
      onBlur: async (event: { target: unknown; type?: unknown }) => {
        await registered.onBlur(event);
        ctx.onBlurField?.(path);
      },
    };
  };
  const aria = {
    "aria-describedby": describedBy(path, hint, error),
    "aria-invalid": error ? true : undefined,
  } as const;

  const radios = (options: { value: string; label: string; lang?: string }[], inline: boolean) => (
    <Wrapper error={error}>
      <fieldset aria-describedby={describedBy(path, hint, error)}>
        <legend>{label}</legend>
        <Hint name={path} hint={hint} />
        <FieldError name={path} error={error} />
        <div className={inline ? "choices" : undefined}>
          {options.map((o, index) => {
            const optionId = index === 0 ? id : `${id}-${o.value}`;
            return (
              <div className="choice" key={o.value}>
                <input type="radio" id={optionId} value={o.value} defaultChecked={value === o.value} {...reg(path)} />
                <label htmlFor={optionId} lang={o.lang}>
                  {o.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </Wrapper>
  );

  switch (kind.type) {
    case "list":
      return (
        <ListField
          path={path}
          legend={label}
          hint={hint}
          error={error}
          rows={Math.max(rowCount(ctx.values, path), ctx.rows?.[path] ?? 0)}
          max={kind.max}
          renderRow={(row) =>
            kind.item.map((item) => (
              <IntakeFieldInput
                key={item.key}
                field={{ path: `${row}.${item.key}`, kind: item.kind, optional: !item.required }}
                ctx={ctx}
              />
            ))
          }
        />
      );
    case "date": {
      const parts = [
        { key: "year", className: "input--year" },
        { key: "month", className: "input--short" },
        { key: "day", className: "input--short" },
      ] as const;
      return (
        <Wrapper error={error}>
          <fieldset role="group" aria-describedby={describedBy(path, hint, error)}>
            <legend>{label}</legend>
            <Hint name={path} hint={hint} />
            <FieldError name={path} error={error} />
            <div className="date-input">
              {parts.map((part, index) => {
                const partId = index === 0 ? id : `${id}-${part.key}`;
                return (
                  <div className="field" key={part.key}>
                    <label htmlFor={partId}>{t(`forms.date.${part.key}`)}</label>
                    <input
                      id={partId}
                      type="text"
                      inputMode="numeric"
                      autoComplete="off"
                      className={part.className}
                      defaultValue={ctx.values[`${path}.${part.key}`] ?? ""}
                      aria-invalid={error ? true : undefined}
                      {...reg(`${path}.${part.key}`)}
                    />
                  </div>
                );
              })}
            </div>
          </fieldset>
        </Wrapper>
      );
    }
    case "select":
    case "country": {
      const options =
        kind.type === "country"
          ? ctx.countries
          : kind.options.map((o) => ({
              value: o,
              label: kind.book === "screen:indications" ? t(`screen:indications.${o}`) : t(`${kind.book}.${o}`),
            }));
      return (
        <Wrapper error={error}>
          <label htmlFor={id}>{label}</label>
          <Hint name={path} hint={hint} />
          <FieldError name={path} error={error} />
          <select id={id} defaultValue={value} {...aria} {...reg(path)}>
            <option value="">{t("intake:form.choose")}</option>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Wrapper>
      );
    }
    case "radio": {
      const options = kind.options.map((o) => ({ value: o, label: t(`${kind.book}.${o}`) }));
      if (kind.unknownOption) options.push({ value: UNKNOWN, label: t("precheck:options.yesNoUnknown.unknown") });
      return radios(options, kind.options.length <= 4 && !kind.numeric);
    }
    case "yesNoUnknown":
      return radios(
        ["yes", "no", UNKNOWN].map((o) => ({ value: o, label: t(`precheck:options.yesNoUnknown.${o}`) })),
        true,
      );
    case "language":
      return radios(
        (["ko", "ja", "en"] as const).map((o) => ({ value: o, label: languageAutonyms[o], lang: o })),
        true,
      );
    case "site":
      return radios(
        [...siteCodes, "none" as const].map((o) => ({
          value: o,
          label: o === "none" ? t("precheck:options.sitePreference.none") : (ctx.siteNames[o]?.[lng] ?? o),
        })),
        false,
      );
    case "consent":
      return (
        <Wrapper error={error}>
          <FieldError name={path} error={error} />
          <div className="choice">
            <input
              type="checkbox"
              id={id}
              value="true"
              defaultChecked={value === "true"}
              aria-describedby={[`${id}-notice`, error ? `${id}-error` : null].filter(Boolean).join(" ")}
              aria-invalid={error ? true : undefined}
              {...reg(path)}
            />
            <label htmlFor={id}>{t(`intake:consent.${path.split(".")[1]}.checkbox`)}</label>
          </div>
        </Wrapper>
      );
    default: {
      if (kind.type === "text" && kind.multiline) {
        return (
          <Wrapper error={error}>
            <label htmlFor={id}>{label}</label>
            <Hint name={path} hint={hint} />
            <FieldError name={path} error={error} />
            <textarea id={id} rows={5} defaultValue={value} {...aria} {...reg(path)} />
          </Wrapper>
        );
      }
      const type = kind.type === "email" ? "email" : kind.type === "phone" ? "tel" : "text";
      const isNumber = kind.type === "number";
      const variant = kind.type === "text" ? kind.variant : undefined;
      const input = (
        <input
          id={id}
          type={type}
          inputMode={isNumber ? (kind.integer ? "numeric" : "decimal") : undefined}
          autoComplete="off"
          spellCheck={false}
          lang={variant === "reading" ? "ja" : variant === "latin" ? "en" : undefined}
          autoCapitalize={variant === "latin" ? "characters" : undefined}
          className={isNumber || variant === "code" ? "input--year" : undefined}
          defaultValue={value}
          {...aria}
          {...reg(path)}
        />
      );
      return (
        <Wrapper error={error}>
          <label htmlFor={id}>{label}</label>
          <Hint name={path} hint={hint} />
          <FieldError name={path} error={error} />
          {input}
        </Wrapper>
      );
    }
  }
}

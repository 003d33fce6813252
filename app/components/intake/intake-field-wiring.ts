import type { UseFormRegister } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { SiteNames } from "~/components/decision-panel/decision-panel";
import { fieldId } from "~/components/forms/error-summary";
import { describedBy } from "~/components/forms/field-parts";
import { itemPathOf } from "~/domain/case/field-catalogue";
import type { FlatValues, IntakeField } from "~/modules/intake/intake-form";

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

/**
 * How one question is wired: its id, label (marked optional where it is), hint, error and value, and `reg`, which
 * names an input and, with JavaScript, registers it with react-hook-form (a blur also lets the page tidy the field).
 */
export function useFieldWiring(field: IntakeField, ctx: FieldContext, optionalMark: boolean) {
  const { t } = useTranslation();
  const { label: labelOf, hint: hintOf } = useFieldLabel();
  const { path, kind } = field;
  const error = ctx.errors[path];
  const hint = hintOf(path);
  const optional = field.optional && optionalMark && kind.type !== "consent";
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
  return {
    path,
    id: fieldId(path),
    error,
    hint,
    value: ctx.values[path] ?? "",
    label: `${labelOf(path)}${optional ? ` ${t("forms.optional")}` : ""}`,
    reg,
    aria: { "aria-describedby": describedBy(path, hint, error), "aria-invalid": error ? true : undefined } as const,
  };
}

export type Wiring = ReturnType<typeof useFieldWiring>;

import { siteCodes } from "~/domain/routing/sites";
import { useTranslation } from "react-i18next";
import { ListField } from "~/components/forms/list-field";
import { rowCount } from "~/components/forms/repeatable-rows";
import { itemPathOf } from "~/domain/case/field-catalogue";
import { isLanguage, languageAutonyms } from "~/i18n/config";
import { UNKNOWN, type IntakeField } from "~/modules/intake/intake-form";
import { ConsentBox, DateParts, RadioChoices, SelectChoices, TextAnswer } from "./intake-field-inputs";
import { useFieldWiring, type FieldContext } from "./intake-field-wiring";

export { useFieldLabel, type FieldContext } from "./intake-field-wiring";

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

/** The choices of a question answered by radios, and whether they fit on one line; null for other kinds. */
function useRadioOptions(field: IntakeField, ctx: FieldContext) {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.language) ? i18n.language : "en";
  const { kind } = field;
  switch (kind.type) {
    case "radio": {
      const options = kind.options.map((o) => ({ value: o, label: t(`${kind.book}.${o}`) }));
      if (kind.unknownOption) options.push({ value: UNKNOWN, label: t("precheck:options.yesNoUnknown.unknown") });
      return { options, inline: kind.options.length <= 4 && !kind.numeric };
    }
    case "yesNoUnknown":
      return {
        options: ["yes", "no", UNKNOWN].map((o) => ({ value: o, label: t(`precheck:options.yesNoUnknown.${o}`) })),
        inline: true,
      };
    case "language":
      return {
        options: (["ko", "ja", "en"] as const).map((o) => ({ value: o, label: languageAutonyms[o], lang: o })),
        inline: true,
      };
    case "site":
      return {
        options: [...siteCodes, "none" as const].map((o) => ({
          value: o,
          label: o === "none" ? t("precheck:options.sitePreference.none") : (ctx.siteNames[o]?.[lng] ?? o),
        })),
        inline: false,
      };
    default:
      return null;
  }
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
  const { t } = useTranslation();
  const w = useFieldWiring(field, ctx, optionalMark);
  const radios = useRadioOptions(field, ctx);
  const { path, kind } = field;
  if (radios) return <RadioChoices w={w} options={radios.options} inline={radios.inline} />;
  switch (kind.type) {
    case "list":
      return (
        <ListField
          path={path}
          legend={w.label}
          hint={w.hint}
          error={w.error}
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
    case "date":
      return <DateParts w={w} values={ctx.values} />;
    case "select":
    case "country": {
      const options =
        kind.type === "country"
          ? ctx.countries
          : kind.options.map((o) => ({
              value: o,
              label: kind.book === "screen:indications" ? t(`screen:indications.${o}`) : t(`${kind.book}.${o}`),
            }));
      return <SelectChoices w={w} options={options} />;
    }
    case "consent":
      return <ConsentBox w={w} />;
    default:
      return <TextAnswer w={w} kind={kind} />;
  }
}

import { data } from "@remix-run/node";
import type { TFunction } from "i18next";
import type { Language } from "~/i18n/config";
import type { StaffActionResult } from "~/modules/queue/triage.service.server";
import type { Referral } from "~/modules/referrals/referral.mapper.server";
import { dayWarningLines } from "~/modules/scheduling/booking-view.server";
import { siteFacts } from "~/modules/sites/site-facts.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { otherSite } from "~/domain/routing/site-facts";
import type { Database } from "~/utils/db.server";
import { formValues, nestValues } from "~/utils/form.server";
import { notFound } from "~/utils/not-found.server";

export type Values = Record<string, string | string[]>;

/** What a refused step answers: each field's error, or one error for the whole form, and everything typed. */
export type ActionAnswer = {
  errors: Record<string, string>;
  formError?: string;
  values: Values;
  warnings?: { date: string; lines: string[] };
};

const listFields = new Set(["documents", "fields"]);

/** The posted form as the action's schema reads it: dates joined from their parts, checkbox groups as lists. */
export function readForm(form: FormData): { input: Record<string, unknown>; values: Values } {
  const flat = formValues(form);
  const values: Values = { ...flat };
  const input = nestValues(Object.fromEntries(Object.entries(flat).filter(([k]) => !listFields.has(k))));
  for (const name of listFields) {
    const list = form.getAll(name).filter((v): v is string => typeof v === "string");
    values[name] = list;
    input[name] = list;
  }
  return { input, values };
}

type Refused = Exclude<StaffActionResult, { ok: true }>;

const fieldError = (errors: Record<string, string>, values: Values, status: number) =>
  data<ActionAnswer>({ errors, values }, { status });

const formError = (message: string, values: Values, status: number) =>
  data<ActionAnswer>({ errors: {}, formError: message, values }, { status });

/** The refusals a field explains, with the field the error summary links to; null for the others. */
function fieldRefusal(result: Refused, values: Values, lng: Language, t: TFunction) {
  switch (result.code) {
    case "invalid_assignee":
      return fieldError({ assigneeId: t("queue:validation.assigneeRequired") }, values, 400);
    case "date_in_past":
      return fieldError({ date: t("queue:validation.dateInPast") }, values, 400);
    case "time_in_past":
      return fieldError({ time: t("scheduling:validation.dateInPast") }, values, 400);
    case "slot_gone":
      return fieldError({ slotId: t("scheduling:validation.slotGone") }, values, 409);
    case "slot_taken": {
      const field = values.slotId && values.slotId !== "other" ? "slotId" : "time";
      return fieldError({ [field]: t("scheduling:validation.slotTaken") }, values, 409);
    }
    case "confirm_day":
      // The day the booking falls on (the slot's, or the typed one) is the one the box confirms.
      return data<ActionAnswer>(
        {
          errors: { confirmDay: t("scheduling:validation.confirmDay") },
          values,
          warnings: { date: result.date, lines: dayWarningLines(result.date, result.warnings, lng, t) },
        },
        { status: 400 },
      );
    case "reason_required":
      return fieldError({ reasonCode: t("queue:validation.reasonRequired") }, values, 400);
    default:
      return null;
  }
}

/**
 * The answer to a step the service refused, in the reader's language: a field's error where one field is wrong, else
 * one message for the form (the clinical decision to sign off, the role, or a status that no longer allows the step).
 */
export async function refusalAnswer(
  db: Database,
  referral: Referral,
  result: Refused,
  values: Values,
  lng: Language,
  t: TFunction,
) {
  if (result.code === "not_found") throw notFound();
  const forField = fieldRefusal(result, values, lng, t);
  if (forField) return forField;
  switch (result.code) {
    case "clinical_decision_required":
    case "clinical_decision_differs":
    case "clinical_decision_changed": {
      const message = t(`decisions:signoff.${result.code.replace("clinical_decision_", "")}`, {
        recommendation: result.recommendation ? t(`decisions:recommendations.${result.recommendation}`) : "",
      });
      return formError(message, values, 409);
    }
    case "not_allowed_for_role":
      return formError(t("queue:errors.not_allowed_for_role"), values, 403);
    default: {
      const sites = await siteNames(db);
      const other = (otherSite(await siteFacts(db), referral.siteCode)?.code ?? "") as keyof typeof sites;
      const message = t(`queue:errors.${result.code}`, {
        status: t(`queue:status.${result.status ?? referral.status}`),
        site: sites[other]?.[lng] ?? other,
      });
      return formError(message, values, 409);
    }
  }
}

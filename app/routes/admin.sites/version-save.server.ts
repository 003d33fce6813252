import { data, redirect } from "@remix-run/node";
import type { TFunction } from "i18next";
import type { SettingChangeResult } from "~/modules/sites/versioned-site-setting.server";
import type { FormValues } from "~/utils/form.server";
import { notFound } from "~/utils/not-found.server";

/** What a page that saves a version of a site's setting answers a refused post with: why, and what was typed. */
export type VersionAnswer = { errors: Record<string, string>; formError?: string; values: FormValues };

/**
 * The answer to saving the next version of a site's setting (its configuration, contacts or checklist): back to the
 * sites page when saved; the form again, keeping what was typed, when the save changes nothing (400) or was made
 * from a version no longer in force (409, in the words `<ns>:errors.stale`); the empty 404 for a site that is gone.
 */
export function versionSaveAnswer(
  result: SettingChangeResult<string>,
  {
    t,
    ns,
    values,
    savedTo,
  }: { t: TFunction; ns: "sites" | "contacts" | "travel"; values: FormValues; savedTo: string },
) {
  if (result.ok) return redirect(savedTo);
  if (result.reason === "unknown_site") throw notFound();
  const refused = (formError: string, status: number) =>
    data<VersionAnswer>({ errors: {}, formError, values }, { status });
  if (result.reason === "unchanged") return refused(t(`${ns}:errors.unchanged`), 400);
  return refused(t(`${ns}:errors.stale`, { version: result.currentVersion }), 409);
}

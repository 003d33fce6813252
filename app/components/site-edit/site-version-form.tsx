import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PostForm } from "~/components/forms/post-form";
import { SubmitRow } from "~/components/forms/submit-row";
import { StaffPageHeader } from "~/components/staff-page-header/staff-page-header";
import { isLanguage, type Language } from "~/i18n/config";

/** Each setting's part of the sites page, where the way back lands, and its form's `data-form` name. */
const settings = {
  sites: { part: "section", form: "site-config" },
  contacts: { part: "contacts", form: "site-contacts" },
  travel: { part: "checklist", form: "travel-checklist" },
} as const;

type Props = {
  /** The setting, by the namespace of its words (`edit.heading`, `edit.lead`, `edit.submit`, `edit.cancel`). */
  ns: keyof typeof settings;
  /** The site's code, and its name in each language (the page shows the reader's). */
  site: { code: string; names: Record<Language, string> };
  /** The version in force, which this form's save follows. */
  version: number;
  /** The answer to a refused save: the form's errors, or why the save as a whole was refused. */
  answer?: { errors: Record<string, string>; formError?: string };
  /** The save is on its way: its button waits. */
  submitting?: boolean;
  /** The form's fields. */
  children: ReactNode;
};

/**
 * A page that writes the next version of one of a site's settings (its configuration, its contacts, its travel
 * checklist): the heading with the version in force and the one a save makes, the form's errors, the fields, and the
 * save beside the way back to the site on the sites page.
 */
export function SiteVersionForm({ ns, site, version, answer, submitting, children }: Props) {
  const { t, i18n } = useTranslation();
  const { part, form } = settings[ns];
  const back = { to: `/admin/sites#site-${site.code}-${part}`, text: t(`${ns}:edit.cancel`) };
  return (
    <>
      <StaffPageHeader
        back={back}
        heading={t(`${ns}:edit.heading`, { site: site.names[isLanguage(i18n.language) ? i18n.language : "en"] })}
        lead={t(`${ns}:edit.lead`, { current: version, next: version + 1 })}
        errors={answer?.errors ?? {}}
        formError={answer?.formError}
      />
      <PostForm className="form" noValidate data-form={form}>
        {/* A stale form is re-based on the version now in force, so saving again is a deliberate second decision. */}
        <input type="hidden" name="baseVersion" value={version} />
        {children}
        <SubmitRow submit={t(`${ns}:edit.submit`, { version: version + 1 })} cancel={back} disabled={submitting} />
      </PostForm>
    </>
  );
}

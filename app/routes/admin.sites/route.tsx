import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FactList } from "~/components/fact-list";
import { indicationKey } from "~/i18n/screen-keys";
import { indications } from "~/domain/case/vocabulary";
import { intlLocale, isLanguage, type Language } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n.server";
import { DataTable } from "~/components/data-table/data-table";
import { requireRole } from "~/modules/accounts/guards.server";
import { siteConfigChanges, type SiteConfigChanges } from "~/modules/sites/site-config.diff";
import { sitesOverview } from "~/modules/sites/sites.service.server";
import { getDb } from "~/utils/db.server";
import { siteContactBook } from "~/modules/site-contacts/site-contacts.service.server";
import { checklistVersions } from "~/modules/travel-checklist/travel-checklist-config.service.server";
import { SiteContactsSummary } from "./site-contacts-summary";
import stylesUrl from "./sites.css?url";
import { dateTimeFormat } from "~/i18n/format";
import { personName } from "~/i18n/person-name";
import { regionNames } from "~/i18n/intl-cache";

export const handle = { titleKey: "sites:pageTitle" };
export const links = () => [{ rel: "stylesheet", href: stylesUrl }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const { lng } = translatorFor(request);
  const db = await getDb();
  const sites = await sitesOverview(db);
  const contacts = await siteContactBook(db);
  const checklists = await checklistVersions(db);
  const regions = regionNames(intlLocale[lng]);
  const url = new URL(request.url);
  const savedSite = sites.find((s) => s.code === url.searchParams.get("saved"));
  // Formatted here, once, in the site's own time zone: the browser's Intl could word a date differently
  // from the server's and break hydration.
  return {
    saved: savedSite ? { code: savedSite.code, version: savedSite.current.version } : null,
    savedContacts: sites.some((s) => s.code === url.searchParams.get("contacts"))
      ? url.searchParams.get("contacts")
      : null,
    savedChecklist: sites.some((s) => s.code === url.searchParams.get("checklist"))
      ? url.searchParams.get("checklist")
      : null,
    sites: sites.map((site) => {
      const when = dateTimeFormat(lng, "dateTimeZone", site.timezone);
      return {
        ...site,
        countryName: regions.of(site.country) ?? site.country,
        contacts: contacts[site.code] ?? null,
        checklistVersion: checklists[site.code] ?? null,
        history: site.history.map((version, index) => {
          const previous = site.history[index + 1];
          return {
            ...version,
            changedAtText: when.format(new Date(version.changedAt)),
            changes: previous ? siteConfigChanges(previous, version) : null,
          };
        }),
      };
    }),
  };
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Site = LoaderData["sites"][number];

function nameIn(names: Site["names"], lng: string) {
  return names[isLanguage(lng) ? lng : "en"];
}

function YesNo({ value }: { value: boolean }) {
  const { t } = useTranslation();
  return <>{t(value ? "sites:config.yes" : "sites:config.no")}</>;
}

function LanguageList({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  return <>{codes.map((code) => t(`sites:languageNames.${code}`)).join(" · ")}</>;
}

function Changes({ changes }: { changes: SiteConfigChanges | null }) {
  const { t } = useTranslation();
  if (!changes) return <>{t("sites:history.initial")}</>;
  const yesNo = (value: boolean) => t(value ? "sites:config.yes" : "sites:config.no");
  const fromTo = (change: { from: boolean; to: boolean }) => ({ from: yesNo(change.from), to: yesNo(change.to) });
  const lines: React.ReactNode[] = [];
  const indicationList = (key: string, codes: string[]) => (
    <li key={key}>
      {t(`sites:history.${key}`)}
      <ul>
        {codes.map((code) => (
          <li key={code}>{t(indicationKey(code))}</li>
        ))}
      </ul>
    </li>
  );
  if (changes.removedIndications.length) lines.push(indicationList("removed", changes.removedIndications));
  if (changes.addedIndications.length) lines.push(indicationList("added", changes.addedIndications));
  if (changes.treatsOnSite) {
    lines.push(<li key="treats">{t("sites:history.treatsOnSite", fromTo(changes.treatsOnSite))}</li>);
  }
  if (changes.languages) {
    const names = (codes: string[]) => codes.map((c) => t(`sites:languageNames.${c}`)).join(" · ");
    lines.push(
      <li key="languages">
        {t("sites:history.languagesChanged", { from: names(changes.languages.from), to: names(changes.languages.to) })}
      </li>,
    );
  }
  if (changes.weeklyCapacity) {
    lines.push(<li key="capacity">{t("sites:history.capacityChanged", changes.weeklyCapacity)}</li>);
  }
  if (changes.clinicalSignoffRequired) {
    lines.push(<li key="signoff">{t("sites:history.clinicalSignoff", fromTo(changes.clinicalSignoffRequired))}</li>);
  }
  return lines.length ? <ul className="plain-list">{lines}</ul> : <>{t("sites:history.noChange")}</>;
}

/** The site's fixed facts: its names in the three languages, code, country and time zone. */
function SiteFacts({ site }: { site: Site }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t("sites:facts.heading")}</h3>
      <FactList
        className="summary-list"
        facts={[
          {
            label: t("sites:facts.names"),
            value: (
              <FactList
                className="inline-list"
                facts={(["ko", "ja", "en"] as const).map((lng) => ({
                  label: t(`sites:facts.nameIn.${lng}`),
                  value: site.names[lng],
                  valueProps: { lang: lng },
                }))}
              />
            ),
          },
          { label: t("sites:facts.code"), value: <code>{site.code}</code> },
          { label: t("sites:facts.country"), value: site.countryName },
          { label: t("sites:facts.timezone"), value: site.timezone },
        ]}
      />
    </>
  );
}

/** The indications the site accepts: none, or the list (led by "all of them" when it is every one). */
function AcceptedIndications({ site }: { site: Site }) {
  const { t } = useTranslation();
  const accepted = site.current.acceptedIndications;
  if (accepted.length === 0) return <>{t("sites:config.noIndications")}</>;
  return (
    <>
      {accepted.length === indications.length ? (
        <p className="summary-list__lead">{t("sites:config.allIndications", { count: indications.length })}</p>
      ) : null}
      <ul className="compact-list" data-accepted={site.code}>
        {accepted.map((code) => (
          <li key={code}>{t(indicationKey(code))}</li>
        ))}
      </ul>
    </>
  );
}

/** The site's configuration in force, and the link to edit it. */
function SiteConfigSummary({ site, name }: { site: Site; name: string }) {
  const { t } = useTranslation();
  const { current } = site;
  return (
    <>
      <h3>
        {t("sites:config.heading")}{" "}
        <span className="tag">{t("sites:config.versionLabel", { version: current.version })}</span>
      </h3>
      <FactList
        className="summary-list"
        facts={[
          {
            label: t("sites:config.acceptedIndications"),
            value: <AcceptedIndications site={site} />,
          },
          { label: t("sites:config.treatsOnSite"), value: <YesNo value={current.treatsOnSite} /> },
          { label: t("sites:config.languages"), value: <LanguageList codes={current.languages} /> },
          {
            label: t("sites:config.weeklyCapacity"),
            value: t("sites:config.weeklyCapacityValue", { count: current.weeklyCapacity }),
          },
          {
            label: t("sites:config.clinicalSignoff"),
            value: <YesNo value={current.clinicalSignoffRequired} />,
            valueProps: { "data-signoff": site.code },
          },
        ]}
      />
      <p>
        <Link className="button button--secondary" to={`/admin/sites/${site.code}`}>
          {t("sites:edit.link", { site: name })}
        </Link>
      </p>
    </>
  );
}

/** Every version of the site's configuration: when, by whom, and what changed. */
function SiteHistory({ site, name }: { site: Site; name: string }) {
  const { t } = useTranslation();
  return (
    <>
      <h3 id={`history-${site.code}`}>{t("sites:history.heading")}</h3>
      <DataTable
        labelledBy={`history-${site.code}`}
        regionClassName="table-scroll"
        data-history={site.code}
        caption={<caption className="visually-hidden">{t("sites:history.caption", { site: name })}</caption>}
        rows={site.history}
        rowKey={(v) => v.version}
        rowProps={(v) => ({ "data-version": v.version })}
        columns={[
          { key: "version", header: t("sites:history.version"), rowHeader: true, cell: (v) => v.version },
          {
            key: "when",
            header: t("sites:history.when"),
            cell: (v) => <time dateTime={v.changedAt}>{v.changedAtText}</time>,
          },
          {
            key: "who",
            header: t("sites:history.who"),
            cell: (v) =>
              v.changedBy
                ? personName(v.changedBy.familyName, v.changedBy.givenName)
                : t("sites:history.portalDefault"),
          },
          { key: "changes", header: t("sites:history.changes"), cell: (v) => <Changes changes={v.changes} /> },
          {
            key: "note",
            header: t("sites:history.note"),
            cell: (v) => v.note ?? "",
            cellProps: { className: "pre-wrap" },
          },
        ]}
      />
    </>
  );
}

function SiteSection({ site }: { site: Site }) {
  const { i18n } = useTranslation();
  const name = nameIn(site.names, i18n.language);
  return (
    <section className="site-config" aria-labelledby={`site-${site.code}`} id={`site-${site.code}-section`}>
      <h2 id={`site-${site.code}`}>{name}</h2>
      <SiteFacts site={site} />
      <SiteConfigSummary site={site} name={name} />
      <SiteContactsSummary
        code={site.code}
        name={name}
        contacts={site.contacts}
        checklistVersion={site.checklistVersion}
      />
      <SiteHistory site={site} name={name} />
    </section>
  );
}

export default function AdminSites() {
  const { t, i18n } = useTranslation();
  const { sites, saved, savedContacts, savedChecklist } = useLoaderData<typeof loader>();
  const savedOther = sites.find((s) => s.code === (savedContacts ?? savedChecklist));
  const savedSite = saved && sites.find((s) => s.code === saved.code);
  return (
    <>
      <h1>{t("sites:heading")}</h1>
      <p className="lead">{t("sites:lead")}</p>
      {savedSite ? (
        <div className="banner banner--success" role="status">
          <p>
            {t("sites:saved", { site: nameIn(savedSite.names, i18n.language as Language), version: saved.version })}
          </p>
        </div>
      ) : null}
      {savedOther ? (
        <div className="banner banner--success" role="status">
          <p>
            {t(savedContacts ? "contacts:admin.saved" : "travel:admin.saved", {
              site: nameIn(savedOther.names, i18n.language as Language),
            })}
          </p>
        </div>
      ) : null}
      {sites.map((site) => (
        <SiteSection key={site.code} site={site} />
      ))}
    </>
  );
}

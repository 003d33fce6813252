import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { indicationKey } from "~/i18n/screen-keys";
import { SelectField } from "~/components/forms/select-field";
import { TextField } from "~/components/forms/text-field";
import { indications, urgencies } from "~/domain/case/vocabulary";
import { personName } from "~/i18n/person-name";
import type { loadQueue } from "~/modules/queue/queue.service.server";
import {
  COUNT_CAP,
  queueQueryString,
  queueTabs,
  screenOutcomes,
  type QueueFilters,
} from "~/modules/queue/queue.schema";

type Loaded = Awaited<ReturnType<typeof loadQueue>>;

/** The filters that pick one code of a list ("any" when none is picked), and the words of each code. */
const codeFilters: {
  name: "indication" | "outcome" | "urgency";
  codes: readonly string[];
  labelKey: (code: string) => string;
}[] = [
  { name: "indication", codes: indications, labelKey: indicationKey },
  { name: "outcome", codes: screenOutcomes, labelKey: (code) => `screen:outcomes.${code}.label` },
  { name: "urgency", codes: urgencies, labelKey: (code) => `queue:urgency.${code}` },
];

export function Filters({ filters, staff }: { filters: QueueFilters; staff: Loaded["staff"] }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="queue-filters" aria-labelledby="filters-heading" data-form="queue-filters">
      <h2 id="filters-heading" className="visually-hidden">
        {t("queue:filters.heading")}
      </h2>
      <input type="hidden" name="tab" value={filters.tab} />
      <TextField
        name="q"
        type="search"
        label={t("queue:filters.search")}
        hint={t("queue:filters.searchHint")}
        defaultValue={filters.q ?? ""}
        autoComplete="off"
        spellCheck={false}
      />
      {codeFilters.map(({ name, codes, labelKey }) => (
        <SelectField
          key={name}
          name={name}
          label={t(`queue:filters.${name}`)}
          placeholder={t("queue:filters.any")}
          options={codes.map((code) => ({ value: code, label: t(labelKey(code)) }))}
          defaultValue={filters[name] ?? ""}
        />
      ))}
      <SelectField
        name="assignee"
        label={t("queue:filters.assignee")}
        placeholder={t("queue:filters.anyone")}
        options={[
          { value: "me", label: t("queue:filters.me") },
          { value: "none", label: t("queue:filters.unassigned") },
          ...staff.map((p) => ({ value: p.id, label: personName(p.familyName, p.givenName) })),
        ]}
        defaultValue={filters.assignee ?? ""}
      />
      <div className="choice">
        <input type="checkbox" id="filter-breach" name="breach" value="1" defaultChecked={!!filters.breach} />
        <label htmlFor="filter-breach">{t("queue:filters.breach")}</label>
      </div>
      <div className="button-row field">
        <button type="submit" className="button">
          {t("queue:filters.apply")}
        </button>
        <Link to={`/queue?tab=${filters.tab}`}>{t("queue:filters.clear")}</Link>
      </div>
    </Form>
  );
}

export function Tabs({
  filters,
  counts,
  atLeast,
}: {
  filters: QueueFilters;
  counts: Loaded["counts"];
  atLeast: boolean;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("queue:tabs.label")}>
      <ul className="queue-tabs">
        {queueTabs.map((tab) => {
          const count = counts[tab];
          // Capped (or, for a very broad name search, counted from part of its matches): "n+".
          const shown =
            count >= COUNT_CAP || (atLeast && count > 0)
              ? t("queue:tabs.capped", { count: Math.min(count, COUNT_CAP) })
              : String(count);
          return (
            <li key={tab}>
              <Link
                to={`/queue?${queueQueryString({ ...filters, tab })}`}
                aria-current={filters.tab === tab ? "page" : undefined}
                data-tab={tab}
              >
                {t(`queue:tabs.${tab}`)}
                <span className="count" data-count={count}>
                  <span className="visually-hidden">{t("queue:tabs.countLabel")}</span>
                  {shown}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

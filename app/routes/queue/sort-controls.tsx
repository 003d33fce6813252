import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldRowSubmit } from "~/components/forms/field-row-submit";
import { SelectField } from "~/components/forms/select-field";
import {
  queueQueryString,
  queueSortColumns,
  type QueueFilters,
  type QueueSortColumn,
} from "~/modules/queue/queue.schema";

/**
 * A column header that sorts the queue: a link (works without JavaScript) to the same view sorted by this column,
 * ascending first, then the other way. aria-sort tells assistive technology which column sorts the table now.
 */
export function SortHeader({ column, filters }: { column: QueueSortColumn; filters: QueueFilters }) {
  const { t } = useTranslation();
  const current = filters.sort === column ? (filters.dir ?? "asc") : null;
  const next = current === "asc" ? "desc" : "asc";
  return (
    <th
      scope="col"
      aria-sort={current ? (current === "asc" ? "ascending" : "descending") : undefined}
      data-column={column}
    >
      <Link
        to={`/queue?${queueQueryString({ ...filters, sort: column, dir: next })}`}
        className="sort-link"
        data-sort={column}
      >
        {t(`queue:columns.${column}`)}
        <span aria-hidden="true" className="sort-link__icon">
          {current === "asc" ? "▲" : current === "desc" ? "▼" : "↕"}
        </span>
        <span className="visually-hidden">{t(next === "asc" ? "queue:sort.ascending" : "queue:sort.descending")}</span>
      </Link>
    </th>
  );
}

/** Sorting where the headers are hidden (a phone shows each referral as a card): the same choice as a small form. */
export function SortForm({ filters }: { filters: QueueFilters }) {
  const { t } = useTranslation();
  const kept = new URLSearchParams(queueQueryString({ ...filters, sort: undefined, dir: undefined }));
  return (
    <Form method="get" className="queue-sort" data-form="queue-sort">
      {[...kept.entries()].map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SelectField
        name="sort"
        label={t("queue:sort.label")}
        placeholder={t("queue:sort.default")}
        options={queueSortColumns.map((column) => ({ value: column, label: t(`queue:columns.${column}`) }))}
        defaultValue={filters.sort ?? ""}
      />
      <SelectField
        name="dir"
        label={t("queue:sort.direction")}
        options={[
          { value: "asc", label: t("queue:sort.asc") },
          { value: "desc", label: t("queue:sort.desc") },
        ]}
        defaultValue={filters.dir ?? "asc"}
      />
      <FieldRowSubmit variant="secondary">{t("queue:sort.apply")}</FieldRowSubmit>
    </Form>
  );
}

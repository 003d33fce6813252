import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { indicationKey } from "~/i18n/screen-keys";
import { SelectField } from "~/components/forms/select-field";
import { ClockText } from "~/components/queue/clock-text";
import { personName } from "~/i18n/person-name";
import type { loadQueue } from "~/modules/queue/queue.service.server";
import { queueSortColumns, type QueueFilters } from "~/modules/queue/queue.schema";
import { SortHeader } from "./sort-controls";

type Loaded = Awaited<ReturnType<typeof loadQueue>>;
/** A queue row with its dates already written out for the reader (by the loader, so server and browser agree). */
type ListRow = Omit<Loaded["rows"][number], "submittedOn"> & { dueOn: string | null; submittedOn: string | null };

function nameOf(person: { familyName: string; givenName: string }) {
  return personName(person.familyName, person.givenName);
}

/** One referral of the queue: a table row on a wide screen, a card on a phone (each cell names itself). */
function QueueTableRow({ row }: { row: ListRow }) {
  const { t } = useTranslation();
  return (
    <tr data-referral={row.id} data-code={row.referenceCode} data-status={row.status}>
      <td className="queue-table__select">
        <input
          type="checkbox"
          name="ids"
          value={row.id}
          id={`select-${row.id}`}
          aria-label={t("queue:columns.selectOne", { code: row.referenceCode })}
        />
      </td>
      {/* data-label names each cell where a phone shows the row as a card without the header row. */}
      <td className="nowrap queue-table__code" data-label={t("queue:columns.code")}>
        <Link to={`/queue/${row.id}`}>{row.referenceCode}</Link>
      </td>
      <td data-label={t("queue:columns.patient")}>
        <span className="nowrap">{nameOf(row)}</span>
        {row.latinName ? (
          <>
            <br />
            <span className="nowrap">{row.latinName}</span>
          </>
        ) : null}
      </td>
      <td data-label={t("queue:columns.indication")}>{row.indication ? t(indicationKey(row.indication)) : null}</td>
      <td data-label={t("queue:columns.screen")}>
        {row.outcome ? (
          <span className={`tag tag--${row.outcome}`}>{t(`screen:outcomes.${row.outcome}.label`)}</span>
        ) : null}
      </td>
      <td data-label={t("queue:columns.urgency")}>
        {row.urgency === "urgent" ? <strong>{t("queue:urgency.urgent")}</strong> : t("queue:urgency.routine")}
      </td>
      <td data-label={t("queue:columns.status")}>{t(`queue:status.${row.status}`)}</td>
      <td className="queue-table__clock" data-label={t("queue:columns.clock")} data-testid="queue-clock">
        <ClockText clock={row.clock} dueOn={row.dueOn} status={row.status} compact />
      </td>
      <td data-label={t("queue:columns.assignee")}>
        {row.assignee ? nameOf(row.assignee) : t("queue:list.unassigned")}
      </td>
      <td className="nowrap" data-label={t("queue:columns.received")}>
        {row.submittedOn}
      </td>
    </tr>
  );
}

/** Claim or assign the ticked referrals at once. */
function BulkFields({ staff, errors }: { staff: Loaded["staff"]; errors?: Record<string, string> }) {
  const { t } = useTranslation();
  const bulkErrors = errors;
  return (
    <fieldset className="queue-bulk">
      <legend className="visually-hidden">{t("queue:bulk.legend")}</legend>
      <SelectField
        name="bulkAction"
        label={t("queue:bulk.action")}
        placeholder={t("queue:bulk.choose")}
        options={[
          { value: "claim", label: t("queue:bulk.claim") },
          { value: "assign", label: t("queue:bulk.assign") },
        ]}
        error={bulkErrors?.bulkAction}
      />
      <SelectField
        name="assigneeId"
        label={t("queue:bulk.assignee")}
        placeholder={t("queue:bulk.choose")}
        options={staff.map((p) => ({ value: p.id, label: `${nameOf(p)} (${t(`roles.${p.role}`)})` }))}
        error={bulkErrors?.assigneeId}
      />
      <div className="field">
        <button type="submit" className="button">
          {t("queue:bulk.submit")}
        </button>
      </div>
      {bulkErrors?.ids ? (
        <p className="field-error" id="field-ids">
          {bulkErrors.ids}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The tab's referrals, sortable by each column, with the bulk claim and assign below. */
export function QueueTable({
  rows,
  filters,
  query,
  staff,
  bulkErrors,
}: {
  rows: ListRow[];
  filters: QueueFilters;
  query: string;
  staff: Loaded["staff"];
  bulkErrors?: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" action={`/queue?${query}`} data-form="bulk">
      <CsrfInput />
      <input type="hidden" name="intent" value="bulk" />
      <div className="table-scroll" role="region" aria-labelledby="queue-heading" tabIndex={0}>
        <table className="queue-table" aria-labelledby="queue-heading" data-testid="queue-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t("queue:columns.select")}</span>
              </th>
              {queueSortColumns.map((column) => (
                <SortHeader key={column} column={column} filters={filters} />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <QueueTableRow key={row.id} row={row} />
            ))}
          </tbody>
        </table>
      </div>
      <BulkFields staff={staff} errors={bulkErrors} />
    </Form>
  );
}

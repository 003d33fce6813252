import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { DataTable, type DataColumn } from "~/components/data-table/data-table";
import { indicationKey } from "~/i18n/screen-keys";
import { FieldRowSubmit } from "~/components/forms/field-row-submit";
import { SelectField } from "~/components/forms/select-field";
import { ClockText } from "~/components/queue/clock-text";
import { personName } from "~/i18n/person-name";
import type { loadQueue } from "~/modules/queue/queue.service.server";
import { queueSortColumns, type QueueFilters, type QueueSortColumn } from "~/modules/queue/queue.schema";
import { SortHeader } from "./sort-controls";

type Loaded = Awaited<ReturnType<typeof loadQueue>>;
/** A queue row with its dates already written out for the reader (by the loader, so server and browser agree). */
type ListRow = Omit<Loaded["rows"][number], "submittedOn"> & { dueOn: string | null; submittedOn: string | null };

function nameOf(person: { familyName: string; givenName: string }) {
  return personName(person.familyName, person.givenName);
}

/** Each column's cell, and the cell's class where it has one. */
type QueueCell = { cell: (row: ListRow) => ReactNode; className?: string; testId?: string };

/** The cells of one referral of the queue, by column, in the order the sort columns list them. */
function useQueueCells(): Record<QueueSortColumn, QueueCell> {
  const { t } = useTranslation();
  return {
    code: {
      className: "nowrap queue-table__code",
      cell: (row) => <Link to={`/queue/${row.id}`}>{row.referenceCode}</Link>,
    },
    patient: { cell: (row) => <PatientNames row={row} /> },
    indication: { cell: (row) => (row.indication ? t(indicationKey(row.indication)) : null) },
    screen: {
      cell: (row) =>
        row.outcome ? (
          <span className={`tag tag--${row.outcome}`}>{t(`screen:outcomes.${row.outcome}.label`)}</span>
        ) : null,
    },
    urgency: {
      cell: (row) =>
        row.urgency === "urgent" ? <strong>{t("queue:urgency.urgent")}</strong> : t("queue:urgency.routine"),
    },
    status: { cell: (row) => t(`queue:status.${row.status}`) },
    clock: {
      className: "queue-table__clock",
      testId: "queue-clock",
      cell: (row) => <ClockText clock={row.clock} dueOn={row.dueOn} status={row.status} compact />,
    },
    assignee: { cell: (row) => (row.assignee ? nameOf(row.assignee) : t("queue:list.unassigned")) },
    received: { className: "nowrap", cell: (row) => row.submittedOn },
  };
}

function PatientNames({ row }: { row: ListRow }) {
  return (
    <>
      <span className="nowrap">{nameOf(row)}</span>
      {row.latinName ? (
        <>
          <br />
          <span className="nowrap">{row.latinName}</span>
        </>
      ) : null}
    </>
  );
}

/**
 * The queue's columns: a tick box, then one sortable column each. A phone shows each row as a card without the
 * header row, so `data-label` names each cell there.
 */
function useQueueColumns(filters: QueueFilters): DataColumn<ListRow>[] {
  const { t } = useTranslation();
  const cells = useQueueCells();
  const select: DataColumn<ListRow> = {
    key: "select",
    header: <span className="visually-hidden">{t("queue:columns.select")}</span>,
    cellProps: { className: "queue-table__select" },
    cell: (row) => (
      <input
        type="checkbox"
        name="ids"
        value={row.id}
        id={`select-${row.id}`}
        aria-label={t("queue:columns.selectOne", { code: row.referenceCode })}
      />
    ),
  };
  return [
    select,
    ...queueSortColumns.map((column) => ({
      key: column,
      header: t(`queue:columns.${column}`),
      headerCell: <SortHeader column={column} filters={filters} />,
      cell: cells[column].cell,
      cellProps: {
        className: cells[column].className,
        "data-label": t(`queue:columns.${column}`),
        "data-testid": cells[column].testId,
      },
    })),
  ];
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
      <FieldRowSubmit>{t("queue:bulk.submit")}</FieldRowSubmit>
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
  const columns = useQueueColumns(filters);
  return (
    <Form method="post" action={`/queue?${query}`} data-form="bulk">
      <CsrfInput />
      <input type="hidden" name="intent" value="bulk" />
      <DataTable
        labelledBy="queue-heading"
        regionClassName="table-scroll"
        className="queue-table"
        data-testid="queue-table"
        columns={columns}
        rows={rows}
        rowKey={(row) => row.id}
        rowProps={(row) => ({ "data-referral": row.id, "data-code": row.referenceCode, "data-status": row.status })}
      />
      <BulkFields staff={staff} errors={bulkErrors} />
    </Form>
  );
}

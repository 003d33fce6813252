// The audit search as it arrives in a URL (the page's GET form, the CSV export's link): read once, the same way for
// both, so the export holds exactly the events the page found.
import { nestValues, type FormValues } from "~/utils/form.server";
import { auditSearchSchema } from "./audit-log.schema";

const searchParams = [
  "code",
  "actor",
  "action",
  "subjectType",
  "subjectId",
  "from.year",
  "from.month",
  "from.day",
  "to.year",
  "to.month",
  "to.day",
];

export function readAuditQuery(url: URL) {
  const values: FormValues = {};
  for (const name of searchParams) {
    const value = url.searchParams.get(name);
    if (value !== null) values[name] = value;
  }
  // The filters without the cursor: the base of every pager link and of the export link.
  const filterQuery = new URLSearchParams(Object.entries(values).filter(([, v]) => v.trim() !== "")).toString();
  const nested = nestValues(values);
  const parsed = auditSearchSchema.safeParse({
    ...nested,
    before: url.searchParams.get("before") || undefined,
    after: url.searchParams.get("after") || undefined,
  });
  const form = {
    code: values.code ?? "",
    actor: values.actor ?? "",
    action: values.action ?? "",
    subjectType: values.subjectType ?? "",
    subjectId: values.subjectId ?? "",
    from: typeof nested.from === "string" ? nested.from : "",
    to: typeof nested.to === "string" ? nested.to : "",
  };
  return { parsed, form, filterQuery };
}

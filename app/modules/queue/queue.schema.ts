// The site queue's vocabulary and forms: tabs, filters, cursors and the triage actions' zod schemas.
// Pure (no server imports): the pages and the services read the same definitions. Messages are translation keys
// of the "queue" namespace, translated per request.
import { z } from "zod";
import { fieldCatalogue, type CasePath } from "~/domain/case/field-catalogue";
import { indications, urgencies } from "~/domain/case/vocabulary";
import { queueTabs, type QueueTab } from "~/domain/workflow/queue-tabs";
import { checklistFor } from "~/modules/intake/checklist";
import { alwaysCheck } from "~/utils/always-check";
import { bookingSchema } from "~/modules/scheduling/slots.schema";

export { queueTabs, tabOf, tabStatuses, type QueueTab } from "~/domain/workflow/queue-tabs";

export const screenOutcomes = ["likely_eligible", "needs_review", "not_eligible"] as const;
export const PAGE_SIZE = 25;
/** Tab counts stop at this number ("1,000+"): an exact count of a million rows would cost more than the page. */
export const COUNT_CAP = 1000;

/** The queue's columns a person may sort by (the column keys of queue:columns.*). */
export const queueSortColumns = [
  "code",
  "patient",
  "indication",
  "screen",
  "urgency",
  "status",
  "clock",
  "assignee",
  "received",
] as const;
export type QueueSortColumn = (typeof queueSortColumns)[number];
export type SortDirection = "asc" | "desc";

export type QueueFilters = {
  tab: QueueTab;
  indication?: (typeof indications)[number];
  outcome?: (typeof screenOutcomes)[number];
  urgency?: (typeof urgencies)[number];
  /** "me", "none" (unassigned) or a staff member's id. */
  assignee?: string;
  breach?: true;
  q?: string;
  /** A column chosen to sort by; without it, the tab's own order (urgent first, nearest due date). */
  sort?: QueueSortColumn;
  dir?: SortDirection;
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const filterSchema = z.object({
  tab: z.enum(queueTabs).catch("triage"),
  indication: z.enum(indications).optional().catch(undefined),
  outcome: z.enum(screenOutcomes).optional().catch(undefined),
  urgency: z.enum(urgencies).optional().catch(undefined),
  assignee: z
    .string()
    .refine((v) => v === "me" || v === "none" || uuid.test(v))
    .optional()
    .catch(undefined),
  breach: z
    .literal("1")
    .transform(() => true as const)
    .optional()
    .catch(undefined),
  q: z
    .string()
    .trim()
    .max(100)
    .transform((v) => v || undefined)
    .optional()
    .catch(undefined),
  sort: z.enum(queueSortColumns).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
});

/** Reads the queue's query string; anything unknown or malformed is dropped rather than refused (it is a URL). */
export function parseQueueQuery(params: URLSearchParams): { filters: QueueFilters; cursor: string | null } {
  const raw = Object.fromEntries(
    ["tab", "indication", "outcome", "urgency", "assignee", "breach", "q", "sort", "dir"].map((k) => [
      k,
      params.get(k) || undefined,
    ]),
  );
  const parsed = filterSchema.parse(raw);
  const filters: QueueFilters = { tab: parsed.tab };
  if (parsed.indication) filters.indication = parsed.indication;
  if (parsed.outcome) filters.outcome = parsed.outcome;
  if (parsed.urgency) filters.urgency = parsed.urgency;
  if (parsed.assignee) filters.assignee = parsed.assignee;
  if (parsed.breach) filters.breach = true;
  if (parsed.q) filters.q = parsed.q;
  if (parsed.sort) {
    filters.sort = parsed.sort;
    filters.dir = parsed.dir ?? "asc";
  }
  const cursor = params.get("after");
  return { filters, cursor: cursor && cursor.length <= 400 ? cursor : null };
}

/** The query string of a queue view (no cursor): links, tabs and saved views. */
export function queueQueryString(filters: QueueFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  params.set("tab", filters.tab);
  if (filters.indication) params.set("indication", filters.indication);
  if (filters.outcome) params.set("outcome", filters.outcome);
  if (filters.urgency) params.set("urgency", filters.urgency);
  if (filters.assignee) params.set("assignee", filters.assignee);
  if (filters.breach) params.set("breach", "1");
  if (filters.q) params.set("q", filters.q);
  if (filters.sort) {
    params.set("sort", filters.sort);
    params.set("dir", filters.dir ?? "asc");
  }
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

// --- Triage actions -------------------------------------------------------------------------------------------

/**
 * The documents a coordinator may ask for: every item the intake checklist can name, for any indication
 * (app/modules/intake/checklist.ts, from eligibility.md's "Documents a receiving team needs"), so a request names
 * exactly what the physician's checklist names, in the same words (intake:documents.items.*).
 */
export const requestableDocuments: readonly string[] = [
  ...new Set([null, ...indications].flatMap((indication) => checklistFor(indication, []).map((line) => line.id))),
];

/**
 * The case fields a request may name, in the order the case page shows them: the field catalogue's requestable
 * fields (app/domain/case/field-catalogue.ts), so a field added to the case is requestable without a second list.
 */
export const requestableFields = fieldCatalogue
  .filter((field) => field.requestable)
  .map((field) => field.path) as unknown as readonly [CasePath, ...CasePath[]];

// Reason codes shared with the demo data (db/demo-referrals.ts); their words are in locales/*/queue.json.
export const declineReasons = [
  "outside_criteria",
  "alternative_recommended",
  "not_fit_for_treatment",
  "prior_radiotherapy",
  "disease_extent",
  "no_response",
  "patient_choice",
  "other",
] as const;
export const redirectReasons = [
  "treatment_on_site",
  "home_country_workup",
  "patient_preference",
  "capacity",
  "expertise",
  "other",
] as const;

// The staff actions and their slugs: in ./queue-actions (no zod) for the staff referral page's bundle.
export {
  actionOfSlug,
  actionSlugs,
  formActions,
  staffActions,
  type FormAction,
  type StaffAction,
} from "./queue-actions";
import type { StaffAction } from "./queue-actions";

const NOTE_MAX = 2000;
const note = z
  .string()
  .trim()
  .max(NOTE_MAX, { message: "queue:validation.tooLong" })
  .optional()
  .transform((v) => v || undefined);

export const actionSchemas = {
  claim: z.object({}),
  assign: z.object({
    assigneeId: z
      .string({ message: "queue:validation.assigneeRequired" })
      .regex(uuid, { message: "queue:validation.assigneeRequired" }),
  }),
  request_info: z
    .object({
      documents: z
        .array(
          z.string().refine((id) => requestableDocuments.includes(id), { message: "queue:validation.invalidChoice" }),
        )
        .default([]),
      fields: z.array(z.enum(requestableFields, { message: "queue:validation.invalidChoice" })).default([]),
      message: note,
    })
    // Checked even when the message is wrong too, so both problems show at once.
    .check(
      alwaysCheck<{ documents: string[]; fields: string[] }>((v, ctx) => {
        const count = (list: unknown) => (Array.isArray(list) ? list.length : 0);
        if (count(v.documents) + count(v.fields) === 0)
          ctx.addIssue({ code: "custom", message: "queue:validation.itemsRequired", path: ["documents"] });
      }),
    ),
  accept: z.object({ note }),
  decline: z
    .object({ reasonCode: z.enum(declineReasons, { message: "queue:validation.reasonRequired" }), note })
    .refine((v) => v.reasonCode !== "other" || !!v.note, {
      message: "queue:validation.noteRequiredForOther",
      path: ["note"],
    }),
  redirect: z
    .object({ reasonCode: z.enum(redirectReasons, { message: "queue:validation.reasonRequired" }), note })
    .refine((v) => v.reasonCode !== "other" || !!v.note, {
      message: "queue:validation.noteRequiredForOther",
      path: ["note"],
    }),
  // Booking into the site's slots (app/modules/scheduling): a free slot, or a date and time of the coordinator's own.
  schedule: bookingSchema,
  close: z.object({ note }),
} satisfies Record<StaffAction, z.ZodType>;

export type ActionInput<A extends StaffAction> = z.output<(typeof actionSchemas)[A]>;

export const noteSchema = z.object({
  body: z
    .string({ message: "queue:validation.textRequired" })
    .trim()
    .min(1, { message: "queue:validation.textRequired" })
    .max(NOTE_MAX, { message: "queue:validation.tooLong" }),
});

export const savedViewSchema = z.object({
  name: z
    .string({ message: "queue:validation.viewNameRequired" })
    .trim()
    .min(1, { message: "queue:validation.viewNameRequired" })
    .max(60, { message: "queue:validation.tooLong" }),
});

export const bulkSchema = z
  .object({
    bulkAction: z.enum(["claim", "assign"], { message: "queue:validation.bulkActionRequired" }),
    ids: z
      .array(z.string().regex(uuid))
      .min(1, { message: "queue:validation.selectionRequired" })
      .max(PAGE_SIZE * 4),
    assigneeId: z.string().regex(uuid).optional().catch(undefined),
  })
  .refine((v) => v.bulkAction !== "assign" || !!v.assigneeId, {
    message: "queue:validation.assigneeRequired",
    path: ["assigneeId"],
  });

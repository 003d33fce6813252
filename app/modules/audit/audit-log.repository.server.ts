import { sql, type ExpressionBuilder } from "kysely";
import type { Database } from "~/utils/db.server";
import type { DB } from "../../../db/types";

// Reading the audit log for the admin audit page. Writing stays in audit.repository.server.ts (append only).

export type AuditFilter = {
  /** Only events by these accounts (already resolved from what the administrator typed); an empty list matches nothing. */
  actorIds?: string[];
  action?: string;
  subjectType?: string;
  subjectId?: string;
  /** ISO instants: occurred_at ≥ since and < until. */
  since?: string;
  until?: string;
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Accounts whose email or name contains the text (any case, spaces ignored, so "박 지훈", "박지훈" and "jihoon"
 * all find 박지훈), or whose id it is.
 */
export async function userIdsMatching(db: Database, text: string, limit: number): Promise<string[]> {
  const pattern = `%${escapeLike(text.toLowerCase().replace(/\s+/g, ""))}%`;
  const rows = await db
    .selectFrom("users")
    .select("id")
    .where((eb) =>
      eb.or([
        eb("id", "=", text),
        eb(sql`lower(email)`, "like", sql`${pattern} escape '\\'`),
        eb(sql`lower(replace(family_name || given_name, ' ', ''))`, "like", sql`${pattern} escape '\\'`),
        eb(sql`lower(replace(given_name || family_name, ' ', ''))`, "like", sql`${pattern} escape '\\'`),
      ]),
    )
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

function matching(eb: ExpressionBuilder<DB, "audit_events">, filter: AuditFilter) {
  const conditions = [];
  if (filter.actorIds)
    conditions.push(filter.actorIds.length ? eb("audit_events.actor_user_id", "in", filter.actorIds) : eb.lit(false));
  if (filter.action) conditions.push(eb("audit_events.action", "=", filter.action));
  if (filter.subjectType) conditions.push(eb("audit_events.subject_type", "=", filter.subjectType));
  if (filter.subjectId) conditions.push(eb("audit_events.subject_id", "=", filter.subjectId));
  if (filter.since) conditions.push(eb("audit_events.occurred_at", ">=", filter.since));
  if (filter.until) conditions.push(eb("audit_events.occurred_at", "<", filter.until));
  return eb.and(conditions);
}

/**
 * One page of matching events with their actor's account, by keyset on seq: newest first, or, with `after`,
 * the page just newer than `after` (still returned newest first).
 */
export async function auditEventsPage(
  db: Database,
  filter: AuditFilter,
  page: { before?: number; after?: number; size: number },
) {
  const ascending = page.after !== undefined && page.before === undefined;
  const rows = await db
    .selectFrom("audit_events")
    .leftJoin("users", "users.id", "audit_events.actor_user_id")
    // What the event is about, in words people use: a referral's code, an account's name.
    .leftJoin("referrals as subject_referral", (join) =>
      join
        .onRef("subject_referral.id", "=", "audit_events.subject_id")
        .on("audit_events.subject_type", "=", "referral"),
    )
    .leftJoin("users as subject_user", (join) =>
      join.onRef("subject_user.id", "=", "audit_events.subject_id").on("audit_events.subject_type", "=", "user"),
    )
    .select([
      "audit_events.seq",
      "audit_events.occurred_at",
      "audit_events.actor_user_id",
      "audit_events.actor_role",
      "audit_events.action",
      "audit_events.subject_type",
      "audit_events.subject_id",
      "audit_events.detail",
      "audit_events.ip",
      "users.email as actor_email",
      "users.family_name as actor_family_name",
      "users.given_name as actor_given_name",
      "subject_referral.reference_code as subject_reference_code",
      "subject_user.family_name as subject_family_name",
      "subject_user.given_name as subject_given_name",
    ])
    .where((eb) => matching(eb, filter))
    .$if(page.before !== undefined, (q) => q.where("audit_events.seq", "<", page.before!))
    .$if(ascending, (q) => q.where("audit_events.seq", ">", page.after!))
    .orderBy("audit_events.seq", ascending ? "asc" : "desc")
    .limit(page.size)
    .execute();
  return ascending ? rows.reverse() : rows;
}

/** Whether any matching event lies beyond `seq` in that direction (for the pager's links). */
export async function auditEventExists(
  db: Database,
  filter: AuditFilter,
  direction: "older" | "newer",
  seq: number,
): Promise<boolean> {
  const row = await db
    .selectFrom("audit_events")
    .select("seq")
    .where((eb) => matching(eb, filter))
    .where("seq", direction === "older" ? "<" : ">", seq)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

export async function distinctAuditActions(db: Database): Promise<string[]> {
  return (await db.selectFrom("audit_events").select("action").distinct().orderBy("action").execute()).map(
    (r) => r.action,
  );
}

export async function distinctAuditSubjectTypes(db: Database): Promise<string[]> {
  return (await db.selectFrom("audit_events").select("subject_type").distinct().orderBy("subject_type").execute()).map(
    (r) => r.subject_type,
  );
}

export async function countAuditEvents(db: Database): Promise<number> {
  const row = await db
    .selectFrom("audit_events")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The referral with this reference code (already normalised), for a search by code. */
export async function referralIdByCode(db: Database, referenceCode: string): Promise<string | null> {
  const row = await db
    .selectFrom("referrals")
    .select("id")
    .where("reference_code", "=", referenceCode)
    .executeTakeFirst();
  return row?.id ?? null;
}

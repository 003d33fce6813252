import { auditBy } from "~/modules/audit/audit.service.server";
import type { Database } from "~/utils/db.server";
import { newId } from "~/utils/tokens.server";
import type { AccountAction, StaffInput } from "./accounts.schema";
import {
  findUserByEmail,
  findUserById,
  insertUser,
  listAccounts,
  siteNameRows,
  updateUserStatus,
  type AccountListRow,
  type AccountStatus,
} from "./accounts.repository.server";
import type { RequestContext } from "./accounts.service.server";
import { toAccountSummary, type AccountSummary } from "./account.mapper.server";
import { hashPassword } from "./password.server";
import { newUserRow } from "./new-user-row.server";
import { normalizePassword } from "./password-policy";
import { revokeUserSessions } from "./session.repository.server";
import type { SessionUser } from "./session.server";

/** Who may open the accounts page at all; what each may do there is decided below. */
export const accountApprovers = ["admin", "coordinator"] as const;

const LIST_LIMIT = 500;

/**
 * The accounts an approver sees: an administrator every account, a coordinator only physicians awaiting approval
 * (workflow.md: an account is active once an administrator or coordinator verifies it).
 */
export async function accountsFor(db: Database, actor: SessionUser): Promise<AccountSummary[]> {
  if (actor.role === "admin") return (await listAccounts(db, { limit: LIST_LIMIT })).map(toAccountSummary);
  if (actor.role === "coordinator")
    return (await listAccounts(db, { status: "pending", role: "physician", limit: LIST_LIMIT })).map(toAccountSummary);
  return [];
}

/** The actions this actor may take on this account as it stands. */
export function allowedActions(
  actor: Pick<SessionUser, "id" | "role">,
  target: Pick<AccountListRow, "id" | "role" | "status">,
): AccountAction[] {
  if (actor.role === "coordinator")
    return target.status === "pending" && target.role === "physician" ? ["approve"] : [];
  if (actor.role !== "admin") return [];
  switch (target.status) {
    case "pending":
      return ["approve", "reject"];
    case "active":
      // An administrator cannot lock themself out.
      return target.id === actor.id ? [] : ["suspend"];
    case "suspended":
    case "rejected":
      return ["reactivate"];
    default:
      return [];
  }
}

const transitions: Record<AccountAction, { from: AccountStatus[]; to: AccountStatus; audit: string }> = {
  approve: { from: ["pending"], to: "active", audit: "account.approved" },
  reject: { from: ["pending"], to: "rejected", audit: "account.rejected" },
  suspend: { from: ["active"], to: "suspended", audit: "account.suspended" },
  reactivate: { from: ["suspended", "rejected"], to: "active", audit: "account.reactivated" },
};

export type AccountActionResult =
  | { kind: "done"; action: AccountAction }
  | { kind: "notFound" }
  | { kind: "forbidden" }
  /** The account is no longer in a state this action applies to (someone else acted first). */
  | { kind: "conflict" }
  /** A suspension names its reason (the confirmation page asks for it). */
  | { kind: "reasonRequired" };

/** Approves, rejects, suspends or reactivates an account: one transaction with its audit event. */
export async function changeAccountStatus(
  db: Database,
  actor: SessionUser,
  input: { userId: string; action: AccountAction; reason?: string },
  context: RequestContext,
): Promise<AccountActionResult> {
  return db.transaction().execute(async (trx): Promise<AccountActionResult> => {
    const target = await findUserById(trx, input.userId);
    if (!target) return { kind: "notFound" };
    // A coordinator only ever sees pending physicians: anything else is not theirs to know about.
    if (actor.role === "coordinator" && target.role !== "physician") return { kind: "notFound" };
    const transition = transitions[input.action];
    if (!allowedActions(actor, target).includes(input.action)) {
      return transition.from.includes(target.status as AccountStatus) ? { kind: "forbidden" } : { kind: "conflict" };
    }
    const reason = input.reason?.trim() || null;
    // Locking someone out is never one click: the reason is asked for and kept with the audit event.
    if (input.action === "suspend" && !reason) return { kind: "reasonRequired" };
    const at = context.now.toISOString();
    const approval = transition.to === "active" ? { by: actor.id, at } : undefined;
    const changed = await updateUserStatus(trx, target.id, transition.from, transition.to, approval);
    if (changed === 0) return { kind: "conflict" };
    const sessionsEnded = transition.to === "active" ? 0 : await revokeUserSessions(trx, target.id, at);
    const audit = auditBy(trx, actor, context);
    await audit(transition.audit, ["user", target.id], {
      from: target.status,
      to: transition.to,
      role: target.role,
      sessionsEnded,
      ...(reason ? { reason } : {}),
    });
    return { kind: "done", action: input.action };
  });
}

export type CreateStaffResult = { kind: "created"; id: string } | { kind: "emailTaken" } | { kind: "forbidden" };

/**
 * An administrator opens an account for a coordinator or reviewer of one site, or another administrator.
 * The account is active at once (the administrator is the verification); the person changes the initial
 * password on their account page.
 */
export async function createStaffAccount(
  db: Database,
  actor: SessionUser,
  input: StaffInput,
  context: RequestContext,
): Promise<CreateStaffResult> {
  if (actor.role !== "admin" || actor.status !== "active") return { kind: "forbidden" };
  const passwordHash = await hashPassword(normalizePassword(input.password));
  return db.transaction().execute(async (trx): Promise<CreateStaffResult> => {
    // Administrators may learn that an address has an account; the public forms may not.
    if (await findUserByEmail(trx, input.email)) return { kind: "emailTaken" };
    const id = newId();
    const at = context.now.toISOString();
    await insertUser(
      trx,
      newUserRow(id, input, passwordHash, {
        role: input.role,
        site_code: input.role === "admin" || input.role === "researcher" ? null : (input.siteCode ?? null),
        status: "active",
        approved_by: actor.id,
        approved_at: at,
        created_at: at,
      }),
    );
    const audit = auditBy(trx, actor, context);
    await audit("account.created", ["user", id], {
      role: input.role,
      site: input.role === "admin" || input.role === "researcher" ? null : input.siteCode,
    });
    return { kind: "created", id };
  });
}

/** Site names in every language, keyed by site code (for the accounts list and forms). */
export async function siteNames(db: Database): Promise<Record<string, { ko: string; ja: string; en: string }>> {
  const rows = await siteNameRows(db);
  return Object.fromEntries(rows.map((r) => [r.code, { ko: r.name_ko, ja: r.name_ja, en: r.name_en }]));
}

/** The account the suspension page names, when this actor may suspend it now; null otherwise (the page is a 404). */
export async function suspendableAccount(db: Database, actor: SessionUser, userId: string) {
  const target = await findUserById(db, userId);
  if (!target || !allowedActions(actor, target).includes("suspend")) return null;
  return {
    id: target.id,
    familyName: target.family_name,
    givenName: target.given_name,
    email: target.email,
    role: target.role,
  };
}

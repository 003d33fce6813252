import { describe, expect, it } from "vitest";
import { auditEventsFor } from "~/modules/audit/audit.repository.server";
import { getDb, type Database } from "~/utils/db.server";
import { sha256Hex } from "~/utils/tokens.server";
import { createAccount } from "../../../tests/factories/accounts";
import {
  apiTokensOf,
  authenticateApiToken,
  createApiToken,
  MAX_ACTIVE_TOKENS,
  revokeApiToken,
  TOKEN_PATTERN,
} from "./api-tokens.service.server";

const context = { ip: "203.0.113.5", now: new Date("2026-11-26T01:00:00Z") };
const owner = (
  account: { id: string },
  role: "physician" | "coordinator" = "physician",
  status: "active" | "suspended" = "active",
) => ({ id: account.id, role, status });

async function dump(db: Database): Promise<string> {
  const tables = ["api_tokens", "audit_events", "users", "sessions", "rate_limits"] as const;
  const rows = await Promise.all(tables.map((t) => db.selectFrom(t).selectAll().execute()));
  return JSON.stringify(rows);
}

describe("API tokens", () => {
  it("are random, prefixed kq_, shown once and stored only as their SHA-256", async () => {
    const db = await getDb();
    const physician = await createAccount(db);
    const first = await createApiToken(db, owner(physician), { name: "병원 EMR" }, context);
    const second = await createApiToken(db, owner(physician), { name: "HIS" }, context);
    if (first.kind !== "created" || second.kind !== "created") throw new Error("not created");
    expect(first.token).toMatch(TOKEN_PATTERN);
    expect(first.token).toMatch(/^kq_[A-Za-z0-9_-]{43}$/);
    expect(first.token).not.toBe(second.token);

    const row = await db.selectFrom("api_tokens").selectAll().where("id", "=", first.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      user_id: physician.id,
      name: "병원 EMR",
      token_hash: sha256Hex(first.token),
      token_prefix: first.token.slice(0, 7),
      last_used_at: null,
      revoked_at: null,
    });
    // The plain token is nowhere in the database: not in the token table, not in the audit log.
    const everything = await dump(db);
    expect(everything).not.toContain(first.token);
    expect(everything).not.toContain(first.token.slice(3));
    // The list never carries the hash either.
    const listed = await apiTokensOf(db, physician);
    expect(listed.map((t) => t.name)).toEqual(expect.arrayContaining(["병원 EMR", "HIS"]));
    expect(JSON.stringify(listed)).not.toContain(row.token_hash);
  });

  it("audits every creation and revocation, with who and from where", async () => {
    const db = await getDb();
    const physician = await createAccount(db);
    const created = await createApiToken(db, owner(physician), { name: "EMR" }, context);
    if (created.kind !== "created") throw new Error("not created");
    expect(
      await revokeApiToken(db, owner(physician), created.id, { ...context, now: new Date("2026-11-26T02:00:00Z") }),
    ).toEqual({ kind: "revoked" });
    // Revoking again changes nothing and records nothing.
    expect(await revokeApiToken(db, owner(physician), created.id, context)).toEqual({ kind: "revoked" });
    const events = await auditEventsFor(db, "api_token", created.id);
    expect(events.map((e) => e.action)).toEqual(["api_token.created", "api_token.revoked"]);
    expect(events[0]).toMatchObject({ actor_user_id: physician.id, actor_role: "physician", ip: "203.0.113.5" });
    const row = await db
      .selectFrom("api_tokens")
      .select("revoked_at")
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).toBe("2026-11-26T02:00:00.000Z");
  });

  it("open the door for an active physician until revoked, and record when they were last used", async () => {
    const db = await getDb();
    const physician = await createAccount(db);
    const created = await createApiToken(db, owner(physician), { name: "EMR" }, context);
    if (created.kind !== "created") throw new Error("not created");
    const at = new Date("2026-11-26T03:00:00Z");
    expect(await authenticateApiToken(db, created.token, at)).toMatchObject({
      id: physician.id,
      role: "physician",
      tokenId: created.id,
    });
    expect((await apiTokensOf(db, physician))[0]!.lastUsedAt).toBe(at.toISOString());

    await revokeApiToken(db, owner(physician), created.id, context);
    expect(await authenticateApiToken(db, created.token, at)).toBeNull();
    expect(await authenticateApiToken(db, null, at)).toBeNull();
    expect(await authenticateApiToken(db, "kq_short", at)).toBeNull();
    expect(await authenticateApiToken(db, sha256Hex(created.token), at)).toBeNull();
  });

  it("stop working when the physician's account is suspended", async () => {
    const db = await getDb();
    const physician = await createAccount(db);
    const created = await createApiToken(db, owner(physician), { name: "EMR" }, context);
    if (created.kind !== "created") throw new Error("not created");
    await db.updateTable("users").set({ status: "suspended" }).where("id", "=", physician.id).execute();
    expect(await authenticateApiToken(db, created.token, new Date())).toBeNull();
  });

  it("are for active physicians only, and each revokes only their own", async () => {
    const db = await getDb();
    const coordinator = await createAccount(db, { role: "coordinator" });
    expect(await createApiToken(db, owner(coordinator, "coordinator"), { name: "x" }, context)).toEqual({
      kind: "forbidden",
    });
    const suspended = await createAccount(db, { status: "suspended" });
    expect(await createApiToken(db, owner(suspended, "physician", "suspended"), { name: "x" }, context)).toEqual({
      kind: "forbidden",
    });

    const alice = await createAccount(db);
    const bob = await createAccount(db);
    const alices = await createApiToken(db, owner(alice), { name: "EMR" }, context);
    if (alices.kind !== "created") throw new Error("not created");
    expect(await revokeApiToken(db, owner(bob), alices.id, context)).toEqual({ kind: "notFound" });
    expect(await authenticateApiToken(db, alices.token, new Date())).not.toBeNull();
  });

  it(`allow at most ${MAX_ACTIVE_TOKENS} active tokens per physician`, async () => {
    const db = await getDb();
    const physician = await createAccount(db);
    const ids: string[] = [];
    for (let i = 0; i < MAX_ACTIVE_TOKENS; i++) {
      const result = await createApiToken(db, owner(physician), { name: `system ${i}` }, context);
      if (result.kind === "created") ids.push(result.id);
    }
    expect(ids).toHaveLength(MAX_ACTIVE_TOKENS);
    expect(await createApiToken(db, owner(physician), { name: "one more" }, context)).toEqual({
      kind: "tooMany",
      max: MAX_ACTIVE_TOKENS,
    });
    await revokeApiToken(db, owner(physician), ids[0]!, context);
    expect((await createApiToken(db, owner(physician), { name: "one more" }, context)).kind).toBe("created");
  });
});

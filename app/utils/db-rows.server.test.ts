import { beforeEach, describe, expect, it } from "vitest";
import { countRows, deleteRows, findRow, rowsWhere, updateRows } from "./db-rows.server";
import { getDb } from "./db.server";

// The one-table helpers against the real database of the run (SQLite, or PostgreSQL with TEST_DATABASE_URL), on the
// rate_limits table: it has no foreign keys, so rows can be written freely.
const db = await getDb();
const at = "2026-03-01T00:00:00.000Z";

beforeEach(async () => {
  await db.deleteFrom("rate_limits").execute();
  await db
    .insertInto("rate_limits")
    .values([
      { key: "a", count: 1, window_started_at: at },
      { key: "b", count: 2, window_started_at: at },
      { key: "c", count: 2, window_started_at: "2026-03-02T00:00:00.000Z" },
    ])
    .execute();
});

describe("one-table row helpers", () => {
  it("finds the row with every named column value, and nothing when one differs", async () => {
    expect(await findRow(db, "rate_limits", { key: "b", count: 2 })).toEqual({
      key: "b",
      count: 2,
      window_started_at: at,
    });
    expect(await findRow(db, "rate_limits", { key: "b", count: 3 })).toBeUndefined();
  });

  it("leaves out a column given as undefined, and leaves the rest of the query open to order and limit", async () => {
    const rows = await rowsWhere(db, "rate_limits", { count: 2, key: undefined }).orderBy("key", "desc").execute();
    expect(rows.map((row) => row.key)).toEqual(["c", "b"]);
    const first = await rowsWhere(db, "rate_limits", {}).orderBy("key").limit(1).execute();
    expect(first.map((row) => row.key)).toEqual(["a"]);
  });

  it("compares a null with `is null`, on reads and on writes", async () => {
    const mail = { body_text: "-", created_at: at, kind: "test", language: "en", next_attempt_at: at, subject: "-" };
    await db
      .insertInto("mail_outbox")
      .values([
        { ...mail, id: "m1", to_address: "one@hospital.test", status: "pending", sent_at: null },
        { ...mail, id: "m2", to_address: "two@hospital.test", status: "sent", sent_at: at },
      ])
      .execute();
    expect((await findRow(db, "mail_outbox", { sent_at: null }))?.id).toBe("m1");
    expect(
      await updateRows(db, "mail_outbox", { where: { sent_at: null }, set: { status: "sent", sent_at: at } }),
    ).toBe(1);
    expect(await countRows(db, "mail_outbox", { sent_at: null })).toBe(0);
  });

  it("counts, updates and deletes the matching rows, answering how many", async () => {
    expect(await countRows(db, "rate_limits", { count: 2 })).toBe(2);
    expect(await updateRows(db, "rate_limits", { where: { count: 2, window_started_at: at }, set: { count: 5 } })).toBe(
      1,
    );
    expect(await findRow(db, "rate_limits", { key: "b" })).toMatchObject({ count: 5 });
    expect(await deleteRows(db, "rate_limits", { count: 2 })).toBe(1);
    expect(await countRows(db, "rate_limits", {})).toBe(2);
  });

  it("refuses an update or delete whose match leaves a column undefined or names none, and changes no row", async () => {
    const before = await countRows(db, "rate_limits", {});
    await expect(updateRows(db, "rate_limits", { where: { key: undefined }, set: { count: 9 } })).rejects.toThrow();
    await expect(
      updateRows(db, "rate_limits", { where: { key: undefined, count: 2 }, set: { count: 9 } }),
    ).rejects.toThrow();
    await expect(deleteRows(db, "rate_limits", {})).rejects.toThrow();
    await expect(deleteRows(db, "rate_limits", { key: undefined, count: 2 })).rejects.toThrow();
    expect(await countRows(db, "rate_limits", {})).toBe(before);
    expect(await countRows(db, "rate_limits", { count: 9 })).toBe(0);
  });
});

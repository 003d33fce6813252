import { describe, expect, it, vi } from "vitest";
import { auditEventsFor } from "~/modules/audit/audit.repository.server";
import { getDb } from "~/utils/db.server";
import { createAccount } from "../../../tests/factories/accounts";
import { signIn } from "./accounts.service.server";
import * as password from "./password.server";

// Counts argon2 verifications, passing them through to the real implementation.
vi.mock("./password.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("./password.server")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

describe("an unknown email costs what a wrong password costs", () => {
  it("verifies against the dummy hash and records the failure, like a known account", async () => {
    const db = await getDb();
    const known = await createAccount(db);
    const verify = vi.mocked(password.verifyPassword);
    const now = new Date("2026-11-26T09:00:00Z");

    verify.mockClear();
    await signIn(
      db,
      { email: known.email, password: "wrong-password-here", previousSessionId: null },
      { ip: "10.5.0.1", now },
    );
    expect(verify).toHaveBeenCalledTimes(1);

    verify.mockClear();
    await signIn(
      db,
      { email: "stranger@hospital.test", password: "wrong-password-here", previousSessionId: null },
      { ip: "10.5.0.1", now },
    );
    expect(verify).toHaveBeenCalledTimes(1);
    expect(verify.mock.calls[0]![0]).toBe(await password.dummyPasswordHash());
    expect(verify.mock.calls[0]![0]).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    const failures = (
      await db.selectFrom("audit_events").selectAll().where("action", "=", "account.sign_in_failed").execute()
    ).map((e) => e.subject_id);
    expect(failures).toEqual([known.id, null]);
    expect(await auditEventsFor(db, "user", known.id)).toHaveLength(1);
  });
});

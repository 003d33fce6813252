// The portal's default (ADR 0021): coordinators, reviewers and administrators must use two-step sign-in. The test
// harness turns it off for other tests (tests/setup/env.ts); this file turns it back on before anything reads it.
process.env.MFA_REQUIRED_ROLES = "coordinator,reviewer,admin";

import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { tFor } from "~/i18n/i18n.server";
import { getDb } from "~/utils/db.server";
import { createAccount, sessionCookieFor } from "../factories/accounts";
import { portalForThisFile } from "./app-server";

const portal = portalForThisFile();

describe("two-step sign-in is required for staff", () => {
  it("sends a coordinator, a reviewer and an administrator to set it up before any page, and lets physicians choose", async () => {
    const db = await getDb();
    for (const [role, home] of [
      ["coordinator", "/queue"],
      ["reviewer", "/queue"],
      ["admin", "/admin/users"],
    ] as const) {
      const account = await createAccount(db, { role, site: role === "admin" ? null : "konyang" });
      const cookie = await sessionCookieFor(db, account.id);
      const refused = await portal.fetch(home, { headers: { Cookie: cookie } });
      expect(refused.status, role).toBe(302);
      expect(refused.headers.get("Location")).toBe("/account/mfa?required=1");
      const page = await portal.fetch("/account/mfa?required=1", { headers: { Cookie: `${cookie}; lng=ko` } });
      const html = await page.text();
      expect(html).toContain(tFor("ko")("security:mfa.enrol.required"));
      // No NUL bytes where React 18's renderer cut a multi-byte character at a chunk's end (app/entry.server.tsx).
      expect(html).not.toContain("\u0000");
      const secret = (
        await db.selectFrom("mfa_factors").select("secret").where("user_id", "=", account.id).executeTakeFirstOrThrow()
      ).secret;
      const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) });
      expect((await portal.postForm("/account/mfa", { code }, { cookie })).status).toBe(200);
      expect((await portal.fetch(home, { headers: { Cookie: cookie } })).status, role).toBe(200);
    }
    const physician = await createAccount(db, { role: "physician" });
    expect(
      (await portal.fetch("/referrals", { headers: { Cookie: await sessionCookieFor(db, physician.id) } })).status,
    ).toBe(200);
  });
});

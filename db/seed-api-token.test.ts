import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { caseSchema } from "~/domain/case/schema";
import { authenticateApiToken, TOKEN_PATTERN } from "~/modules/api/api-tokens.service.server";
import { getDb } from "~/utils/db.server";
import { sha256Hex } from "~/utils/tokens.server";
import { createAccount } from "../tests/factories/accounts";
import { DEMO_API_TOKEN, DEMO_API_TOKEN_OWNER, seedDemoApiToken } from "./seed-api-token";

describe("the demo API token", () => {
  it("opens the doors for the demo physician, is stored hashed, and is the one the README and the log give", async () => {
    const db = await getDb();
    const park = await createAccount(db, { email: DEMO_API_TOKEN_OWNER });
    const { lines } = await seedDemoApiToken(db, new Date());
    expect(DEMO_API_TOKEN).toMatch(TOKEN_PATTERN);
    expect(lines.join("\n")).toContain(DEMO_API_TOKEN);
    expect(await authenticateApiToken(db, DEMO_API_TOKEN, new Date())).toMatchObject({ id: park.id });
    const rows = await db.selectFrom("api_tokens").selectAll().execute();
    expect(rows).toEqual([expect.objectContaining({ user_id: park.id, token_hash: sha256Hex(DEMO_API_TOKEN) })]);
    expect(JSON.stringify(rows)).not.toContain(DEMO_API_TOKEN);

    const readme = fs.readFileSync("README.md", "utf8");
    expect(readme).toContain(DEMO_API_TOKEN);
    for (const door of ["/api/v1/screen", "/api/v1/referrals", "/api/v1/referrals/KQ-", "/api/v1/status"])
      expect(readme).toContain(door);
    // The README's example case is a complete, valid submission.
    expect(caseSchema.safeParse(JSON.parse(fs.readFileSync("docs/examples/referral-case.json", "utf8"))).success).toBe(
      true,
    );
  });
});

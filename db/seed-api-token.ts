import type { Kysely } from "kysely";
import { insertDemoApiToken } from "../app/modules/api/api-tokens.service.server";
import type { DB } from "./types";

/**
 * The demo physician's API token, published in the README and the start-up log so anyone can try the JSON doors
 * at once (shared/domain/api.md). It exists only in a demo database, stored hashed like every other token.
 */
export const DEMO_API_TOKEN = "kq_demo_park_jihoon_try_the_json_doors";
export const DEMO_API_TOKEN_OWNER = "park.jihoon@demo.test";

export async function seedDemoApiToken(db: Kysely<DB>, now: Date): Promise<{ lines: string[] }> {
  const owner = await db.selectFrom("users").select("id").where("email", "=", DEMO_API_TOKEN_OWNER).executeTakeFirst();
  if (!owner) return { lines: [] };
  await insertDemoApiToken(db, owner.id, DEMO_API_TOKEN, now);
  return {
    lines: [
      `demo API token of ${DEMO_API_TOKEN_OWNER}: ${DEMO_API_TOKEN} (send it as "Authorization: Bearer ${DEMO_API_TOKEN}"; curl examples in README.md, "Demo data")`,
    ],
  };
}

import { describe, expect, it } from "vitest";
import { PORTAL_TIME_ZONE } from "~/domain/routing/site-facts";
import { getDb } from "~/utils/db.server";
import { answerOf, args, createAccount, getRequest, sessionCookieFor } from "../tests/factories/accounts";
import { loader } from "./root";

/** The zone every client-side "when" (history, autosave, consent recorded) is written in, from the root loader. */
async function zoneOf(cookie?: string): Promise<string> {
  return (await answerOf(loader(args(getRequest("/", { cookie }))))).data.timeZone;
}

describe("the reader's time zone", () => {
  it("is Japan's for a Japanese physician, Korea's for a Korean one, the site's for staff, the portal's for strangers", async () => {
    const db = await getDb();
    const japanese = await createAccount(db, { country: "JP" });
    const korean = await createAccount(db, { country: "KR" });
    const qstCoordinator = await createAccount(db, { role: "coordinator", site: "qst" });
    expect(await zoneOf(await sessionCookieFor(db, japanese.id))).toBe("Asia/Tokyo");
    expect(await zoneOf(await sessionCookieFor(db, korean.id))).toBe("Asia/Seoul");
    expect(await zoneOf(await sessionCookieFor(db, qstCoordinator.id))).toBe("Asia/Tokyo");
    expect(await zoneOf()).toBe(PORTAL_TIME_ZONE);
  });
});

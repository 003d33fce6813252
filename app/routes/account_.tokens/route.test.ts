import { describe, expect, it } from "vitest";
import { tFor } from "~/i18n/i18n.server";
import { authenticateApiToken } from "~/modules/api/api-tokens.service.server";
import { formatInstant } from "~/i18n/format";
import { forgetSiteFacts } from "~/modules/sites/site-facts.server";
import { getDb } from "~/utils/db.server";
import { answerOf, args, createAccount, getRequest, sessionCookieFor } from "../../../tests/factories/accounts";
import { formRequest } from "../../../tests/setup/request";
import { action, loader } from "./route";

describe("the API tokens page", () => {
  it("is for active physicians: pending accounts wait, staff and administrators are refused, strangers sign in", async () => {
    const db = await getDb();
    expect(await answerOf(loader(args(getRequest("/account/tokens"))))).toMatchObject({
      status: 302,
      location: "/login?redirectTo=%2Faccount%2Ftokens",
    });
    const pending = await sessionCookieFor(db, (await createAccount(db, { status: "pending" })).id);
    expect(await answerOf(loader(args(getRequest("/account/tokens", { cookie: pending }))))).toMatchObject({
      status: 302,
      location: "/account/pending",
    });
    for (const role of ["coordinator", "reviewer", "admin"] as const) {
      const cookie = await sessionCookieFor(db, (await createAccount(db, { role })).id);
      expect((await answerOf(loader(args(getRequest("/account/tokens", { cookie }))))).status).toBe(403);
      expect(
        (await answerOf(action(args(formRequest("/account/tokens", { intent: "create", name: "x" }, { cookie })))))
          .status,
      ).toBe(403);
    }
  });

  it("creates a token, shows it once, lists it without the secret, and revokes it", async () => {
    const db = await getDb();
    const physician = await createAccount(db);
    const cookie = await sessionCookieFor(db, physician.id);
    const created = await answerOf(
      action(args(formRequest("/account/tokens", { intent: "create", name: "  EMR 연동  " }, { cookie }))),
    );
    expect(created.status).toBe(200);
    expect(created.data).toMatchObject({ kind: "created", name: "EMR 연동" });
    const token: string = created.data.token;
    expect(await authenticateApiToken(db, token, new Date())).toMatchObject({ id: physician.id });

    // Afterwards the page lists it by name and first characters only.
    const page = await answerOf(loader(args(getRequest("/account/tokens", { cookie, lng: "ja" }))));
    expect(page.data.tokens).toEqual([
      expect.objectContaining({
        name: "EMR 연동",
        prefix: token.slice(0, 7),
        lastUsed: expect.objectContaining({ iso: expect.any(String) }),
        revoked: null,
      }),
    ]);
    expect(JSON.stringify(page.data)).not.toContain(token);

    const revoked = await answerOf(
      action(args(formRequest("/account/tokens", { intent: "revoke", tokenId: page.data.tokens[0].id }, { cookie }))),
    );
    expect(revoked).toMatchObject({ status: 302, location: "/account/tokens?done=revoked" });
    expect(await authenticateApiToken(db, token, new Date())).toBeNull();
    const after = await answerOf(loader(args(getRequest("/account/tokens?done=revoked", { cookie }))));
    expect(after.data.revoked).toBe(true);
    expect(after.data.tokens[0].revoked).toMatchObject({ iso: expect.any(String) });
  });
});

describe("the API tokens page", () => {
  it("keeps what was typed and explains the problem in the page language; someone else's token is not found", async () => {
    const db = await getDb();
    const cookie = await sessionCookieFor(db, (await createAccount(db)).id);
    const blank = await answerOf(
      action(args(formRequest("/account/tokens", { intent: "create", name: "   " }, { cookie, lng: "ko" }))),
    );
    expect(blank.status).toBe(400);
    expect(blank.data.errors).toEqual({ name: tFor("ko", "validation")("required") });
    const long = "가".repeat(61);
    const tooLong = await answerOf(
      action(args(formRequest("/account/tokens", { intent: "create", name: long }, { cookie, lng: "ja" }))),
    );
    expect(tooLong.data.errors.name).toBe(tFor("ja", "validation")("tooLong", { maximum: 60 }));
    expect(tooLong.data.values.name).toBe(long);
    const rrn = await answerOf(
      action(args(formRequest("/account/tokens", { intent: "create", name: "800101-1234567" }, { cookie }))),
    );
    expect(rrn.data.errors.name).toBe(tFor("en", "auth")("errors.nationalId"));

    const otherCookie = await sessionCookieFor(db, (await createAccount(db)).id);
    const theirs = await answerOf(
      action(args(formRequest("/account/tokens", { intent: "create", name: "theirs" }, { cookie: otherCookie }))),
    );
    const otherList = await answerOf(loader(args(getRequest("/account/tokens", { cookie: otherCookie }))));
    expect(theirs.data.kind).toBe("created");
    const attempt = await answerOf(
      action(
        args(formRequest("/account/tokens", { intent: "revoke", tokenId: otherList.data.tokens[0].id }, { cookie })),
      ),
    );
    expect(attempt.status).toBe(404);
    expect(await authenticateApiToken(db, theirs.data.token, new Date())).not.toBeNull();
  });

  it("writes a Japanese physician's times in Japan's site's zone and a Korean's in Korea's, as the sites table says", async () => {
    const db = await getDb();
    const japanese = await createAccount(db, { country: "JP" });
    const korean = await createAccount(db, { country: "KR" });
    const stampOf = async (id: string, name: string) => {
      const cookie = await sessionCookieFor(db, id);
      await answerOf(action(args(formRequest("/account/tokens", { intent: "create", name }, { cookie }))));
      return (await answerOf(loader(args(getRequest("/account/tokens", { cookie, lng: "ja" }))))).data.tokens[0]
        .created;
    };
    const jp = await stampOf(japanese.id, "電子カルテ");
    expect(jp.text).toBe(formatInstant(jp.iso, "ja", "Asia/Tokyo"));
    // Both sites keep UTC+9, so to see the zone come from the table and not from a literal, QST's zone is moved.
    await db.updateTable("sites").set({ timezone: "Asia/Bangkok" }).where("code", "=", "qst").execute();
    forgetSiteFacts();
    try {
      const moved = (
        await answerOf(
          loader(args(getRequest("/account/tokens", { cookie: await sessionCookieFor(db, japanese.id), lng: "ja" }))),
        )
      ).data.tokens[0].created;
      expect(moved.text).toBe(formatInstant(jp.iso, "ja", "Asia/Bangkok"));
      expect(moved.text).not.toBe(jp.text);
      const kr = await stampOf(korean.id, "EMR");
      expect(kr.text).toBe(formatInstant(kr.iso, "ja", "Asia/Seoul"));
    } finally {
      await db.updateTable("sites").set({ timezone: "Asia/Tokyo" }).where("code", "=", "qst").execute();
      forgetSiteFacts();
    }
  });
});

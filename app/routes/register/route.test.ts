import { describe, expect, it } from "vitest";
import { findUserByEmail } from "~/modules/accounts/accounts.repository.server";
import { getDb } from "~/utils/db.server";
import { answerOf, args, getRequest } from "../../../tests/factories/accounts";
import { formRequest } from "../../../tests/setup/request";
import * as pendingRoute from "../account_.pending/route";
import * as registerRoute from "./route";

const fields = {
  familyName: "高橋",
  givenName: "陽子",
  email: "takahashi.yoko@chiba.test",
  password: "green-tea-ceremony-41",
  institution: "千葉県がんセンター",
  country: "JP",
  preferredLanguage: "ja",
};

describe("registration", () => {
  it("creates a pending account and shows the pending page, without signing in", async () => {
    const answer = await answerOf(registerRoute.action(args(formRequest("/register", fields, { lng: "ja" }))));
    expect(answer).toMatchObject({ status: 302, location: "/account/pending", setCookies: [] });
    const user = await findUserByEmail(await getDb(), "takahashi.yoko@chiba.test");
    expect(user).toMatchObject({ status: "pending", role: "physician", preferred_language: "ja", country: "JP" });
    expect(await answerOf(pendingRoute.loader(args(getRequest("/account/pending"))))).toMatchObject({
      status: 200,
      data: { user: null },
    });
  });

  it("answers an address that is already registered exactly as a new one", async () => {
    const first = await answerOf(
      registerRoute.action(args(formRequest("/register", { ...fields, email: "dup@chiba.test" }))),
    );
    const second = await answerOf(
      registerRoute.action(args(formRequest("/register", { ...fields, email: "dup@chiba.test", givenName: "別人" }))),
    );
    expect(second).toEqual(first);
    expect((await findUserByEmail(await getDb(), "dup@chiba.test"))!.given_name).toBe("陽子");
  });

  it("explains each problem in the page's language and keeps everything typed except the password", async () => {
    const answer = await answerOf(
      registerRoute.action(
        args(
          formRequest(
            "/register",
            { ...fields, email: "short@chiba.test", password: "tooshort", institution: "" },
            { lng: "ko" },
          ),
        ),
      ),
    );
    expect(answer.status).toBe(400);
    expect(answer.data.errors).toEqual({
      password: "비밀번호를 12자 이상 입력해 주십시오",
      institution: "이 항목을 입력해 주십시오",
    });
    expect(answer.data.values).toMatchObject({ familyName: "高橋", email: "short@chiba.test", country: "JP" });
    expect(answer.data.values.password).toBeUndefined();
    expect(await findUserByEmail(await getDb(), "short@chiba.test")).toBeUndefined();
  });

  it("refuses common passwords, the email as password, and national identifiers", async () => {
    const attempt = async (overrides: Record<string, string>) =>
      (
        await answerOf(
          registerRoute.action(args(formRequest("/register", { ...fields, email: "rules@chiba.test", ...overrides }))),
        )
      ).data?.errors;
    expect(await attempt({ password: "Password1234" })).toEqual({
      password: "This password is too common and easy to guess. Choose another one",
    });
    expect(await attempt({ password: "RULES@chiba.test" })).toEqual({
      password: "Your password must not be your email address",
    });
    expect(await attempt({ institution: "850101-1234567 병원" })).toEqual({
      institution: "Do not enter a resident registration number or My Number here",
    });
    expect(await attempt({ country: "FR" })).toEqual({ country: "Choose one of the options" });
  });
});

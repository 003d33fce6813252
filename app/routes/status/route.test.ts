import { describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { answerOf, args, getRequest } from "../../../tests/factories/accounts";
import { freshIp, submittedReferral, unknownCode } from "../../../tests/factories/status-lookup";
import { formRequest } from "../../../tests/setup/request";
import { action as viewAction, loader as viewLoader } from "../status_.view/route";
import { pageLanguage } from "~/modules/status-lookup/status-language.server";
import { action, loader } from "./route";

function withHeaders(request: Request, headers: Record<string, string>) {
  for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
  return request;
}

function lookup(fields: Record<string, string>, options: { cookie?: string; lng?: string; ip?: string } = {}) {
  const request = formRequest("/status", fields, options);
  request.headers.set("x-client-ip", options.ip ?? freshIp());
  return request;
}

const dateFields = (iso: string) => {
  const [year, month, day] = iso.split("-");
  return { "birthDate.year": year!, "birthDate.month": month!, "birthDate.day": day! };
};

const cookiePair = (setCookies: string[], name: string) =>
  setCookies.find((c) => c.startsWith(`${name}=`))?.split(";")[0];

describe("/status", () => {
  it("opens a status session for the right code and birth date, and shows the status in the patient's language", async () => {
    const db = await getDb();
    const referral = await submittedReferral(db, { now: new Date() });
    // Typed the way people type: small letters, spaces for dashes, full-width digits in the date.
    const typedCode = referral.referenceCode.toLowerCase().replace(/-/g, " ");
    const answer = await answerOf(
      action(
        args(
          lookup({
            referenceCode: typedCode,
            "birthDate.year": "１９５８",
            "birthDate.month": "3",
            "birthDate.day": "14",
          }),
        ),
      ),
    );
    expect(answer.status).toBe(302);
    expect(answer.location).toBe("/status/view");
    const session = answer.setCookies.find((c) => c.startsWith("kq_status="))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).not.toContain(referral.referenceCode.slice(3, 8));
    // A lookup leaves no language cookie behind (the next patient on this device would inherit it, issue #17).
    expect(cookiePair(answer.setCookies, "lng")).toBeUndefined();
    const status = cookiePair(answer.setCookies, "kq_status")!;

    // A browser that asks for none of ko, ja, en: the patient's preferred language (ko) is the page's default.
    const view = await answerOf(
      viewLoader(
        args(withHeaders(getRequest("/status/view", { cookie: status }), { "Accept-Language": "de-DE,de;q=0.9" })),
      ),
    );
    expect(view.data.words).toMatchObject({
      language: "ko",
      stage: "received",
      headline: "접수됨: 검토 대기 중",
      site: { code: "konyang", name: "건양대학교병원" },
    });
    expect(
      await pageLanguage(withHeaders(getRequest("/status/view", { cookie: status }), { "Accept-Language": "de" })),
    ).toBe("ko");
    // Nothing clinical, no names: the words never carry the diagnosis or the patient's or staff's names.
    const text = JSON.stringify(view.data);
    for (const secret of ["prostate", "전립선", "C61", "김", "민준", referral.referenceCode, referral.birthDate])
      expect(text).not.toContain(secret);

    // A browser set to English reads English, whatever the patient's language; the root decides the same.
    const english = withHeaders(getRequest("/status/view", { cookie: status }), {
      "Accept-Language": "en-US,en;q=0.9",
    });
    expect((await answerOf(viewLoader(args(english)))).data.words).toMatchObject({
      language: "en",
      headline: "Received: waiting for review",
    });
    expect(await pageLanguage(english)).toBe("en");
    // The switcher's choice wins over both.
    const inJapanese = await answerOf(
      viewLoader(args(withHeaders(getRequest("/status/view?lng=ja", { cookie: status }), { "Accept-Language": "ko" }))),
    );
    expect(inJapanese.data.words).toMatchObject({ language: "ja" });
  });

  it("never sets a language cookie, and the next lookup on the device is not in the previous patient's language", async () => {
    const db = await getDb();
    const japanese = await submittedReferral(db, { now: new Date(), caseName: "hcc-child-pugh-c" });
    const korean = await submittedReferral(db, { now: new Date() });
    const noPreference = { "Accept-Language": "de" };
    const first = await answerOf(
      action(
        args(
          withHeaders(
            lookup({ referenceCode: japanese.referenceCode, ...dateFields(japanese.birthDate) }),
            noPreference,
          ),
        ),
      ),
    );
    expect(first.setCookies.some((c) => c.startsWith("lng="))).toBe(false);
    const firstStatus = cookiePair(first.setCookies, "kq_status")!;
    expect(
      (await answerOf(viewLoader(args(withHeaders(getRequest("/status/view", { cookie: firstStatus }), noPreference)))))
        .data.words.language,
    ).toBe("ja");
    // The same device, the next patient: the previous session's cookie is replaced, and the page is Korean.
    const second = await answerOf(
      action(
        args(
          withHeaders(
            lookup({ referenceCode: korean.referenceCode, ...dateFields(korean.birthDate) }, { cookie: firstStatus }),
            noPreference,
          ),
        ),
      ),
    );
    const secondStatus = cookiePair(second.setCookies, "kq_status")!;
    expect(
      (
        await answerOf(
          viewLoader(args(withHeaders(getRequest("/status/view", { cookie: secondStatus }), noPreference))),
        )
      ).data.words.language,
    ).toBe("ko");
    // The entry page itself, with no session, is English for such a browser (no patient to default to).
    expect(await pageLanguage(withHeaders(getRequest("/status", { cookie: secondStatus }), noPreference))).toBe("en");
  });

  it("keeps a language this browser already chose", async () => {
    const db = await getDb();
    const referral = await submittedReferral(db, { now: new Date() });
    const answer = await answerOf(
      action(args(lookup({ referenceCode: referral.referenceCode, ...dateFields(referral.birthDate) }, { lng: "ja" }))),
    );
    expect(answer.status).toBe(302);
    expect(cookiePair(answer.setCookies, "lng")).toBeUndefined();
    const view = await answerOf(
      viewLoader(args(getRequest("/status/view", { cookie: cookiePair(answer.setCookies, "kq_status"), lng: "ja" }))),
    );
    expect(view.data.words.language).toBe("ja");
  });

  it("answers a wrong code and a wrong birth date with the same page, echoing neither", async () => {
    const db = await getDb();
    const referral = await submittedReferral(db, { now: new Date() });
    const wrongCode = await answerOf(
      action(args(lookup({ referenceCode: unknownCode(), ...dateFields(referral.birthDate) }, { lng: "en" }))),
    );
    const wrongDate = await answerOf(
      action(args(lookup({ referenceCode: referral.referenceCode, ...dateFields("1958-03-15") }, { lng: "en" }))),
    );
    expect(wrongCode.status).toBe(400);
    expect(JSON.stringify(wrongDate)).toBe(JSON.stringify(wrongCode));
    expect(wrongCode.data).toEqual({
      errors: {},
      formError:
        "We could not find a referral with this reference code and date of birth. Please check both and try again.",
      values: { referenceCode: "", birthDate: "" },
    });
  });

  it("points at the field for a missing or mistyped entry, keeping what was typed, without counting a try", async () => {
    const blank = await answerOf(
      action(
        args(
          lookup(
            { referenceCode: "", "birthDate.year": "", "birthDate.month": "", "birthDate.day": "" },
            { lng: "ja" },
          ),
        ),
      ),
    );
    expect(blank.status).toBe(400);
    expect(blank.data.errors).toEqual({
      referenceCode: "受付番号を入力してください",
      birthDate: "生年月日を入力してください",
    });

    const db = await getDb();
    const referral = await submittedReferral(db, { now: new Date() });
    const typo = referral.referenceCode.slice(0, -1) + (referral.referenceCode.endsWith("0") ? "1" : "0");
    const ip = freshIp();
    for (let i = 0; i < 6; i++) {
      const answer = await answerOf(
        action(
          args(
            lookup(
              { referenceCode: typo, "birthDate.year": "1958", "birthDate.month": "2", "birthDate.day": "30" },
              { lng: "en", ip },
            ),
          ),
        ),
      );
      expect(answer.status).toBe(400);
      expect(answer.data.errors.referenceCode).toMatch(/^This is not a valid reference code/);
      expect(answer.data.errors.birthDate).toBe("Enter a real date of birth, for example 1958 3 14");
      expect(answer.data.values).toEqual({ referenceCode: typo, birthDate: "1958-2-30" });
    }
    // Typos the check symbol catches never reached the lookup: neither the code nor the address was held back.
    const right = await answerOf(
      action(args(lookup({ referenceCode: referral.referenceCode, ...dateFields(referral.birthDate) }, { ip }))),
    );
    expect(right.status).toBe(302);
  });

  it("says 'try again later' once a code is locked, with Retry-After", async () => {
    const db = await getDb();
    const referral = await submittedReferral(db, { now: new Date() });
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (
          await answerOf(
            action(args(lookup({ referenceCode: referral.referenceCode, ...dateFields("1970-01-01") }, { lng: "en" }))),
          )
        ).status,
      );
    expect(statuses).toEqual([400, 400, 400, 400, 429, 429]);
    const locked = await answerOf(
      action(args(lookup({ referenceCode: referral.referenceCode, ...dateFields(referral.birthDate) }, { lng: "en" }))),
    );
    expect(locked.status).toBe(429);
    expect(locked.data.formError).toMatch(
      /^For your security, this reference code cannot be checked right now\. Please try again in 1[45] minutes\.$/,
    );
    expect(locked.data.values).toEqual({ referenceCode: "", birthDate: "" });
  });
});

describe("/status/view", () => {
  it("sends a visitor without a status session to /status, and an expired one with a notice", async () => {
    expect(await answerOf(viewLoader(args(getRequest("/status/view"))))).toMatchObject({
      status: 302,
      location: "/status",
    });
    expect(await answerOf(viewLoader(args(getRequest("/status/view", { cookie: "kq_status=forged" }))))).toMatchObject({
      status: 302,
      location: "/status?ended=expired",
    });
    expect(await answerOf(loader(args(getRequest("/status?ended=expired"))))).toMatchObject({
      data: { notice: "expired" },
    });
    expect(await answerOf(loader(args(getRequest("/status?ended=whatever"))))).toMatchObject({
      data: { notice: null },
    });
  });

  it("'Finish' ends the session at once", async () => {
    const db = await getDb();
    const referral = await submittedReferral(db, { now: new Date() });
    const opened = await answerOf(
      action(args(lookup({ referenceCode: referral.referenceCode, ...dateFields(referral.birthDate) }))),
    );
    const cookie = cookiePair(opened.setCookies, "kq_status")!;
    expect((await answerOf(viewLoader(args(getRequest("/status/view", { cookie }))))).status).toBe(200);

    const finished = await answerOf(viewAction(args(formRequest("/status/view", { intent: "finish" }, { cookie }))));
    expect(finished).toMatchObject({ status: 302, location: "/status?ended=finished" });
    expect(finished.setCookies.some((c) => c.startsWith("kq_status=;") && c.includes("Max-Age=0"))).toBe(true);
    // Even a copy of the old cookie opens nothing now.
    expect(await answerOf(viewLoader(args(getRequest("/status/view", { cookie }))))).toMatchObject({
      status: 302,
      location: "/status?ended=expired",
    });

    const again = await answerOf(
      action(args(lookup({ referenceCode: referral.referenceCode, ...dateFields(referral.birthDate) }))),
    );
    const another = await answerOf(
      viewAction(
        args(formRequest("/status/view", { intent: "another" }, { cookie: cookiePair(again.setCookies, "kq_status") })),
      ),
    );
    expect(another).toMatchObject({ status: 302, location: "/status" });
  });
});

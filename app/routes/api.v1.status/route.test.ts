import { describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { confirmSiteContacts } from "../../../tests/factories/site-contacts";
import { freshIp, submittedReferral, unknownCode } from "../../../tests/factories/status-lookup";
import { action, loader } from "./route";

function post(body: unknown, options: { lng?: string; ip?: string; cookie?: string; contentType?: string } = {}) {
  const headers: Record<string, string> = {
    "Content-Type": options.contentType ?? "application/json",
    "x-client-ip": options.ip ?? freshIp(),
  };
  if (options.lng) headers["Accept-Language"] = options.lng;
  if (options.cookie) headers.Cookie = options.cookie;
  const request = new Request("http://localhost/api/v1/status", {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return action({ request, params: {}, context: {} });
}

async function read(response: Response) {
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe("POST /api/v1/status", () => {
  it("answers the plain-language status in the Accept-Language language, else the patient's", async () => {
    const db = await getDb();
    const referral = await submittedReferral(db, {
      caseName: "pancreas-kr-prefers-qst-consented",
      now: new Date("2026-11-19T01:00:00Z"),
    });
    await referral.move("accept", new Date("2026-11-20T02:00:00Z"));
    await referral.move("schedule", new Date("2026-11-20T03:00:00Z"), {
      data: { date: "2026-12-10", time: "10:30", place: "QST病院 外来受付", interpreterNote: "韓国語通訳者同伴" },
    });
    // QST has confirmed its phone and hours, not its e-mail address: the patient is given only what is confirmed.
    await confirmSiteContacts(db, "qst", ["phone", "hours"]);

    const english = await read(
      await post(
        { referenceCode: referral.referenceCode.toLowerCase(), birthDate: referral.birthDate },
        { lng: "en-GB,en;q=0.9" },
      ),
    );
    expect(english.status).toBe(200);
    expect(english.headers.get("Set-Cookie")).toBeNull();
    expect(english.headers.get("Cache-Control")).toBe("no-store");
    expect(JSON.parse(english.text)).toEqual({
      language: "en",
      stage: "consultation_scheduled",
      headline: "First consultation booked",
      explanation: "Your first consultation is on Thursday, 10 December 2026 at QST Hospital.",
      lastChangedOn: "2026-11-20",
      lastChanged: "20 November 2026",
      site: {
        code: "qst",
        name: "QST Hospital",
        contact: {
          name: "Enquiries from patients abroad",
          phone: "+81-43-206-3306",
          phoneHref: "tel:+81432063306",
          email: null,
          hours: "Weekdays 9:00–17:00 (Japan time)",
        },
      },
      nextSteps: [
        "Please bring the items listed below.",
        "If you cannot come on this date, please contact QST Hospital as soon as possible.",
      ],
      consultation: {
        date: "2026-12-10",
        time: "10:30",
        place: "QST病院 外来受付",
        dateText: "Thursday, 10 December 2026",
        timeText: "10:30 (Japan time)",
      },
      whatToBring: [
        "Your own passport",
        "A professional medical interpreter, if you do not speak Japanese (QST Hospital does not provide interpreters)",
        "A list of the medicines you take",
        "Any letters, test results or scan discs your doctor has given you",
        "This reference code",
      ],
    });
    expect(english.text).not.toContain("韓国語通訳者同伴");

    // No Accept-Language: the patient's own language (Korean).
    const korean = JSON.parse(
      (await read(await post({ referenceCode: referral.referenceCode, birthDate: referral.birthDate }))).text,
    );
    expect(korean).toMatchObject({ language: "ko", headline: "첫 진료 예약됨", site: { name: "QST 병원" } });
    expect(korean.whatToBring).toContain("본인 여권");
  });

  it("gives byte-identical 404s for a wrong code and a wrong birth date, and never reads cookies", async () => {
    const db = await getDb();
    const referral = await submittedReferral(db, { now: new Date() });
    const wrongCode = await read(
      await post({ referenceCode: unknownCode(), birthDate: referral.birthDate }, { lng: "ja" }),
    );
    const wrongDate = await read(
      await post(
        { referenceCode: referral.referenceCode, birthDate: "1958-03-15" },
        { lng: "ja", cookie: "lng=en; kq_status=abc" },
      ),
    );
    expect(wrongCode.status).toBe(404);
    expect(wrongDate.status).toBe(404);
    expect(wrongDate.text).toBe(wrongCode.text);
    expect(JSON.parse(wrongCode.text)).toEqual({
      error: "not_found",
      message:
        "この受付番号と生年月日に当てはまる紹介は見つかりませんでした。両方をご確認のうえ、もう一度お試しください。",
    });
  });

  it("locks a code after 5 wrong tries (429 + Retry-After), shared with the page", async () => {
    const db = await getDb();
    const referral = await submittedReferral(db, { now: new Date() });
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await post({ referenceCode: referral.referenceCode, birthDate: "1999-12-31" })).status);
    expect(statuses).toEqual([404, 404, 404, 404, 429]);
    const locked = await read(
      await post({ referenceCode: referral.referenceCode, birthDate: referral.birthDate }, { lng: "ko" }),
    );
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("Retry-After"))).toBeGreaterThan(850);
    expect(JSON.parse(locked.text)).toEqual({
      error: "locked",
      message: "안전을 위해 지금은 이 참조 번호로 확인하실 수 없습니다. 15분 후에 다시 시도해 주세요.",
    });
  });

  it("holds back an address after 10 failures in 15 minutes", async () => {
    const ip = freshIp();
    const statuses = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await post({ referenceCode: unknownCode(), birthDate: "1950-05-05" }, { ip })).status);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 404, 404, 404, 404, 429, 429]);
    const held = await read(await post({ referenceCode: unknownCode(), birthDate: "1950-05-05" }, { ip, lng: "en" }));
    expect(JSON.parse(held.text).error).toBe("rate_limited");
    expect(held.headers.get("Retry-After")).toMatch(/^\d+$/);
  });

  it("refuses invalid JSON, a wrong shape and other methods in the caller's language", async () => {
    const invalid = await read(await post("{not json", { lng: "ko" }));
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.text)).toEqual({ error: "invalid_json", message: "요청 본문이 올바른 JSON이 아닙니다." });

    const shape = await read(await post({ referenceCode: "KQ-12345", birthDate: "14/03/1958" }, { lng: "ja" }));
    expect(shape.status).toBe(400);
    const body = JSON.parse(shape.text);
    expect(body.error).toBe("invalid_request");
    expect(body.issues).toEqual([
      { path: "referenceCode", message: expect.stringMatching(/^正しい受付番号ではありません/) },
      { path: "birthDate", message: "正しい日付を入力してください（例：1958 3 14）" },
    ]);

    const notObject = await read(await post([1, 2], { lng: "en" }));
    expect(notObject.status).toBe(400);
    expect(JSON.parse(notObject.text).error).toBe("invalid_request");

    expect((await post("referenceCode=x", { contentType: "application/x-www-form-urlencoded" })).status).toBe(415);
    const get = loader({
      request: new Request("http://localhost/api/v1/status", { headers: { "Accept-Language": "ja" } }),
    });
    expect(get.status).toBe(405);
    expect(get.headers.get("Allow")).toBe("POST");
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import { screenCaseSchema } from "~/domain/case/schema";
import { defaultSiteConfigs, screen, toDecisionJson } from "~/domain/screen";
import { tFor } from "~/i18n/i18n.server";
import { SCREEN_API_LIMIT, screenApiLimiter } from "~/modules/screening/screen-door.server";
import { action, loader } from "~/routes/api.v1.screen/route";
import { clientIpHeader } from "~/utils/client-ip.server";
import { exampleCases } from "./factories/example-cases";

const sharedCases = exampleCases().map((c) => ({ file: `${c.name}.json`, case: c.case, expected: c.expected }));

function request(body: BodyInit | null, headers: Record<string, string> = {}, method = "POST") {
  return new Request("http://localhost/api/v1/screen", {
    method,
    headers: { "Content-Type": "application/json", [clientIpHeader]: "192.0.2.10", ...headers },
    body,
  });
}

const call = async (req: Request) => (await action({ request: req, params: {}, context: {} })) as Response;

beforeEach(() => screenApiLimiter.reset());

describe("POST /api/v1/screen", () => {
  it("has the example cases", () => {
    expect(sharedCases.length).toBeGreaterThanOrEqual(12);
  });

  for (const example of sharedCases) {
    it(`screens ${example.file} as expected, exactly as the command line does`, async () => {
      const response = await call(request(JSON.stringify(example.case)));
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
      const body = (await response.json()) as ReturnType<typeof toDecisionJson>;
      expect(body.outcome).toBe(example.expected.outcome);
      if (example.expected.coverage !== undefined) expect(body.coverage).toBe(example.expected.coverage);
      if (example.expected.site !== undefined) expect(body.route.site).toBe(example.expected.site);
      for (const path of example.expected.missingIncludes ?? []) expect(body.missing).toContain(path);
      // The command line screens with the default site configuration; the database starts at version 1 = the defaults.
      const cli = toDecisionJson(screen(screenCaseSchema.parse(example.case), { sites: defaultSiteConfigs }));
      expect(body).toEqual(JSON.parse(JSON.stringify(cli)));
    });
  }

  it("needs no patient identity", async () => {
    const { patient: _patient, ...anonymous } = sharedCases[0]!.case;
    const response = await call(request(JSON.stringify(anonymous)));
    expect(response.status).toBe(200);
  });

  it("answers an invalid case with 400 and every issue translated per Accept-Language", async () => {
    const invalid = { diagnosis: { indication: "prostate", maxDiameterMm: -5 }, referredOn: "2026-02-30" };
    const ko = await call(request(JSON.stringify(invalid), { "Accept-Language": "ko-KR,ko;q=0.9" }));
    expect(ko.status).toBe(400);
    const koBody = (await ko.json()) as { error: string; message: string; issues: { path: string; message: string }[] };
    expect(koBody.error).toBe("invalid_case");
    expect(koBody.message).toBe(tFor("ko")("precheck:api.errors.invalid_case"));
    expect(koBody.issues).toEqual(
      expect.arrayContaining([
        { path: "referredOn", message: tFor("ko")("screen:validation.invalidDate") },
        { path: "diagnosis.maxDiameterMm", message: tFor("ko")("screen:validation.tooSmall", { minimum: 0 }) },
      ]),
    );
    expect(koBody.issues.find((i) => i.path === "referredOn")?.message).toMatch(/[가-힣]/);

    const ja = await call(
      request(JSON.stringify({ referredOn: "2026-11-20", diagnosis: { indication: "brain" } }), {
        "Accept-Language": "ja",
      }),
    );
    expect(ja.status).toBe(400);
    const jaBody = (await ja.json()) as { issues: { path: string; message: string }[]; message: string };
    expect(jaBody.message).toMatch(/[ぁ-んァ-ン一-龯]/);
    const indication = jaBody.issues.find((i) => i.path === "diagnosis.indication");
    expect(indication?.message).toBe(tFor("ja")("screen:validation.invalidChoice"));
    expect(indication?.message).toMatch(/[ぁ-んァ-ン一-龯]/);
  });

  it("takes the language from Accept-Language only, never from a cookie", async () => {
    const response = await call(request("{", { "Accept-Language": "ko", Cookie: "lng=ja" }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "invalid_json",
      message: tFor("ko")("precheck:api.errors.invalid_json"),
    });
  });

  it("answers malformed JSON with 400 invalid_json (English by default)", async () => {
    const response = await call(request('{"diagnosis": {'));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "invalid_json",
      message: tFor("en")("precheck:api.errors.invalid_json"),
    });
  });

  it("refuses other content types (415), bodies over 1 MB (413) and other methods (405)", async () => {
    const text = await call(request("diagnosis=prostate", { "Content-Type": "application/x-www-form-urlencoded" }));
    expect(text.status).toBe(415);
    expect(((await text.json()) as { error: string }).error).toBe("unsupported_media_type");

    const big = JSON.stringify({
      referredOn: "2026-11-20",
      diagnosis: { indication: "prostate" },
      padding: "x".repeat(1_100_000),
    });
    const tooLarge = await call(request(big));
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as { error: string }).error).toBe("payload_too_large");

    // A body that lies about its length is still cut off at 1 MB.
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode("x".repeat(100_000)));
        controller.close();
      },
    });
    const streamed = await call(
      new Request("http://localhost/api/v1/screen", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: chunked,
        duplex: "half",
      } as RequestInit),
    );
    expect(streamed.status).toBe(413);

    const get = (await loader({
      request: new Request("http://localhost/api/v1/screen", { headers: { "Accept-Language": "ja" } }),
    })) as Response;
    expect(get.status).toBe(405);
    expect(get.headers.get("Allow")).toBe("POST");
    expect(((await get.json()) as { error: string }).error).toBe("method_not_allowed");
  });

  it(`limits each client address to ${SCREEN_API_LIMIT.limit} screens a minute (429 with Retry-After)`, async () => {
    const body = JSON.stringify(sharedCases[0]!.case);
    for (let i = 0; i < SCREEN_API_LIMIT.limit; i++) {
      expect((await call(request(body, { [clientIpHeader]: "198.51.100.7" }))).status).toBe(200);
    }
    const limited = await call(request(body, { [clientIpHeader]: "198.51.100.7", "Accept-Language": "ja" }));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    const limitedBody = (await limited.json()) as { error: string; message: string };
    expect(limitedBody.error).toBe("rate_limited");
    expect(limitedBody.message).toMatch(/[ぁ-んァ-ン一-龯]/);
    // Another address is not affected.
    expect((await call(request(body, { [clientIpHeader]: "198.51.100.8" }))).status).toBe(200);
  });
});

import { describe, expect, it } from "vitest";
import { detectLanguage, fromAcceptLanguage } from "./detect";

const request = (url: string, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${url}`, { headers });

describe("language detection", () => {
  it("honours Accept-Language quality values and regional tags", () => {
    expect(fromAcceptLanguage("fr-FR, ja-JP;q=0.8, ko;q=0.9")).toBe("ko");
    expect(fromAcceptLanguage("ja-JP,ja;q=0.9,en;q=0.8")).toBe("ja");
    expect(fromAcceptLanguage("de, fr")).toBeUndefined();
    expect(fromAcceptLanguage("ko;q=0, en")).toBe("en");
  });

  it("prefers the switcher's query over the cookie over the header, else English", () => {
    expect(detectLanguage(request("/?lng=ja", { Cookie: "lng=ko", "Accept-Language": "en" }))).toBe("ja");
    expect(detectLanguage(request("/", { Cookie: "a=b; lng=ko", "Accept-Language": "ja" }))).toBe("ko");
    expect(detectLanguage(request("/", { "Accept-Language": "ja" }))).toBe("ja");
    expect(detectLanguage(request("/?lng=xx", { Cookie: "lng=zz" }))).toBe("en");
  });

  it("uses a page's own default only when the reader asked for none of ko, ja, en", () => {
    expect(detectLanguage(request("/", { "Accept-Language": "de-DE, fr" }), "ja")).toBe("ja");
    expect(detectLanguage(request("/", { "Accept-Language": "en-US" }), "ja")).toBe("en");
    expect(detectLanguage(request("/", { Cookie: "lng=ko" }), "ja")).toBe("ko");
    expect(detectLanguage(request("/"), null)).toBe("en");
  });
});

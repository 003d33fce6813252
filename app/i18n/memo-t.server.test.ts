import { describe, expect, it } from "vitest";
import { languages } from "./config";
import { i18nFor, tFor, unmemoisedI18n } from "./i18n.server";
import { plainCallKey } from "./memo-t.server";
import { allResources, namespaces } from "./resources.server";

function leafKeys(tree: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === "object"
      ? leafKeys(value as Record<string, unknown>, `${prefix}${key}.`)
      : [prefix + key],
  );
}

describe("remembered translations say what i18next says", () => {
  it("every key of every namespace, in each language, the first time and from memory", () => {
    for (const lng of languages) {
      const plain = unmemoisedI18n(lng);
      for (const ns of namespaces()) {
        const keys = leafKeys(allResources().en[ns] as Record<string, unknown>);
        const expected = keys.map((key) => plain.getFixedT(lng, ns)(key));
        // Through tFor (a language of its own) and as react-i18next asks (no language: the instance's).
        for (const t of [tFor(lng, ns), i18nFor(lng).getFixedT(null, ns)])
          for (let round = 0; round < 2; round++) expect(keys.map((key) => t(key))).toEqual(expected);
      }
    }
  });

  it("counts choose their plural form, and text values are put in each time", () => {
    const t = tFor("en", "audit");
    expect(t("chain.intact", { count: 1 })).toBe("The chain verifies: 1 event checked, none changed or removed.");
    expect(t("chain.intact", { count: 7 })).toBe("The chain verifies: 7 events checked, none changed or removed.");
    expect(t("chain.intact", { count: 1 })).toContain("1 event checked");
    const email = tFor("ko", ["email"]);
    expect(email("email:accepted.subject", { code: "KQ-2RY5P-DNDJR-J9ZH3", site: "QST 병원" })).toContain(
      "KQ-2RY5P-DNDJR-J9ZH3이",
    );
    expect(email("email:accepted.subject", { code: "KQ-6FPXE-AA02T-RA389", site: "QST 병원" })).toContain(
      "KQ-6FPXE-AA02T-RA389가",
    );
  });

  it("calls with text to interpolate or objects to return are not remembered", () => {
    expect(plainCallKey("a.b", { lng: "ko", ns: ["x", "y"], count: 2 }, 0)).toBeDefined();
    expect(plainCallKey("a.b", { lng: "ko", name: "김민준" }, 0)).toBeUndefined();
    expect(plainCallKey("a.b", { lng: "ko", returnObjects: true }, 0)).toBeUndefined();
    expect(plainCallKey(["a.b", "a.c"], undefined, 0)).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { tFor } from "./i18n.server";
import { withParticle } from "./korean-particle";

describe("Korean particles follow the word", () => {
  it("after Hangul, with and without a final consonant, and after ㄹ for 으로/로", () => {
    expect(withParticle("건양대학교병원", "이/가")).toBe("건양대학교병원이");
    expect(withParticle("QST 병원", "으로/로")).toBe("QST 병원으로");
    expect(withParticle("치바", "을/를")).toBe("치바를");
    expect(withParticle("서울", "으로/로")).toBe("서울로");
  });

  it("after a reference code, by how its last digit or letter is read aloud", () => {
    expect(withParticle("KQ-6FPXE-AA02T-RA389", "이/가")).toBe("KQ-6FPXE-AA02T-RA389가"); // 구
    expect(withParticle("KQ-2RY5P-DNDJR-J9ZH3", "이/가")).toBe("KQ-2RY5P-DNDJR-J9ZH3이"); // 삼
    expect(withParticle("KQ-2RY5P-DNDJR-J9ZH3", "을/를")).toBe("KQ-2RY5P-DNDJR-J9ZH3을");
    expect(withParticle("KQ-SN69G-90DEJ-Q6ACL", "으로/로")).toBe("KQ-SN69G-90DEJ-Q6ACL로"); // 엘
    expect(withParticle("KQ-SN69G-90DEJ-Q6ACM", "으로/로")).toBe("KQ-SN69G-90DEJ-Q6ACM으로"); // 엠
    expect(withParticle("KQ-SN69G-90DEJ-Q6AC1", "으로/로")).toBe("KQ-SN69G-90DEJ-Q6AC1로"); // 일
  });

  it("no Korean string keeps a particle template, and the mail reads naturally", () => {
    const t = tFor("ko", ["email", "queue", "intake"]);
    const subject = t("email:accepted.subject", { code: "KQ-2RY5P-DNDJR-J9ZH3", site: "QST 병원" });
    expect(subject).toContain("KQ-2RY5P-DNDJR-J9ZH3이 ");
    expect(subject).not.toMatch(/\((이|가|을|를|은|는|으|와|과)\)/);
    expect(t("email:redirected.subject", { code: "KQ-6FPXE-AA02T-RA389", site: "QST 병원" })).toContain(
      "KQ-6FPXE-AA02T-RA389가 QST 병원으로",
    );
  });
});

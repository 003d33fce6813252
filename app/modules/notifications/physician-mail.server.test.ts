import { describe, expect, it } from "vitest";
import { composeNotification } from "./physician-mail.server";

const facts = {
  referenceCode: "KQ-2RY5P-DNDJR-J9ZH3",
  siteName: { ko: "QST 병원", ja: "QST病院", en: "QST Hospital" },
};
const mail = (familyName: string, givenName: string, language: string) =>
  composeNotification(
    "accepted",
    { email: "x@demo.test", familyName, givenName, language },
    facts,
    "https://portal.example/referrals/1",
  );

describe("the physician's mail", () => {
  it("writes a Korean name without a space in every language, and a Japanese one too", () => {
    expect(mail("박", "지훈", "ja").text.split("\n")[0]).toBe("박지훈 先生");
    expect(mail("박", "지훈", "en").text.split("\n")[0]).toBe("Dear Dr 박지훈,");
    expect(mail("田中", "健一", "ko").text.split("\n")[0]).toBe("田中健一 선생님께");
    expect(mail("Smith", "Anna", "en").text.split("\n")[0]).toBe("Dear Dr Smith Anna,");
  });

  it("chooses Korean particles from the code and the site", () => {
    const { subject, text } = mail("박", "지훈", "ko");
    expect(subject).toBe("의뢰 KQ-2RY5P-DNDJR-J9ZH3이 QST 병원에서 수락되었습니다");
    expect(text).toContain("의뢰 KQ-2RY5P-DNDJR-J9ZH3을 수락했습니다");
  });
});

import { describe, expect, it } from "vitest";
import { caseSchema } from "~/domain/case/schema";
import { registerSchema, staffSchema } from "~/modules/accounts/accounts.schema";
import { sharedCase } from "../factories/referrals";

// "\u202E" (right-to-left override) makes a name read backwards on screen; NUL cuts it short in C libraries.
const forged = (name: string) => `\u202E${name}\u0000\u2066`;

describe("names keep no NUL or bidirectional controls", () => {
  it("strips them from a patient's names on a referral", () => {
    const base = sharedCase("prostate-localised-kr");
    const parsed = caseSchema.parse({
      ...base,
      patient: {
        ...base.patient,
        familyName: forged("김"),
        givenName: forged("민준"),
        nameReading: forged("キム ミンジュン"),
      },
    });
    expect([parsed.patient.familyName, parsed.patient.givenName, parsed.patient.nameReading]).toEqual([
      "김",
      "민준",
      "キム ミンジュン",
    ]);
  });

  it("strips them from a physician's and a staff member's names", () => {
    const account = registerSchema.safeParse({
      familyName: forged("田中"),
      givenName: forged("健一"),
      email: "tanaka@hospital.test",
      password: "stone-river-lantern-42",
      institution: "千葉大学医学部附属病院",
      country: "JP",
      preferredLanguage: "ja",
    });
    const staff = staffSchema.safeParse({
      familyName: forged("이"),
      givenName: forged("수진"),
      email: "lee@hospital.test",
      role: "coordinator",
      siteCode: "konyang",
      institution: "건양대학교병원",
      country: "KR",
      preferredLanguage: "ko",
      password: "stone-river-lantern-42",
    });
    expect(account.data && [account.data.familyName, account.data.givenName]).toEqual(["田中", "健一"]);
    expect(staff.data && [staff.data.familyName, staff.data.givenName]).toEqual(["이", "수진"]);
  });
});

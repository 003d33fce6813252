import { describe, expect, it } from "vitest";
import { actionSchemas } from "~/modules/queue/queue.schema";
import { changePasswordSchema, registerSchema, staffSchema, suspendSchema } from "./accounts.schema";

const problems = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => `${issue.path.join(".")}: ${issue.message}`);

// Rules across fields used to run only once every field was valid, so their messages appeared one try later.
describe("every problem of a form at once", () => {
  it("registration: a password that is the email is named with the missing fields", () => {
    const result = registerSchema.safeParse({ email: "kim@example.kr", password: "kim@example.kr" });
    expect(problems(result)).toEqual(
      expect.arrayContaining([
        "password: auth:errors.passwordIsEmail",
        expect.stringMatching(/^familyName: /),
        expect.stringMatching(/^country: /),
      ]),
    );
  });

  it("a new staff account: a missing site is named with the other problems", () => {
    const result = staffSchema.safeParse({ email: "not an address", role: "coordinator", password: "short" });
    expect(problems(result)).toEqual(
      expect.arrayContaining([
        "siteCode: admin:errors.siteRequired",
        "email: validation:invalidEmail",
        expect.stringMatching(/^familyName: /),
      ]),
    );
    // No role chosen yet: no guess about the site.
    expect(problems(staffSchema.safeParse({})).some((p) => p.startsWith("siteCode"))).toBe(false);
  });

  it("changing the password: an unchanged one is named even when it is also too short", () => {
    const result = changePasswordSchema("kim@example.kr").safeParse({ currentPassword: "short", newPassword: "short" });
    expect(problems(result)).toEqual(
      expect.arrayContaining([
        "newPassword: auth:errors.passwordTooShort",
        "newPassword: auth:errors.passwordUnchanged",
      ]),
    );
    expect(
      problems(
        changePasswordSchema("kim@example.kr").safeParse({ currentPassword: "x", newPassword: "kim@example.kr" }),
      ),
    ).toContain("newPassword: auth:errors.passwordIsEmail");
  });

  it("a request for information: no item chosen is named with a message that is too long", () => {
    const result = actionSchemas.request_info.safeParse({ documents: [], fields: [], message: "x".repeat(5000) });
    expect(problems(result)).toEqual(
      expect.arrayContaining(["documents: queue:validation.itemsRequired", expect.stringMatching(/^message: /)]),
    );
  });
});

describe("the reason for a suspension", () => {
  it("is asked for when absent (a blank field is absent once read) or blank, and kept to 500 characters", () => {
    expect(problems(suspendSchema.safeParse({}))).toEqual(["reason: admin:suspend.errors.reasonRequired"]);
    expect(problems(suspendSchema.safeParse({ reason: "   " }))).toEqual([
      "reason: admin:suspend.errors.reasonRequired",
    ]);
    expect(problems(suspendSchema.safeParse({ reason: "x".repeat(501) }))).toEqual([
      "reason: admin:suspend.errors.reasonTooLong",
    ]);
    expect(suspendSchema.parse({ reason: "  Left the practice " })).toEqual({ reason: "Left the practice" });
  });
});

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { tFor } from "~/i18n/i18n.server";
import { nestValues, validateForm } from "./form.server";

describe("form parsing", () => {
  it("nests dotted names, drops blanks and joins date parts (full-width digits too)", () => {
    expect(
      nestValues({
        "patient.familyName": " 김 ",
        "patient.givenName": "",
        "patient.birthDate.year": "１９５８",
        "patient.birthDate.month": "3",
        "patient.birthDate.day": "14",
      }),
    ).toEqual({ patient: { familyName: "김", birthDate: "1958-03-14" } });
  });

  it("answers in the user's language and keeps what was typed", () => {
    const form = new FormData();
    form.set("email", "not-an-email");
    form.set("_csrf", "secret");
    const result = validateForm(z.object({ email: z.email(), name: z.string() }), form, tFor("ja"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.email).toContain("メールアドレス");
    expect(result.errors.name).toBe("この項目を入力してください");
    expect(result.values).toEqual({ email: "not-an-email" });
  });
});

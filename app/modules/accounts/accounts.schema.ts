import { z } from "zod";
import { languages } from "~/i18n/config";
import { isCommonPassword, isEmailLike, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordLength } from "./password-policy";

// Form schemas for accounts. Messages are translation keys (app/utils/form.server.ts translates them per request).

export const countries = ["KR", "JP", "other"] as const;
export const staffRoles = ["coordinator", "reviewer", "admin"] as const;
export const siteCodes = ["konyang", "qst"] as const;

// NOTE: privacy.md rule 1 — never collect a Korean resident registration number (YYMMDD-NNNNNNN) or a Japanese
// My Number (12 digits); free text that looks like one is refused rather than stored.
const nationalIdPattern = /\d{6}\s*-?\s*[1-8]\d{6}|\d{12}/;
export function looksLikeNationalId(text: string): boolean {
  return nationalIdPattern.test(text.normalize("NFKC"));
}

const text = (max: number) =>
  z
    .string()
    .trim()
    .normalize("NFKC")
    .refine((v) => v.length <= max, { message: "validation:tooLong", params: { maximum: max } })
    .refine((v) => !looksLikeNationalId(v), { message: "auth:errors.nationalId" });

export const emailField = z
  .string()
  .trim()
  .normalize("NFKC")
  .toLowerCase()
  .refine((v) => v.length <= 254, { message: "validation:tooLong", params: { maximum: 254 } })
  .pipe(z.email("validation:invalidEmail"));

/** A new password: long enough, not absurdly long, not a common one (the email check needs the whole form). */
const newPassword = z
  .string()
  .refine((v) => passwordLength(v) >= PASSWORD_MIN_LENGTH, { message: "auth:errors.passwordTooShort", params: { minimum: PASSWORD_MIN_LENGTH } })
  .refine((v) => passwordLength(v) <= PASSWORD_MAX_LENGTH, { message: "validation:tooLong", params: { maximum: PASSWORD_MAX_LENGTH } })
  .refine((v) => !isCommonPassword(v), { message: "auth:errors.passwordTooCommon" });

const passwordNotEmail = (field: string) => (value: { email: string } & Record<string, unknown>, ctx: z.RefinementCtx) => {
  const password = value[field];
  if (typeof password === "string" && isEmailLike(password, value.email)) {
    ctx.addIssue({ code: "custom", path: [field], message: "auth:errors.passwordIsEmail" });
  }
};

export const registerSchema = z
  .object({
    familyName: text(100),
    givenName: text(100),
    email: emailField,
    password: newPassword,
    institution: text(200),
    country: z.enum(countries),
    preferredLanguage: z.enum(languages),
  })
  .superRefine(passwordNotEmail("password"));
export type RegisterInput = z.infer<typeof registerSchema>;

export const loginSchema = z.object({
  email: emailField,
  password: z.string().refine((v) => v.length <= PASSWORD_MAX_LENGTH, { message: "validation:tooLong", params: { maximum: PASSWORD_MAX_LENGTH } }),
});

export const changePasswordSchema = (email: string) =>
  z
    .object({ currentPassword: z.string().max(PASSWORD_MAX_LENGTH * 4), newPassword })
    .transform((v) => ({ ...v, email }))
    .superRefine(passwordNotEmail("newPassword"))
    .superRefine((value, ctx) => {
      if (value.newPassword === value.currentPassword) ctx.addIssue({ code: "custom", path: ["newPassword"], message: "auth:errors.passwordUnchanged" });
    });

export const languageSchema = z.object({ preferredLanguage: z.enum(languages) });

export const staffSchema = z
  .object({
    familyName: text(100),
    givenName: text(100),
    email: emailField,
    role: z.enum(staffRoles),
    siteCode: z.enum(siteCodes).optional(),
    institution: text(200),
    country: z.enum(countries),
    preferredLanguage: z.enum(languages),
    password: newPassword,
  })
  .superRefine(passwordNotEmail("password"))
  .superRefine((value, ctx) => {
    if (value.role !== "admin" && !value.siteCode) ctx.addIssue({ code: "custom", path: ["siteCode"], message: "admin:errors.siteRequired" });
    if (value.role === "admin" && value.siteCode) ctx.addIssue({ code: "custom", path: ["siteCode"], message: "admin:errors.adminHasNoSite" });
  });
export type StaffInput = z.infer<typeof staffSchema>;

export const accountActions = ["approve", "reject", "suspend", "reactivate"] as const;
export type AccountAction = (typeof accountActions)[number];
export const accountActionSchema = z.object({ intent: z.enum(accountActions), userId: z.string().min(1).max(64) });

/**
 * Suspending an account asks for the reason, which the audit event keeps (who was locked out, by whom and why).
 * Free text about the account, never about patients: the hint says so.
 */
export const suspendSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, "admin:suspend.errors.reasonRequired")
    .max(500, "admin:suspend.errors.reasonTooLong"),
});

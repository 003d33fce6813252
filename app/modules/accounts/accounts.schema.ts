import { z } from "zod";
import { languages } from "~/i18n/config";
import { nationalIdIn } from "~/domain/case/national-id";
import { alwaysCheck } from "~/utils/always-check";
import {
  isCommonPassword,
  isEmailLike,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordLength,
} from "./password-policy";
import { withoutInvisibleControls } from "~/domain/names";

// Form schemas for accounts. Messages are translation keys (app/utils/form.server.ts translates them per request).

export const countries = ["KR", "JP", "other"] as const;
export const staffRoles = ["coordinator", "reviewer", "admin", "researcher"] as const;
/** Roles that belong to no site: they run the portal or study its data, never a site's queue. */
const sitelessRoles: readonly string[] = ["admin", "researcher"];
export const siteCodes = ["konyang", "qst"] as const;

// NOTE: privacy.md rule 1 — never collect a Korean resident registration number or a Japanese My Number; free text
// that looks like one is refused rather than stored. What "looks like one" means is decided in one place.
export function looksLikeNationalId(text: string): boolean {
  return nationalIdIn(text) !== null;
}

const text = (max: number) =>
  z
    .string()
    .overwrite(withoutInvisibleControls)
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
  .refine((v) => passwordLength(v) >= PASSWORD_MIN_LENGTH, {
    message: "auth:errors.passwordTooShort",
    params: { minimum: PASSWORD_MIN_LENGTH },
  })
  .refine((v) => passwordLength(v) <= PASSWORD_MAX_LENGTH, {
    message: "validation:tooLong",
    params: { maximum: PASSWORD_MAX_LENGTH },
  })
  .refine((v) => !isCommonPassword(v), { message: "auth:errors.passwordTooCommon" });

/** The password must not be the email address: checked even while other fields are wrong, so it shows with them. */
const passwordNotEmail = (field: string, fixedEmail?: string) =>
  alwaysCheck<Record<string, unknown>>((value, ctx) => {
    const password = value[field];
    const email = fixedEmail ?? value.email;
    if (typeof password === "string" && typeof email === "string" && isEmailLike(password, email)) {
      ctx.addIssue({ code: "custom", path: [field], message: "auth:errors.passwordIsEmail" });
    }
  });

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
  .check(passwordNotEmail("password"));
export type RegisterInput = z.infer<typeof registerSchema>;

export const loginSchema = z.object({
  email: emailField,
  password: z.string().refine((v) => v.length <= PASSWORD_MAX_LENGTH, {
    message: "validation:tooLong",
    params: { maximum: PASSWORD_MAX_LENGTH },
  }),
});

export const changePasswordSchema = (email: string) =>
  z
    .object({ currentPassword: z.string().max(PASSWORD_MAX_LENGTH * 4), newPassword })
    .check(
      passwordNotEmail("newPassword", email),
      alwaysCheck<{ currentPassword: string; newPassword: string }>((value, ctx) => {
        if (typeof value.newPassword === "string" && value.newPassword === value.currentPassword) {
          ctx.addIssue({ code: "custom", path: ["newPassword"], message: "auth:errors.passwordUnchanged" });
        }
      }),
    )
    .transform((v) => ({ ...v, email }));

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
  .check(
    passwordNotEmail("password"),
    alwaysCheck<{ role: string; siteCode?: string }>((value, ctx) => {
      // Only once a role is chosen does it say whether a site is needed.
      if (value.role === undefined) return;
      if (!sitelessRoles.includes(value.role) && !value.siteCode)
        ctx.addIssue({ code: "custom", path: ["siteCode"], message: "admin:errors.siteRequired" });
      if (sitelessRoles.includes(value.role) && value.siteCode)
        ctx.addIssue({ code: "custom", path: ["siteCode"], message: "admin:errors.adminHasNoSite" });
    }),
  );
export type StaffInput = z.infer<typeof staffSchema>;

export const accountActions = ["approve", "reject", "suspend", "reactivate"] as const;
export type AccountAction = (typeof accountActions)[number];
export const accountActionSchema = z.object({ intent: z.enum(accountActions), userId: z.string().min(1).max(64) });

/**
 * Suspending an account asks for the reason, which the audit event keeps (who was locked out, by whom and why).
 * Free text about the account, never about patients: the hint says so.
 */
export const suspendSchema = z.object({
  // A blank field is absent once the form is read (app/utils/form.server.ts): that too asks for the reason.
  reason: z
    .string("admin:suspend.errors.reasonRequired")
    .trim()
    .min(1, "admin:suspend.errors.reasonRequired")
    .max(500, "admin:suspend.errors.reasonTooLong"),
});

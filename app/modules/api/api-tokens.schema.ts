import { z } from "zod";
import { nationalIdIn } from "~/domain/case/national-id";

// Form schemas of the API tokens page. Messages are translation keys (app/utils/form.server.ts translates them).

export const TOKEN_NAME_MAX = 60;

export const createTokenSchema = z.object({
  name: z
    .string({ message: "validation:required" })
    .trim()
    .normalize("NFKC")
    .min(1, { message: "validation:required" })
    .refine((v) => v.length <= TOKEN_NAME_MAX, { message: "validation:tooLong", params: { maximum: TOKEN_NAME_MAX } })
    .refine((v) => nationalIdIn(v) === null, { message: "auth:errors.nationalId" }),
});

export const revokeTokenSchema = z.object({ tokenId: z.uuid() });

// The reviewer's clinical decision form. Pure (the page and the action read it); messages are translation keys of
// the "decisions" namespace, translated per request.
import { z } from "zod";
import { approaches, recommendations } from "~/domain/clinical-decision/clinical-decision";
import { looksLikeRrn } from "~/domain/case/national-id";
import { declineReasons, redirectReasons } from "~/modules/queue/queue.schema";

export const RATIONALE_MAX = 4000;
export const DETAIL_MAX = 1000;

const noNationalId = (value: string | undefined) => !value || !looksLikeRrn(value);

const freeText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "decisions:validation.tooLong" })
    // privacy.md rule 1: nothing shaped like a resident registration number is stored, in any free text.
    .refine(noNationalId, { message: "decisions:validation.nationalId" })
    .optional()
    .transform((v) => v || undefined);

export const clinicalDecisionSchema = z
  .object({
    recommendation: z.enum(recommendations, { message: "decisions:validation.recommendationRequired" }),
    // Two radio groups (one for a decline, one for a redirect), so each keeps its own ids and its own answer.
    declineReason: z.string().optional(),
    redirectReason: z.string().optional(),
    rationale: z
      .string({ message: "decisions:validation.rationaleRequired" })
      .trim()
      .min(1, { message: "decisions:validation.rationaleRequired" })
      .max(RATIONALE_MAX, { message: "decisions:validation.tooLong" })
      .refine(noNationalId, { message: "decisions:validation.nationalId" }),
    approach: z.enum(approaches, { message: "decisions:validation.approachRequired" }).optional(),
    approachDetail: freeText(DETAIL_MAX),
    alternatives: freeText(RATIONALE_MAX),
  })
  // The intended approach belongs to an acceptance: asked for then, dropped otherwise.
  .refine((v) => v.recommendation !== "accept" || v.approach !== undefined, {
    message: "decisions:validation.approachRequired",
    path: ["approach"],
  })
  .refine(
    (v) => v.recommendation !== "decline" || (declineReasons as readonly string[]).includes(v.declineReason ?? ""),
    {
      message: "decisions:validation.reasonRequired",
      path: ["declineReason"],
    },
  )
  .refine(
    (v) => v.recommendation !== "redirect" || (redirectReasons as readonly string[]).includes(v.redirectReason ?? ""),
    {
      message: "decisions:validation.reasonRequired",
      path: ["redirectReason"],
    },
  )
  .transform((v) => ({
    recommendation: v.recommendation,
    rationale: v.rationale,
    alternatives: v.alternatives,
    reasonCode:
      v.recommendation === "decline" ? v.declineReason : v.recommendation === "redirect" ? v.redirectReason : undefined,
    approach: v.recommendation === "accept" ? v.approach : undefined,
    approachDetail: v.recommendation === "accept" ? v.approachDetail : undefined,
  }));

export type ClinicalDecisionInput = z.output<typeof clinicalDecisionSchema>;

// The forms of joint review and case conferences. Pure: pages and services read the same schemas. Messages are
// translation keys of the "conferences" namespace, translated per request.
import { z } from "zod";
import { jointRecommendations } from "~/domain/joint-review/joint-review";
import { requiredDate, slotDurations, wallTimeField } from "~/modules/scheduling/slots.schema";
import { alwaysCheck } from "~/utils/always-check";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TEXT_MAX = 4000;

const requiredText = (message: string, max = TEXT_MAX) =>
  z.string({ message }).trim().min(1, { message }).max(max, { message: "conferences:validation.tooLong" });

export const proposeSchema = z.object({ question: requiredText("conferences:validation.questionRequired", 1000) });

export const jointMessageSchema = z.object({ body: requiredText("conferences:validation.messageRequired") });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "conferences:validation.tooLong" })
    .optional()
    .transform((v) => v || undefined);

export const conferenceSchema = z
  .object({
    date: requiredDate("conferences:validation.dateRequired"),
    time: wallTimeField("conferences:validation.timeRequired"),
    duration: z.coerce
      .number({ message: "conferences:validation.durationRequired" })
      .refine((v) => (slotDurations as readonly number[]).includes(v), {
        message: "conferences:validation.durationRequired",
      }),
    cutoffDate: requiredDate("conferences:validation.cutoffRequired"),
    cutoffTime: wallTimeField("conferences:validation.cutoffTimeRequired"),
    place: optionalText(200),
    videoUrl: z
      .string()
      .trim()
      .max(500, { message: "conferences:validation.tooLong" })
      .refine((v) => v === "" || /^https:\/\/[^\s]+$/i.test(v), { message: "conferences:validation.videoUrl" })
      .optional()
      .transform((v) => v || undefined),
    chairId: z
      .string({ message: "conferences:validation.chairRequired" })
      .regex(uuid, { message: "conferences:validation.chairRequired" }),
    attendees: z.array(z.string().regex(uuid, { message: "conferences:validation.attendeesBothSites" })).default([]),
  })
  // Checked even when another field is wrong, so every problem shows at once.
  .check(
    alwaysCheck<{
      place?: string;
      videoUrl?: string;
      date?: string;
      time?: string;
      cutoffDate?: string;
      cutoffTime?: string;
    }>((v, ctx) => {
      if (!v.place && !v.videoUrl)
        ctx.addIssue({ code: "custom", message: "conferences:validation.placeOrLink", path: ["place"] });
      if (
        v.date &&
        v.time &&
        v.cutoffDate &&
        v.cutoffTime &&
        `${v.cutoffDate}T${v.cutoffTime}` >= `${v.date}T${v.time}`
      )
        ctx.addIssue({ code: "custom", message: "conferences:validation.cutoffAfterStart", path: ["cutoffDate"] });
    }),
  );
export type ConferenceInput = z.output<typeof conferenceSchema>;

export const recommendationSchema = z.object({
  recommendation: z.enum(jointRecommendations, { message: "conferences:validation.recommendationRequired" }),
  rationale: requiredText("conferences:validation.rationaleRequired"),
  present: z.array(z.string().regex(uuid)).min(1, { message: "conferences:validation.presentRequired" }),
});
export type RecommendationInput = z.output<typeof recommendationSchema>;

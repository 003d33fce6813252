// Checks across fields of the case: dates before the referral, an address for status e-mails, and two ways of
// saying the same thing that must agree.
import type { z } from "zod";
import { isIsoDate } from "./dates";
import { validationKeys as K } from "./validation-keys";

export type Dated = {
  referredOn?: unknown;
  patient?: { birthDate?: unknown } | null;
  diagnosis?: {
    imagingDate?: unknown;
    labs?: { measuredOn?: unknown } | null;
    metastases?: unknown[] | null;
    distantMetastasisSites?: unknown;
    ascites?: unknown;
    ascitesGrade?: unknown;
    gleasonScore?: unknown;
    gleasonPrimary?: unknown;
    gleasonSecondary?: unknown;
  } | null;
  history?: {
    priorRadiotherapyEndedOn?: unknown;
    radiotherapyCourses?: { endedOn?: unknown }[] | null;
    surgeries?: { date?: unknown }[] | null;
    systemicTherapies?: { startedOn?: unknown }[] | null;
  } | null;
};

/** Dates that must lie on or before the referral date: a birth, an imaging, a laboratory test, an ended course. */
export function checkDatesBeforeReferral(value: Dated, ctx: z.core.$RefinementCtx<unknown>) {
  if (!isIsoDate(value.referredOn)) return;
  const referredOn = value.referredOn;
  const check = (date: unknown, path: (string | number)[]) => {
    if (isIsoDate(date) && date > referredOn) {
      ctx.addIssue({ code: "custom", path, message: K.dateAfterReferral, input: date });
    }
  };
  check(value.patient?.birthDate, ["patient", "birthDate"]);
  check(value.diagnosis?.imagingDate, ["diagnosis", "imagingDate"]);
  check(value.diagnosis?.labs?.measuredOn, ["diagnosis", "labs", "measuredOn"]);
  check(value.history?.priorRadiotherapyEndedOn, ["history", "priorRadiotherapyEndedOn"]);
  (value.history?.radiotherapyCourses ?? []).forEach((course, i) =>
    check(course.endedOn, ["history", "radiotherapyCourses", i, "endedOn"]),
  );
  (value.history?.surgeries ?? []).forEach((surgery, i) => check(surgery?.date, ["history", "surgeries", i, "date"]));
  (value.history?.systemicTherapies ?? []).forEach((line, i) =>
    check(line?.startedOn, ["history", "systemicTherapies", i, "startedOn"]),
  );
}

export type WithStatusUpdates = { consent?: { statusUpdates?: unknown } | null; patient?: { email?: unknown } | null };

/** A patient who asked for status e-mails must have given an address for them (issue #17). */
export function checkStatusUpdateAddress(value: WithStatusUpdates, ctx: z.core.$RefinementCtx<unknown>) {
  if (value.consent?.statusUpdates !== true) return;
  const email = value.patient?.email;
  if (email === undefined || email === null || email === "")
    ctx.addIssue({ code: "custom", path: ["patient", "email"], message: K.required, input: email });
}

/** Two ways of saying the same thing must agree (referral-case.md, additions for kq-2026-12). */
export function checkAgreement(value: Dated, ctx: z.core.$RefinementCtx<unknown>) {
  const d = value.diagnosis;
  if (!d) return;
  const sites = d.distantMetastasisSites;
  if (Array.isArray(d.metastases) && typeof sites === "number" && sites !== d.metastases.length) {
    ctx.addIssue({
      code: "custom",
      path: ["diagnosis", "distantMetastasisSites"],
      message: K.metastasesCountMismatch,
      input: sites,
    });
  }
  if (
    typeof d.ascites === "boolean" &&
    typeof d.ascitesGrade === "string" &&
    d.ascites !== (d.ascitesGrade !== "none")
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["diagnosis", "ascitesGrade"],
      message: K.ascitesMismatch,
      input: d.ascitesGrade,
    });
  }
  const [score, primary, secondary] = [d.gleasonScore, d.gleasonPrimary, d.gleasonSecondary];
  if (
    typeof score === "number" &&
    typeof primary === "number" &&
    typeof secondary === "number" &&
    score !== primary + secondary
  ) {
    ctx.addIssue({ code: "custom", path: ["diagnosis", "gleasonScore"], message: K.gleasonMismatch, input: score });
  }
}

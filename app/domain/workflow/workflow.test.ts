import { describe, expect, it } from "vitest";
import { addWorkingDays, clockState, workingDaysBetween } from "./clock";
import { patientStageOf, referralStatuses } from "./states";
import { availableActions, checkTransition } from "./transitions";

const noHolidays = () => false;

describe("transitions", () => {
  it("follows the life of a referral", () => {
    expect(checkTransition("draft", "submit", "physician")).toEqual({ ok: true, to: "submitted" });
    expect(checkTransition("triage", "request_info", "coordinator")).toEqual({ ok: true, to: "info_requested" });
    expect(checkTransition("info_requested", "answer_info", "physician")).toEqual({ ok: true, to: "triage" });
    expect(checkTransition("in_review", "accept", "reviewer")).toEqual({ ok: true, to: "accepted" });
    expect(checkTransition("accepted", "schedule", "coordinator")).toEqual({ ok: true, to: "consultation_scheduled" });
  });

  it("refuses illegal moves, wrong roles and missing reasons", () => {
    expect(checkTransition("closed", "accept", "reviewer")).toEqual({ ok: false, code: "illegal_transition" });
    expect(checkTransition("triage", "accept", "physician")).toEqual({ ok: false, code: "not_allowed_for_role" });
    expect(checkTransition("in_review", "decline", "reviewer", "  ")).toEqual({ ok: false, code: "reason_required" });
    expect(checkTransition("in_review", "redirect", "coordinator")).toEqual({ ok: false, code: "reason_required" });
    expect(checkTransition("in_review", "redirect", "coordinator", "capacity")).toEqual({ ok: true, to: "redirected" });
    expect(checkTransition("redirected", "claim", "coordinator")).toEqual({ ok: true, to: "in_review" });
    expect(checkTransition("withdrawn", "withdraw", "physician", "x")).toEqual({
      ok: false,
      code: "illegal_transition",
    });
  });

  it("offers only the actions that will work", () => {
    expect(availableActions("info_requested", "physician")).toEqual(["answer_info", "withdraw"]);
    expect(availableActions("closed", "coordinator")).toEqual([]);
  });

  it("gives every sent status a patient stage and hides drafts", () => {
    expect(patientStageOf("draft")).toBeNull();
    expect(patientStageOf("triage")).toBe("received");
    expect(patientStageOf("withdrawn")).toBe("closed");
    for (const status of referralStatuses.filter((s) => s !== "draft")) expect(patientStageOf(status)).not.toBeNull();
  });
});

describe("clock", () => {
  it("counts working days, skipping weekends and holidays", () => {
    // 2026-11-20 is a Friday; Monday 23rd is a Japanese holiday in this pinned calendar.
    expect(workingDaysBetween("2026-11-20", "2026-11-24", noHolidays)).toBe(2);
    expect(workingDaysBetween("2026-11-20", "2026-11-24", (d) => d === "2026-11-23")).toBe(1);
    expect(addWorkingDays("2026-11-20", 3, (d) => d === "2026-11-23")).toBe("2026-11-26");
  });

  it("pauses while information is requested and flags a breach", () => {
    const running = [
      { from: "2026-11-02", to: "2026-11-06" }, // 4 working days, then info requested
      { from: "2026-11-16", to: null }, // answered; running again
    ];
    expect(clockState(running, "2026-11-18", 10, noHolidays)).toEqual({
      used: 6,
      target: 10,
      left: 4,
      breached: false,
    });
    expect(clockState(running, "2026-11-26", 10, noHolidays).breached).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import type { HistoryEntry } from "~/domain/workflow/history";
import { teamDecisionOf } from "./team-decision";

let seq = 0;
const step = (action: string, site: string | null, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  seq: (seq += 1),
  at: `2026-11-${String(10 + seq).padStart(2, "0")}T01:00:00.000Z`,
  action,
  actorRole: action === "route" ? "system" : "coordinator",
  from: null,
  to: "triage",
  site,
  reasonCode: null,
  note: null,
  data: {},
  ...extra,
});

describe("the team's decision on the physician's page", () => {
  it("is none while the team has not decided", () => {
    expect(
      teamDecisionOf([
        step("submit", null),
        step("route", "konyang"),
        step("claim", "konyang"),
        step("request_info", "konyang"),
      ]),
    ).toBeNull();
  });

  it("is the decline with its reason and the team's advice", () => {
    const history = [
      step("submit", null),
      step("route", "konyang"),
      step("decline", "konyang", { reasonCode: "alternative_recommended", note: "SBRT instead" }),
      step("close", "konyang"),
    ];
    expect(teamDecisionOf(history)).toMatchObject({
      action: "decline",
      site: "konyang",
      toSite: null,
      reasonCode: "alternative_recommended",
      note: "SBRT instead",
    });
  });

  it("names both teams of a redirect, and the receiving team's later decision replaces it", () => {
    const moved = [step("submit", null), step("route", "konyang"), step("redirect", "qst", { reasonCode: "capacity" })];
    expect(teamDecisionOf(moved)).toMatchObject({
      action: "redirect",
      site: "konyang",
      toSite: "qst",
      reasonCode: "capacity",
    });
    expect(teamDecisionOf([...moved, step("accept", "qst")])).toMatchObject({
      action: "accept",
      site: "qst",
      reasonCode: null,
    });
  });
});

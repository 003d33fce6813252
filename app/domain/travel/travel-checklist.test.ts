import { describe, expect, it } from "vitest";
import { checklistProgress, parseChecklistItems, travelChecklistApplies, type ChecklistItem } from "./travel-checklist";

const words = (en: string) => ({ ko: `${en} (ko)`, ja: `${en} (ja)`, en });
const items: ChecklistItem[] = [
  { key: "passport", audience: "patient", title: words("Passport"), body: words("Valid"), sources: [] },
  { key: "coordinator", audience: "staff", title: words("Coordinator"), body: words("Agency"), sources: [] },
  {
    key: "visa",
    audience: "patient",
    title: words("Visa"),
    body: words("90 days"),
    sources: ["https://www.mofa.go.jp/"],
  },
];

describe("the cross-border checklist", () => {
  it("applies to a patient living outside the site's country, never to a resident or an unknown residence", () => {
    expect(travelChecklistApplies({ siteCountry: "JP", residenceCountry: "KR", itemCount: 7 })).toBe(true);
    expect(travelChecklistApplies({ siteCountry: "JP", residenceCountry: "jp", itemCount: 7 })).toBe(false);
    expect(travelChecklistApplies({ siteCountry: "JP", residenceCountry: undefined, itemCount: 7 })).toBe(false);
    expect(travelChecklistApplies({ siteCountry: "KR", residenceCountry: "JP", itemCount: 0 })).toBe(false);
  });

  it("shows the patient their own items only, the team every item, with what is done", () => {
    const ticks = [
      { itemKey: "visa", doneAt: "2026-12-01T00:00:00Z" },
      { itemKey: "coordinator", doneAt: "2026-12-02T00:00:00Z" },
      { itemKey: "removed-item", doneAt: "2026-12-02T00:00:00Z" },
    ];
    const patient = checklistProgress(items, ticks, "patient");
    expect(patient.items.map((i) => i.key)).toEqual(["passport", "visa"]);
    expect(patient).toMatchObject({ done: 1, total: 2 });
    expect(checklistProgress(items, ticks, "team")).toMatchObject({ done: 2, total: 3 });
  });

  it("reads stored items defensively", () => {
    expect(parseChecklistItems(JSON.stringify(items))).toEqual(items);
    expect(parseChecklistItems("not json")).toEqual([]);
    expect(
      parseChecklistItems(
        JSON.stringify([{ key: "x", audience: "nobody", title: words("X"), body: words("Y") }, items[0]]),
      ),
    ).toEqual([items[0]]);
  });
});

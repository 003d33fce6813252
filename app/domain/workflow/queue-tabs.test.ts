import { describe, expect, it } from "vitest";
import { TAB as migratedTabCase } from "../../../db/migrations/0007_queue";
import { tabCaseSql, tabOf, tabStatuses, queueTabs } from "./queue-tabs";
import { referralStatuses } from "./states";

describe("the status → tab mapping", () => {
  it("is the one the queue index was migrated with, word for word (else SQLite would skip the index)", () => {
    expect(tabCaseSql()).toBe(migratedTabCase);
  });

  it("puts every state but a draft in exactly one tab", () => {
    for (const status of referralStatuses) {
      const tabs = queueTabs.filter((tab) => (tabStatuses[tab] as readonly string[]).includes(status));
      expect(tabs.length, status).toBe(status === "draft" ? 0 : 1);
      expect(tabOf(status)).toBe(tabs[0] ?? null);
    }
  });
});

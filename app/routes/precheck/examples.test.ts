// The example cases, typed into the pre-check page's form as a physician would, give their expected answers: the
// page screens exactly as the command line and the JSON door do.
import { beforeEach, describe, expect, it } from "vitest";
import { precheckFields } from "~/modules/screening/precheck-form";
import { precheckLimiter } from "~/modules/screening/screen-door.server";
import { answerOf, args } from "../../../tests/factories/accounts";
import { exampleCases } from "../../../tests/factories/example-cases";
import { formRequest } from "../../../tests/setup/request";
import { action } from "./route";

const valueAt = (c: Record<string, unknown>, path: string) =>
  path
    .split(".")
    .reduce<unknown>(
      (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
      c,
    );

/** The form answers for a case: yes/no for booleans, dates in three boxes, numbers and codes as text. */
function answersOf(c: Record<string, unknown>): Record<string, string> {
  const answers: Record<string, string> = { intent: "screen" };
  for (const field of precheckFields) {
    const value = valueAt(c, field.path);
    if (value === undefined || value === null) continue;
    if (field.kind.type === "date" && typeof value === "string") {
      const [year, month, day] = value.split("-");
      Object.assign(answers, {
        [`${field.path}.year`]: year,
        [`${field.path}.month`]: month,
        [`${field.path}.day`]: day,
      });
    } else if (typeof value === "boolean") answers[field.path] = value ? "yes" : "no";
    else answers[field.path] = String(value);
  }
  return answers;
}

beforeEach(() => precheckLimiter.reset());

describe("the pre-check page with the example cases", () => {
  it.each(exampleCases())("$name", async ({ case: input, expected }) => {
    const { status, data } = await answerOf(action(args(formRequest("/precheck", answersOf(input)))));
    expect(status).toBe(200);
    expect(data.errors).toEqual({});
    expect(data.decision.outcome).toBe(expected.outcome);
    if (expected.coverage !== undefined) expect(data.decision.coverage).toBe(expected.coverage);
    if (expected.site !== undefined) expect(data.decision.route.site).toBe(expected.site);
  });
});

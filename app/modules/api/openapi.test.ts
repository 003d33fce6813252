import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { loader } from "~/routes/api.v1.openapi[.]json/route";
import { openApiDocument } from "./openapi";

/** The URL path of a flat route folder name (api.v1.referrals_.$referenceCode.fhir → /api/v1/referrals/{referenceCode}/fhir). */
function urlOf(folder: string): string {
  return `/${folder
    .replace(/\[\.\]/g, "\u0000")
    .split(".")
    .map((segment) =>
      segment
        .replace(/_$/, "")
        .replace(/^\$(.+)$/, "{$1}")
        .replace(/\u0000/g, "."),
    )
    .join("/")}`;
}

describe("GET /api/v1/openapi.json", () => {
  it("serves a document that a standard OpenAPI 3.1 validator accepts", async () => {
    const response = loader();
    expect(response.status).toBe(200);
    const served = await response.json();
    const validator = new Validator();
    const result = await validator.validate(served);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("describes every JSON door in app/routes", () => {
    const doors = fs.readdirSync(path.resolve("app/routes")).filter((name) => name.startsWith("api.v1."));
    expect(doors.length).toBeGreaterThanOrEqual(6);
    for (const door of doors) expect(Object.keys(openApiDocument.paths), door).toContain(urlOf(door));
  });

  it("is refused by the validator when broken, so the check above can fail", async () => {
    const broken = structuredClone(openApiDocument) as unknown as {
      paths: Record<string, { get?: { responses?: unknown } }>;
    };
    broken.paths["/api/v1/openapi.json"]!.get!.responses = "none";
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });
});

import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { withCsrfGuard } from "../server/csrf-guard";
import { uploadRequest } from "./factories/uploads";

// A build with two routes that take uploads: one reads the token itself from the first part, one does not.
function guarded() {
  const seen: Request[] = [];
  const action = async ({ request }: { request: Request }) => {
    seen.push(request);
    return null;
  };
  const route = (id: string, handle?: unknown) => ({ id, path: id, module: { action, handle, default: () => null } });
  const build = {
    routes: {
      "routes/first-part": route("routes/first-part", { csrf: "multipart-first-part" }),
      "routes/plain": route("routes/plain"),
    },
  } as unknown as ServerBuild;
  const routes = withCsrfGuard(build).routes;
  const call = (id: string, request: Request) =>
    (routes[id]!.module.action as (args: unknown) => Promise<unknown>)({ request, params: {}, context: {} });
  return { call, seen };
}

const status = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 200;
  } catch (error) {
    return (error as Response).status;
  }
};

describe("the CSRF guard and multipart uploads", () => {
  it("never reads a multipart body: the header token, or a route that checks the first part itself", async () => {
    const { call, seen } = guarded();
    const file = [{ name: "a.pdf", content: "%PDF-1.4\n" }];
    // The header is checked without touching the body.
    expect(await status(call("routes/plain", uploadRequest("/plain", file, { cookie: "", csrf: "header" })))).toBe(200);
    expect(seen.at(-1)!.bodyUsed).toBe(false);
    // Without the header, a route that does not check the first part itself refuses the upload (the body unread).
    const unguarded = uploadRequest("/plain", file, { cookie: "", csrf: "first" });
    expect(await status(call("routes/plain", unguarded))).toBe(403);
    expect(unguarded.bodyUsed).toBe(false);
    // A route that checks the first part itself gets the stream untouched, after the origin and cookie checks.
    expect(
      await status(call("routes/first-part", uploadRequest("/first-part", file, { cookie: "", csrf: "first" }))),
    ).toBe(200);
    expect(seen.at(-1)!.bodyUsed).toBe(false);
    const foreign = uploadRequest("/first-part", file, { cookie: "", csrf: "first" });
    foreign.headers.set("Origin", "https://evil.example");
    expect(await status(call("routes/first-part", foreign))).toBe(403);
    const wrongHeader = uploadRequest("/plain", file, { cookie: "", csrf: "header" });
    wrongHeader.headers.set("X-CSRF-Token", "x".repeat(43));
    expect(await status(call("routes/plain", wrongHeader))).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { createAccount, sessionCookieFor } from "../factories/accounts";
import { referralAt } from "../factories/queue";
import { startPortal } from "./app-server";
import { dataUrl, everyRoutePath } from "./route-paths";

let portal: Awaited<ReturnType<typeof startPortal>>;
const roles: { name: string; cookie: string }[] = [{ name: "anonymous", cookie: "" }];
const params: Record<string, string> = {
  section: "patient",
  action: "accept",
  siteCode: "konyang",
  version: "kq-2026-12",
  lng: "en",
};

beforeAll(async () => {
  const db = await getDb();
  const physician = await createAccount(db, { role: "physician" });
  const referral = await referralAt(db, physician, { site: "konyang", now: new Date() });
  Object.assign(params, {
    id: referral.id,
    referenceCode: referral.referenceCode,
    attachmentId: "missing",
    grantId: "missing",
    userId: physician.id,
  });
  roles.push({ name: "physician", cookie: await sessionCookieFor(db, physician.id) });
  for (const role of ["coordinator", "reviewer", "admin"] as const) {
    const account = await createAccount(db, { role, site: role === "admin" ? null : "konyang" });
    roles.push({ name: role, cookie: await sessionCookieFor(db, account.id) });
  }
  portal = await startPortal();
}, 120_000);
afterAll(() => portal?.close());

// Public translations and the doors' OpenAPI description carry no personal data and may be cached for a few
// minutes; nothing else may be stored.
const mayBeCached = (path: string) => path.startsWith("/locales/") || path === "/api/v1/openapi.json";

function problemsWith(response: Response, path: string, html: string | null): string[] {
  const problems: string[] = [];
  const csp = response.headers.get("Content-Security-Policy") ?? "";
  const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
  if (!nonce) problems.push("no script nonce in the CSP");
  if (scriptSrc.includes("unsafe-inline") || scriptSrc.includes("unsafe-eval"))
    problems.push(`unsafe script-src: ${scriptSrc}`);
  if (!csp.includes("frame-ancestors 'none'") || !csp.includes("object-src 'none'"))
    problems.push("CSP without frame-ancestors/object-src none");
  if (response.headers.get("X-Content-Type-Options") !== "nosniff") problems.push("no nosniff");
  if (response.headers.get("Referrer-Policy") !== "same-origin") problems.push("no Referrer-Policy");
  if (!mayBeCached(path) && !/no-store/.test(response.headers.get("Cache-Control") ?? ""))
    problems.push(`cacheable: ${response.headers.get("Cache-Control")}`);
  if (response.headers.has("Strict-Transport-Security")) problems.push("HSTS over plain http");
  if (response.status >= 500) problems.push(`status ${response.status}`);
  if (html !== null) {
    if (html.includes("\u0000")) problems.push("NUL bytes in the HTML");
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
      if (!tag.includes(`nonce="${nonce}"`)) problems.push(`script without this response's nonce: ${tag}`);
    }
  }
  return problems;
}

describe("the headers on every route, as every role", () => {
  it("sends a nonce CSP, nosniff and no-store on every page and every .data response", async () => {
    const paths = everyRoutePath(portal.build.routes, params);
    expect(paths.length).toBeGreaterThan(50);
    // The matrix reaches real pages: the owner reads their referral, the site's coordinator its queue page.
    const owner = await portal.fetch(`/referrals/${params.id}`, { headers: { Cookie: roles[1]!.cookie } });
    expect(owner.status).toBe(200);
    expect(await owner.text()).toContain(params.referenceCode);
    expect((await portal.fetch(`/queue/${params.id}`, { headers: { Cookie: roles[2]!.cookie } })).status).toBe(200);
    const problems: string[] = [];
    for (const role of roles) {
      for (const { path } of paths) {
        for (const url of [path, dataUrl(path)]) {
          const response = await portal.fetch(url, { headers: role.cookie ? { Cookie: role.cookie } : {} });
          const html = (response.headers.get("Content-Type") ?? "").startsWith("text/html")
            ? await response.text()
            : (await response.arrayBuffer(), null);
          for (const problem of problemsWith(response, path, html))
            problems.push(`${role.name} GET ${url}: ${problem}`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);
});

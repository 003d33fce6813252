import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tFor } from "~/i18n/i18n.server";
import { API_TOKEN_LIMIT } from "~/modules/api/api-door.server";
import { createApiToken } from "~/modules/api/api-tokens.service.server";
import { insertMail } from "~/modules/notifications/outbox.repository.server";
import { findReferral } from "~/modules/referrals/referrals.repository.server";
import { newId } from "~/utils/tokens.server";
import { getDb } from "~/utils/db.server";
import { createAccount, sessionCookieFor, TEST_PASSWORD } from "./factories/accounts";
import { startSmtpCapture } from "./factories/mail";
import { referralAt } from "./factories/queue";
import { onPostgres } from "./setup/engine";

// Two app servers, each a process of its own, on one PostgreSQL database (issue #12 item 3; `npm run test:unit:pg`).
// Whatever must hold across servers lives in the database, so each server sees what the other did. Several servers is
// the PostgreSQL deployment: SQLite serves one process (README), so the SQLite run has no such thing to test.

const fixture = path.resolve("tests/fixtures/portal-process.ts");
type Server = { origin: string; child: ChildProcess };
const servers: Server[] = [];
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;

function startServer(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", fixture], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (chunk: string) => {
      const origin = /listening (http:\/\/\S+)/.exec(chunk)?.[1];
      if (origin) resolve({ origin, child });
    });
    child.once("exit", (code) => reject(new Error(`portal process exited (${code}): ${stderr}`)));
  });
}

/** A same-origin form post to one server, as a browser sends it (CSRF token in cookie and form). */
function postForm(server: Server, to: string, fields: Record<string, string>, cookie = "", ip = "198.51.100.5") {
  const token = "t".repeat(43);
  return fetch(server.origin + to, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: [`kq_csrf=${token}`, cookie].filter(Boolean).join("; "),
      Origin: server.origin,
      "Accept-Language": "en",
      "X-Test-Client-IP": ip,
    },
    body: new URLSearchParams({ _csrf: token, ...fields }),
  });
}

describe.runIf(onPostgres)("two app servers on one database", () => {
  beforeAll(async () => {
    await getDb(); // migrated once, before either server opens the database
    // Both servers send the outbox to this capture server, each on its own timer, often, so their passes overlap.
    smtp = await startSmtpCapture();
    Object.assign(process.env, { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(smtp.port) });
    process.env.KQ_TEST_MAILER_INTERVAL_MS = "150";
    servers.push(...(await Promise.all([startServer(), startServer()])));
  }, 120_000);

  afterAll(async () => {
    for (const { child } of servers) child.kill("SIGTERM");
    await smtp?.close();
  });

  it("sends each mail of the outbox once, though both servers send the outbox", async () => {
    const db = await getDb();
    const at = new Date().toISOString();
    const addresses = Array.from({ length: 30 }, (_, i) => `physician${i}.${Date.now()}@hospital.test`);
    for (const to of addresses)
      await insertMail(db, {
        id: newId(),
        created_at: at,
        referral_id: null,
        kind: "test",
        to_address: to,
        language: "en",
        subject: "A status change",
        body_text: "Your referral has changed.",
        status: "pending",
        next_attempt_at: at,
      });
    // Every row marked sent (after its mail went): a second sender of the same row would have sent it before marking.
    const statuses = async () =>
      (await db.selectFrom("mail_outbox").select("status").where("to_address", "in", addresses).execute()).map(
        (row) => row.status,
      );
    await expect.poll(statuses, { timeout: 60_000, interval: 200 }).toEqual(addresses.map(() => "sent"));
    const received = await smtp.waitForMatching((mail) => addresses.includes(mail.to[0]!), addresses.length);
    expect(received.map((mail) => mail.to[0]).sort()).toEqual([...addresses].sort());
  });

  it("signs in on one server and carries on, signed in, on the other", async () => {
    const [a, b] = servers as [Server, Server];
    const physician = await createAccount(await getDb(), { role: "physician" });
    const signedIn = await postForm(a, "/login", { email: physician.email, password: TEST_PASSWORD });
    expect(signedIn.status).toBe(302);
    const session = signedIn.headers
      .getSetCookie()
      .find((c) => c.includes("kq_session="))!
      .split(";")[0]!;
    const page = await fetch(b.origin + signedIn.headers.get("Location")!, {
      redirect: "manual",
      headers: { Cookie: session, "Accept-Language": "en" },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(physician.givenName);
    // Signed out on the second server, the session is gone on the first too.
    expect((await postForm(b, "/logout", {}, session)).status).toBe(302);
    expect((await fetch(a.origin + "/referrals", { redirect: "manual", headers: { Cookie: session } })).status).toBe(
      302,
    );
  });

  it("counts wrong passwords made at both servers together, and holds the account at both", async () => {
    const [a, b] = servers as [Server, Server];
    const physician = await createAccount(await getDb(), { role: "physician" });
    const answers = [];
    for (let i = 0; i < 7; i += 1)
      answers.push(
        (await postForm(i % 2 ? b : a, "/login", { email: physician.email, password: `wrong-${i}-pw` })).status,
      );
    expect(answers).toEqual([400, 400, 400, 400, 400, 429, 429]);
    for (const server of [a, b]) {
      const held = await postForm(server, "/login", { email: physician.email, password: TEST_PASSWORD });
      expect(held.status).toBe(429);
      expect(await held.text()).toContain(tFor("en")("auth:login.errors.locked", { count: 1 }).replace(/,.*/, ""));
    }
  });

  it("gives a referral claimed at both servers at once to one coordinator, and tells the other why not", async () => {
    const [a, b] = servers as [Server, Server];
    const db = await getDb();
    const physician = await createAccount(db, { role: "physician" });
    const first = await createAccount(db, { role: "coordinator", site: "konyang" });
    const second = await createAccount(db, { role: "coordinator", site: "konyang" });
    const cookies = [await sessionCookieFor(db, first.id), await sessionCookieFor(db, second.id)];
    for (let round = 0; round < 3; round += 1) {
      const { id } = await referralAt(db, physician, { site: "konyang", now: new Date() });
      const answers = await Promise.all([
        postForm(a, `/queue/${id}`, { intent: "claim" }, cookies[0]),
        postForm(b, `/queue/${id}`, { intent: "claim" }, cookies[1]),
      ]);
      expect(answers.map((r) => r.status).sort()).toEqual([302, 409]);
      const loser = answers.find((r) => r.status === 409)!;
      const t = tFor("en");
      expect(await loser.text()).toContain(
        t("queue:errors.illegal_transition", { status: t("queue:status.in_review") }),
      );
      const winner = answers[0]!.status === 302 ? first : second;
      expect(await findReferral(db, id)).toMatchObject({ status: "in_review", assignee_id: winner.id });
    }
  });

  it("counts one API token's requests at both servers together, and refuses past the limit at both", async () => {
    const [a, b] = servers as [Server, Server];
    const db = await getDb();
    const physician = await createAccount(db, { role: "physician" });
    const created = await createApiToken(
      db,
      { id: physician.id, role: "physician", status: "active" },
      { name: "HIS" },
      { ip: null, now: new Date() },
    );
    if (created.kind !== "created") throw new Error("no token");
    const read = (server: Server) =>
      fetch(`${server.origin}/api/v1/referrals/KQ-00000-00000-00000`, {
        headers: { Authorization: `Bearer ${created.token}`, "Accept-Language": "en" },
      });
    // The minute's requests and ten more, half at each server, all at once: a count per server would let all through.
    const answers = await Promise.all(
      Array.from({ length: API_TOKEN_LIMIT.limit + 10 }, (_, i) => read(i % 2 ? b : a).then((r) => r.status)),
    );
    expect(answers.filter((status) => status === 404)).toHaveLength(API_TOKEN_LIMIT.limit);
    expect(answers.filter((status) => status === 429)).toHaveLength(10);
    for (const server of [a, b]) {
      const refused = await read(server);
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { error: string }).error).toBe("rate_limited");
    }
  });
});

// What the HTTP benchmark loads: every page a role opens first, the JSON doors, and the twin's two baselines.
// The targets (#16) are checked per row so a run says at once what holds and what does not.
import fs from "node:fs";
import { discover, signIn, type Jar } from "./session";

export type Role = "anonymous" | "physician" | "coordinator" | "reviewer" | "admin";
export type Kind = "anonymous page" | "signed-in page" | "queue" | "million queue" | "door" | "status lookup";

export type Target = {
  name: string;
  kind: Kind;
  role: Role;
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** A fixed request rate (autocannon overallRate) instead of as fast as it goes. */
  rate?: number;
};

export const accounts: Record<Exclude<Role, "anonymous">, string> = {
  physician: "park.jihoon@demo.test",
  coordinator: "lee.sujin@demo.test",
  reviewer: "choi.minho@demo.test",
  admin: "admin@demo.test",
};
// Demo data that is the same on every fresh demo database (README "Demo data").
const demoToken = "kq_demo_park_jihoon_try_the_json_doors";
const statusCheck = { referenceCode: "KQ-2RY5P-DNDJR-J9ZHX", birthDate: "1973-10-12" };
const json = { "Content-Type": "application/json", "Accept-Language": "en" };

/** A cookie jar per role; `databaseFile` is the portal's, where the staff's one-time-code secrets are. */
export async function signInAll(base: string, databaseFile: string): Promise<Record<Role, Jar>> {
  const jars = { anonymous: { cookie: "" } } as Record<Role, Jar>;
  for (const [role, email] of Object.entries(accounts)) jars[role as Role] = await signIn(base, email, databaseFile);
  return jars;
}

/** Every portal target; ids and codes are read from the pages themselves, as a user would follow links. */
export async function portalTargets(base: string, jars: Record<Role, Jar>): Promise<Target[]> {
  const referralId = await discover(base, "/referrals", jars.physician, /href="\/referrals\/([0-9a-zA-Z-]{20,})"/);
  const referralCode = await discover(
    base,
    `/referrals/${referralId}`,
    jars.physician,
    /(KQ-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5})/,
  );
  const queueId = await discover(base, "/queue", jars.coordinator, /href="\/queue\/([0-9a-zA-Z-]{20,})"/);
  const statusForm = new URLSearchParams({
    referenceCode: statusCheck.referenceCode,
    "birthDate.year": statusCheck.birthDate.slice(0, 4),
    "birthDate.month": statusCheck.birthDate.slice(5, 7),
    "birthDate.day": statusCheck.birthDate.slice(8, 10),
    _csrf: "bench-csrf-token-0123456789abcdef0123456789",
  }).toString();
  const csrfCookie = /(\S*kq_csrf)=/.exec(jars.physician.cookie)?.[1] ?? "kq_csrf";
  const page = (name: string, role: Role, path: string): Target => ({
    name,
    role,
    path,
    kind: role === "anonymous" ? "anonymous page" : "signed-in page",
  });
  return [
    page("landing", "anonymous", "/"),
    page("sign-in", "anonymous", "/login"),
    page("patient status", "anonymous", "/status"),
    page("pre-check", "anonymous", "/precheck"),
    page("rule book", "anonymous", "/rules"),
    page("physician's referrals", "physician", "/referrals"),
    page("physician's referral", "physician", `/referrals/${referralId}`),
    page("new referral", "physician", "/referrals/new"),
    { ...page("coordinator queue", "coordinator", "/queue"), kind: "queue" },
    { ...page("reviewer queue", "reviewer", "/queue"), kind: "queue" },
    page("staff referral", "coordinator", `/queue/${queueId}`),
    page("dashboard", "coordinator", "/queue/dashboard"),
    page("slots", "coordinator", "/queue/slots"),
    page("conferences", "coordinator", "/conferences"),
    page("audit log", "admin", "/admin/audit"),
    page("users", "admin", "/admin/users"),
    page("sites", "admin", "/admin/sites"),
    {
      name: "POST /api/v1/screen",
      kind: "door",
      role: "anonymous",
      path: "/api/v1/screen",
      method: "POST",
      headers: json,
      body: fs.readFileSync("docs/examples/referral-case.json", "utf8"),
    },
    {
      name: "POST /api/v1/status",
      kind: "door",
      role: "anonymous",
      path: "/api/v1/status",
      method: "POST",
      headers: json,
      body: JSON.stringify(statusCheck),
    },
    {
      name: "GET /api/v1/referrals/:code",
      kind: "door",
      role: "anonymous",
      path: `/api/v1/referrals/${referralCode}`,
      headers: { Authorization: `Bearer ${demoToken}`, "Accept-Language": "en" },
    },
    {
      name: "status lookup (POST /status)",
      kind: "status lookup",
      role: "anonymous",
      path: "/status",
      method: "POST",
      rate: 100,
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Cookie: `${csrfCookie}=bench-csrf-token-0123456789abcdef0123456789`,
      },
      body: statusForm,
    },
  ];
}

export const twinTargets = {
  page: { name: "twin page", kind: "anonymous page", role: "anonymous", path: "/" },
  door: { name: "twin resource route", kind: "door", role: "anonymous", path: "/data" },
} satisfies Record<string, Target>;

/** Whether a row meets its target (#16); `share` is its req/s over the twin's. */
export function verdict(target: Target, share: number, p99: number, jsGzipBytes: number | null): string {
  const misses: string[] = [];
  const pct = (n: number) => `${Math.round(n * 100)} %`;
  if (target.kind === "anonymous page" && share < 0.5) misses.push(`${pct(share)} < 50 %`);
  if (target.kind === "signed-in page" && share < 0.25) misses.push(`${pct(share)} < 25 %`);
  if (target.kind === "signed-in page" && p99 >= 250) misses.push(`p99 ≥ 250 ms`);
  if (target.kind === "queue" && share < 0.25) misses.push(`${pct(share)} < 25 %`);
  if (target.kind === "queue" && p99 >= 250) misses.push(`p99 ≥ 250 ms`);
  if (target.kind === "million queue" && share < 0.2) misses.push(`${pct(share)} < 20 %`);
  if (target.kind === "million queue" && p99 >= 300) misses.push(`p99 ≥ 300 ms`);
  if (target.kind === "door" && share < 0.5) misses.push(`${pct(share)} < 50 %`);
  if (target.kind === "status lookup" && p99 >= 50) misses.push(`p99 ≥ 50 ms`);
  if (jsGzipBytes !== null && target.path === "/status" && target.method !== "POST" && jsGzipBytes > 0)
    misses.push("JS > 0");
  if (jsGzipBytes !== null && jsGzipBytes >= 150 * 1024) misses.push("JS ≥ 150 KB");
  return misses.length ? `missed: ${misses.join(", ")}` : "met";
}

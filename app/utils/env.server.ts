import { z } from "zod";

// Every setting the server reads, in one place, validated once at start.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().positive().default(3000),
  DATA_DIR: z.string().default("data"),
  DATABASE_PATH: z.string().optional(),
  /**
   * `postgres://user:password@host:port/database`: the portal runs on PostgreSQL, so several app servers can share one
   * database (docs/decisions/0027-postgresql.md). Unset: the SQLite file at DATABASE_PATH.
   */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//i)
    .optional(),
  /** Connections each app server keeps open to PostgreSQL. */
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
  /** Secure + __Host- cookies; on by default in production (Chromium treats http://localhost as secure). */
  COOKIE_SECURE: z.enum(["true", "false"]).optional(),
  /** Seed demo data into a new, empty database. */
  DEMO_DATA: z.enum(["true", "false"]).default("true"),
  /**
   * Screens one client address may ask of POST /api/v1/screen a minute. Raised only for a load test
   * (bench/http.bench.ts): in service the door stays at 60.
   */
  SCREEN_API_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /** Requests one API token may make of the referral doors a minute; raised only for a load test, like the above. */
  API_TOKEN_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(60),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  /** Express's "trust proxy" (e.g. "loopback" or a hop count) when a reverse proxy sets X-Forwarded-For; unset: trust none. */
  TRUST_PROXY: z.string().optional(),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  /**
   * Roles that must sign in with a one-time-code app (comma-separated; ADR 0021). Until they have set one up, their
   * pages send them to /account/mfa. The test harnesses set it empty; tests/security turns it on.
   */
  MFA_REQUIRED_ROLES: z.string().default("coordinator,reviewer,admin"),
  /** Referral attachments: the largest single file, and all of one referral's files together (bytes). */
  ATTACHMENT_MAX_FILE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(200 * 1024 * 1024),
  ATTACHMENT_MAX_REFERRAL_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(2 * 1024 * 1024 * 1024),
  /**
   * Days a closed, declined or withdrawn referral keeps its personal fields and files before the housekeeping job
   * purges them (privacy.md rule 5). 10 years: Korea's Medical Service Act keeps records 10 years, Japan's 5; the
   * longer wins for a cross-border referral (docs/decisions/0025-retention-purge.md).
   */
  REFERRAL_RETENTION_DAYS: z.coerce.number().int().positive().default(3650),
  /** Outgoing mail (notifications to physicians); no mail is sent unless SMTP_HOST is set. */
  /**
   * The portal's public address (scheme, host, port), for links in mail to patients, which are sent when staff act and
   * must not be built from whatever Host a request carried. Unset: http://localhost:$PORT (development and tests).
   */
  PUBLIC_URL: z.url().optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().positive().default(587),
  SMTP_FROM: z.string().default("Konyang × QST referral portal <no-reply@referral-portal.invalid>"),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
});

export type Env = z.infer<typeof schema> & {
  databasePath: string;
  /** What openDatabase opens: DATABASE_URL when set, else the SQLite file. */
  databaseLocation: string;
  cookieSecure: boolean;
  publicUrl: string;
};

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.parse(process.env);
  cached = {
    ...parsed,
    databasePath: parsed.DATABASE_PATH ?? `${parsed.DATA_DIR}/portal.sqlite`,
    databaseLocation: parsed.DATABASE_URL ?? parsed.DATABASE_PATH ?? `${parsed.DATA_DIR}/portal.sqlite`,
    cookieSecure: parsed.COOKIE_SECURE ? parsed.COOKIE_SECURE === "true" : parsed.NODE_ENV === "production",
    publicUrl: (parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/+$/, ""),
  };
  return cached;
}

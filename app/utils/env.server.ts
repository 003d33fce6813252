import { z } from "zod";

// Every setting the server reads, in one place, validated once at start.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().positive().default(3000),
  DATA_DIR: z.string().default("data"),
  DATABASE_PATH: z.string().optional(),
  /** Secure + __Host- cookies; on by default in production (Chromium treats http://localhost as secure). */
  COOKIE_SECURE: z.enum(["true", "false"]).optional(),
  /** Seed demo data into a new, empty database. */
  DEMO_DATA: z.enum(["true", "false"]).default("true"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
});

export type Env = z.infer<typeof schema> & { databasePath: string; cookieSecure: boolean };

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.parse(process.env);
  cached = {
    ...parsed,
    databasePath: parsed.DATABASE_PATH ?? `${parsed.DATA_DIR}/portal.sqlite`,
    cookieSecure: parsed.COOKIE_SECURE ? parsed.COOKIE_SECURE === "true" : parsed.NODE_ENV === "production",
  };
  return cached;
}

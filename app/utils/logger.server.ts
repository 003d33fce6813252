import pino from "pino";
import { env } from "./env.server";

// Structured JSON logs. Never log request bodies, case fields, names or query strings:
// health data stays out of logs (shared/domain/privacy.md).
export const logger = pino({
  level: env().LOG_LEVEL,
  base: undefined,
  redact: { paths: ["password", "*.password", "token", "*.token", "cookie", "*.cookie"], remove: true },
});

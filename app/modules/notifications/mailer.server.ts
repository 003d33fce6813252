import nodemailer, { type Transporter } from "nodemailer";
import { getDb, type Database } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { claimMail, dueMail, markMail } from "./outbox.repository.server";

export type OutgoingMail = { to: string; subject: string; text: string; language: string };
export type SendMail = (mail: OutgoingMail) => Promise<void>;

// Minutes to wait after the 1st, 2nd… failed attempt; after the last, the message is marked failed (and logged).
const BACKOFF_MINUTES = [1, 5, 15, 60, 180, 360, 720];
const LEASE_MS = 2 * 60_000;
const BATCH = 20;

let transporter: Transporter | undefined;

/** The SMTP sender the environment configures, or null when SMTP_HOST is unset (mail stays in the outbox). */
export function smtpSender(): SendMail | null {
  const config = env();
  if (!config.SMTP_HOST) return null;
  transporter ??= nodemailer.createTransport({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_PORT === 465,
    auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? "" } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  const from = config.SMTP_FROM;
  const transport = transporter;
  return async (mail) => {
    await transport.sendMail({
      from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      headers: { "Content-Language": mail.language },
    });
  };
}

/**
 * Sends what is due in the outbox. Each message is claimed first (a lease), so two senders — the server's timer and
 * a request's nudge, or two processes — never send it twice; a failure is retried later with growing pauses.
 */
export async function deliverDueMail(
  db: Database,
  send: SendMail,
  now = new Date(),
): Promise<{ sent: number; failed: number }> {
  const nowIso = now.toISOString();
  let sent = 0;
  let failed = 0;
  for (const row of await dueMail(db, nowIso, BATCH)) {
    if (!(await claimMail(db, row.id, nowIso, new Date(now.getTime() + LEASE_MS).toISOString()))) continue;
    try {
      await send({ to: row.to_address, subject: row.subject, text: row.body_text, language: row.language });
      await markMail(db, row.id, {
        status: "sent",
        attempts: row.attempts + 1,
        next_attempt_at: row.next_attempt_at,
        sent_at: new Date().toISOString(),
        last_error: null,
      });
      sent += 1;
    } catch (error) {
      const attempts = row.attempts + 1;
      const wait = BACKOFF_MINUTES[attempts - 1];
      const code = (error as { code?: unknown })?.code;
      // An error code only: the message and its address are health-related personal data.
      const lastError = typeof code === "string" ? code.slice(0, 40) : "send_failed";
      await markMail(db, row.id, {
        status: wait === undefined ? "failed" : "pending",
        attempts,
        next_attempt_at: new Date(now.getTime() + (wait ?? 0) * 60_000).toISOString(),
        sent_at: null,
        last_error: lastError,
      });
      failed += 1;
      logger.warn({ mailId: row.id, attempts, error: lastError, gaveUp: wait === undefined }, "mail delivery failed");
    }
  }
  return { sent, failed };
}

let pass: Promise<void> = Promise.resolve();

/**
 * Runs one delivery pass after any pass already running (call it after a transaction that queued mail commits;
 * awaiting it is optional). Never throws: a state change is never lost because mail could not go.
 */
export function kickMailer(): Promise<void> {
  pass = pass.then(async () => {
    const send = smtpSender();
    if (!send) return;
    try {
      await deliverDueMail(await getDb(), send);
    } catch (error) {
      logger.error({ error: (error as Error)?.name }, "mail delivery pass failed");
    }
  });
  return pass;
}

let timer: NodeJS.Timeout | undefined;

/** Retries what is still pending every interval (the server starts this once); a no-op without SMTP_HOST. */
export function startMailer(intervalMs = 30_000) {
  if (timer || !env().SMTP_HOST) return;
  void kickMailer();
  timer = setInterval(() => void kickMailer(), intervalMs);
  timer.unref();
}

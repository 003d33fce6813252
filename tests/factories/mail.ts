import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CapturedMail = { to: string[]; subject: string; text: string; language: string | null; parsed: ParsedMail };

/**
 * A real SMTP server on 127.0.0.1 that keeps every message it receives (tests only): the portal's mailer talks SMTP
 * to it exactly as to a production relay, and the test reads back what a physician's mail client would show.
 */
export async function startSmtpCapture(port = 0) {
  const received: CapturedMail[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const language = parsed.headers.get("content-language");
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            language: typeof language === "string" ? language : null,
            parsed,
          });
          for (const wake of waiters.splice(0)) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const boundPort = typeof address === "object" && address ? address.port : port;
  return {
    port: boundPort,
    received,
    /** Resolves once `count` messages have arrived (or rejects after `ms`). */
    async waitFor(count: number, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails, received ${received.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return received;
    },
    /** Resolves once `count` messages match (a late mail of an earlier test never stands in for this one's). */
    async waitForMatching(match: (mail: CapturedMail) => boolean, count = 1, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (received.filter(match).length < count) {
        if (Date.now() > deadline)
          throw new Error(`expected ${count} matching mails, received ${received.filter(match).length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return received.filter(match);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Starts a capture and points the portal's mail settings at it. Call it inside `vi.hoisted`, so that it runs before
 * any module reads the environment.
 */
export async function captureMailForPortal() {
  const server = await startSmtpCapture();
  process.env.SMTP_HOST = "127.0.0.1";
  process.env.SMTP_PORT = String(server.port);
  process.env.SMTP_FROM = "Referral portal <portal@test.invalid>";
  return server;
}

import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { CapturedMail } from "../factories/mail";
import { budget } from "./time";

// One capturing SMTP server for the whole run (tests/e2e/global-setup.ts starts it on the port playwright.config.ts
// gives the web server), so that specs running side by side in several workers never fight over the port. It drops
// each message, as received, into a folder; a spec reads back the messages its own matcher picks (its referral's code,
// its own person's address), so another spec's mail never stands in for its own.

const port = Number(process.env.E2E_PORT ?? 3210);
/** The SMTP port the web server sends mail to (playwright.config.ts). */
export const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2525 + (port - 3210));
export const mailFolder = path.resolve(`.cache/e2e-mail-${port}`);

type Dropped = { to: string[]; raw: string };

/** Starts the run's capture: an empty folder, then a real SMTP server that writes each message into it. */
export async function startMailDrop(): Promise<() => Promise<void>> {
  fs.rmSync(mailFolder, { recursive: true, force: true });
  fs.mkdirSync(mailFolder, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", (error) => callback(error));
      stream.on("end", () => {
        const dropped: Dropped = {
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("base64"),
        };
        count += 1;
        // Written whole, then renamed: a reader never sees half a message.
        const name = `${String(count).padStart(6, "0")}.json`;
        fs.writeFileSync(path.join(mailFolder, `${name}.part`), JSON.stringify(dropped));
        fs.renameSync(path.join(mailFolder, `${name}.part`), path.join(mailFolder, name));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(smtpPort, "127.0.0.1", () => resolve());
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

const parsed = new Map<string, CapturedMail>();

/** Every message received so far this run, in the order it arrived (parsed once per worker). */
async function receivedMail(): Promise<CapturedMail[]> {
  const names = fs
    .readdirSync(mailFolder)
    .filter((n) => n.endsWith(".json"))
    .sort();
  for (const name of names) {
    if (parsed.has(name)) continue;
    const dropped = JSON.parse(fs.readFileSync(path.join(mailFolder, name), "utf8")) as Dropped;
    const mail = await simpleParser(Buffer.from(dropped.raw, "base64"));
    const language = mail.headers.get("content-language");
    parsed.set(name, {
      to: dropped.to,
      subject: mail.subject ?? "",
      text: mail.text ?? "",
      language: typeof language === "string" ? language : null,
      parsed: mail,
    });
  }
  return names.map((n) => parsed.get(n)!);
}

/** The run's mail, as a spec reads it. */
export const mailbox = {
  /** Resolves once `count` messages match (or rejects after `ms`); answers them in the order they arrived. */
  async waitForMatching(
    match: (mail: CapturedMail) => boolean,
    count = 1,
    ms = budget(10_000),
  ): Promise<CapturedMail[]> {
    const deadline = Date.now() + ms;
    for (;;) {
      const matching = (await receivedMail()).filter(match);
      if (matching.length >= count) return matching;
      if (Date.now() > deadline) throw new Error(`expected ${count} matching mails, received ${matching.length}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  },
};

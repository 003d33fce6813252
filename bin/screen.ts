// The screen from the command line: `npm run -s screen -- FILE` (or `-` for standard input).
// Prints the decision as JSON and exits 0; an invalid case prints { error: "invalid_case", issues } and exits 2,
// as do unreadable input and invalid JSON. Uses the default site configuration and an empty queue.
// Error messages are English, from locales/en/screen.json (the API translates the same keys per request).
import fs from "node:fs";
import { issuesOf, screenCaseSchema } from "../app/domain/case/schema";
import { defaultSiteConfigs, screen, toDecisionJson } from "../app/domain/screen";

type Messages = Record<string, unknown>;

function loadEnglish(): Messages {
  return JSON.parse(fs.readFileSync(new URL("../locales/en/screen.json", import.meta.url), "utf8")) as Messages;
}

/** The English text of a "screen:" key with its {{placeholders}} filled in; the key itself if it has no text. */
function translate(messages: Messages, key: string, params: Record<string, unknown> = {}): string {
  const path = key.replace(/^screen:/, "").split(".");
  let node: unknown = messages;
  for (const part of path) node = node && typeof node === "object" ? (node as Messages)[part] : undefined;
  if (typeof node !== "string") return key;
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

function print(value: unknown) {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function fail(body: Record<string, unknown>): never {
  print(body);
  process.exit(2);
}

async function readInput(arg: string): Promise<string> {
  if (arg !== "-") return fs.readFileSync(arg, "utf8");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The example files of shared/cases hold `{ case, expected }`: such a file is screened by its `case`, so the
 * examples run as they are. A bare case (it has `diagnosis`) is screened as it is.
 */
function unwrap(json: unknown): unknown {
  if (json && typeof json === "object" && !Array.isArray(json) && !("diagnosis" in json) && "case" in json) {
    const inner = (json as { case: unknown }).case;
    if (inner && typeof inner === "object") return inner;
  }
  return json;
}

async function main() {
  const messages = loadEnglish();
  const args = process.argv.slice(2).filter((a) => a !== "--");
  const arg = args[0];
  if (arg === undefined || args.length > 1)
    fail({ error: "usage", message: translate(messages, "screen:errors.usage") });

  let text: string;
  try {
    text = await readInput(arg);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    fail({ error: "unreadable_input", message: translate(messages, "screen:errors.unreadable", { detail }) });
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    fail({ error: "invalid_json", message: translate(messages, "screen:errors.invalidJson", { detail }) });
  }

  const parsed = screenCaseSchema.safeParse(unwrap(json));
  if (!parsed.success) {
    const issues = issuesOf(parsed.error).map((issue) => ({
      path: issue.path,
      message: translate(messages, issue.messageKey, issue.params),
    }));
    fail({ error: "invalid_case", message: translate(messages, "screen:errors.invalidCase"), issues });
  }

  print(toDecisionJson(screen(parsed.data, { sites: defaultSiteConfigs, openQueue: {} })));
}

await main();

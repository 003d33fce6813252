// Helpers for the tests of the staff referral page (app/routes/queue_.$id) and its step pages: staff and physicians
// signed in, and the requests their browsers would send.
import { afterAll, beforeEach } from "vitest";
import { getSessionUser } from "~/modules/accounts/session.server";
import { kickMailer } from "~/modules/notifications/mailer.server";
import type { Staff } from "~/modules/queue/staff.server";
import * as actionRoute from "~/routes/queue_.$id_.$action/route";
import * as pageRoute from "~/routes/queue_.$id/route";
import { getDb, type Database } from "~/utils/db.server";
import { formRequest } from "../setup/request";
import { accountWithCookie, answerOf, createAccount, getRequest } from "./accounts";
import type { CapturedMail } from "./mail";
import { emptyQueues, referralAt } from "./queue";

const params = (id: string, action?: string) => (action ? { id, action } : { id });
export const pageArgs = (request: Request, id: string) => ({ request, params: params(id), context: {} });
export const actionArgs = (request: Request, id: string, slug: string) => ({
  request,
  params: params(id, slug),
  context: {},
});

/** A signed-in member of a site's staff, with the cookie their browser sends. */
export async function staff(db: Database, site: "konyang" | "qst", role: "coordinator" | "reviewer" = "coordinator") {
  return accountWithCookie(db, { role, site });
}

/** A physician who reads mail in `lng`. */
export async function physicianIn(db: Database, lng: "ko" | "ja" | "en") {
  const account = await createAccount(db, { role: "physician" });
  await db.updateTable("users").set({ preferred_language: lng }).where("id", "=", account.id).execute();
  return account;
}

/** Posts a staff step's form (`/queue/:id/:slug`), lists as repeated fields, in the reader's language. */
export function post(id: string, slug: string, fields: Record<string, string | string[]>, cookie: string, lng = "en") {
  const body = new URLSearchParams({ _csrf: "t".repeat(43) });
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  const base = formRequest(`/queue/${id}/${slug}`, {}, { cookie, lng });
  return actionRoute.action(
    actionArgs(new Request(base.url, { method: "POST", headers: base.headers, body }), id, slug),
  );
}

/** Posts one of the staff referral page's own forms (`/queue/:id`: claim, note, message), as the page answers it. */
export function postToPage(id: string, fields: Record<string, string>, cookie: string, lng?: string) {
  return answerOf(pageRoute.action(pageArgs(formRequest(`/queue/${id}`, fields, { cookie, lng }), id)));
}

/** Opens the staff referral page (`/queue/:id`) from a signed-in browser, as the page answers it. */
export function openPage(id: string, browser: { cookie: string; lng?: string }) {
  return answerOf(pageRoute.loader(pageArgs(getRequest(`/queue/${id}`, browser), id)));
}

/** Opens a staff step's page (`/queue/:id/:slug`) from a signed-in browser, as the step answers it. */
export function openStep(id: string, slug: string, browser: { cookie: string; lng?: string }) {
  return answerOf(actionRoute.loader(actionArgs(getRequest(`/queue/${id}/${slug}`, browser), id, slug)));
}

/** A physician who reads `lng`, a Konyang coordinator, and the physician's referral waiting in Konyang's queue. */
export async function referralAtKonyang(
  lng: "ko" | "ja" | "en",
  options: Partial<Parameters<typeof referralAt>[2]> = {},
) {
  const db = await getDb();
  const physician = await physicianIn(db, lng);
  const coordinator = await staff(db, "konyang");
  const referral = await referralAt(db, physician, { site: "konyang", now: new Date(), ...options });
  return { db, physician, coordinator, id: referral.id, referenceCode: referral.referenceCode };
}

export async function getSessionUserFor(cookie: string) {
  return (await getSessionUser(getRequest("/", { cookie }))) as Staff | null;
}

/** A date `days` from now: the date field's three parts as the form posts them, and the date as ISO. */
export function inDays(days: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  return {
    fields: {
      "date.year": String(d.getUTCFullYear()),
      "date.month": String(d.getUTCMonth() + 1),
      "date.day": String(d.getUTCDate()),
    },
    iso: d.toISOString().slice(0, 10),
  };
}

/**
 * Before each test: empty queues and an empty mailbox (mail an earlier test queued is delivered first, so each test
 * reads only its own); after the file, the capture closes. `mailArrives` waits for the mail an action queued: the
 * route nudges the mailer; this waits for that pass (and runs one more).
 */
export function freshQueuesAndMailbox(capture: {
  received: unknown[];
  close: () => unknown;
  waitFor: (count: number) => Promise<CapturedMail[]>;
}) {
  beforeEach(async () => {
    await emptyQueues(await getDb());
    await kickMailer();
    capture.received.length = 0;
  });
  afterAll(() => capture.close());
  return {
    mailArrives: async (count: number) => {
      await kickMailer();
      return capture.waitFor(count);
    },
  };
}

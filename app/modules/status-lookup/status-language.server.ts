// The language a page speaks (issue #17, item 2). The reader decides: the switcher (its query or cookie), else the
// browser's Accept-Language. Only when the browser asks for none of ko, ja and en does the patient's status page fall
// back to the patient's own preferred language — read from the status session on the server, never from a cookie a
// lookup leaves behind, so the next patient on a shared device is not greeted in the previous patient's language.
import { fallbackLanguage, isLanguage, type Language } from "~/i18n/config";
import { requestedLanguage } from "~/i18n/detect";
import type { Database } from "~/utils/db.server";
import { getDb } from "~/utils/db.server";
import { findStatusById, findStatusSession } from "./status-lookup.repository.server";
import { STATUS_SESSION_IDLE_MS, statusTokenFrom } from "./status-lookup.service.server";
import { sha256Hex } from "~/utils/tokens.server";
import { stopState, UNSUBSCRIBE_PATH } from "~/modules/patient-notifications/patient-notifications.service.server";

/** The pages a status session opens (the status and its calendar file). */
export function isStatusViewPath(pathname: string): boolean {
  return pathname === "/status/view" || pathname.startsWith("/status/view/");
}

/** The preferred language of the patient whose live status session this token opens; reads only, extends nothing. */
export async function sessionPatientLanguage(db: Database, token: string | null, now: Date): Promise<Language | null> {
  if (!token) return null;
  const session = await findStatusSession(db, sha256Hex(token));
  if (!session) return null;
  const idle = now.getTime() - new Date(session.last_seen_at).getTime() > STATUS_SESSION_IDLE_MS;
  if (idle || now.toISOString() >= session.expires_at) return null;
  const row = await findStatusById(db, session.referral_id);
  return isLanguage(row?.patient_language) ? row.patient_language : null;
}

/**
 * The language of any page: what the reader asked for; else, on the status view and on the page that stops status
 * e-mails, the patient's own; else English.
 */
export async function pageLanguage(request: Request, now = new Date()): Promise<Language> {
  const requested = requestedLanguage(request);
  if (requested) return requested;
  const { pathname } = new URL(request.url);
  if (isStatusViewPath(pathname))
    return (await sessionPatientLanguage(await getDb(), statusTokenFrom(request), now)) ?? fallbackLanguage;
  if (pathname.startsWith(`${UNSUBSCRIBE_PATH}/`)) {
    const state = await stopState(await getDb(), decodeURIComponent(pathname.slice(UNSUBSCRIBE_PATH.length + 1)));
    return state.kind === "unknown" ? fallbackLanguage : state.language;
  }
  return fallbackLanguage;
}

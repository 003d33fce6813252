// The patient's status lookup (shared/domain/workflow.md, "What the patient sees"; privacy.md rule 3): a reference
// code and a date of birth open one referral's status, in plain words, and nothing else. Both doors (the page and
// POST /api/v1/status) come here, so they share the limits, the identical failure answer and the audit trail.
// docs/decisions/0007-patient-status-lookup.md explains the choices.
import { isSiteCode } from "~/domain/routing/site-facts";
import { z } from "zod";
import { isIsoDate } from "~/domain/case/dates";
import { patientStageOf, type ReferralStatus } from "~/domain/workflow/states";
import { isLanguage } from "~/i18n/config";
import { auditBy } from "~/modules/audit/audit.service.server";
import { failureLimit, hashedKey, MINUTE } from "~/modules/rate-limit/rate-limit.service.server";
import { cookieName, readCookie, serializeCookie } from "~/utils/cookies.server";
import type { Database } from "~/utils/db.server";
import { randomToken, safeEqual, sha256Hex } from "~/utils/tokens.server";
import type { StatusLookupInput } from "./status-lookup.schema";
import type { StatusFacts } from "./status-words";
import {
  deleteStatusSessionsExpiredBefore,
  endStatusSession,
  findStatusByCode,
  findStatusById,
  findStatusSession,
  insertStatusSession,
  touchStatusSession,
  type StatusRow,
} from "./status-lookup.repository.server";

/** Five wrong tries on one code lock it for 15 minutes, whether or not a referral has that code. */
const codeLimit = failureLimit({
  policy: { max: 5, windowMs: null, blockMs: 15 * MINUTE },
  key: (referenceCode: string) => hashedKey("status:code", referenceCode),
});
/** One address may fail 10 times in 15 minutes: enough for typos, far too few to guess a 70-bit code. */
const addressLimit = failureLimit({
  policy: { max: 10, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE },
  key: (ip: string | null) => hashedKey("status:address", ip ?? "unknown"),
});
/** The status session closes after 5 idle minutes (a shared or lost phone shows nothing for long)… */
export const STATUS_SESSION_IDLE_MS = 5 * MINUTE;
/** …and after 30 minutes whatever happens. */
export const STATUS_SESSION_ABSOLUTE_MS = 30 * MINUTE;

export type LookupDoor = "page" | "api";
export type LookupContext = { ip: string | null; now: Date; door: LookupDoor; previousToken?: string | null };
export type LookupResult =
  | { kind: "found"; facts: StatusFacts; setCookie: string | null }
  | { kind: "not_found" }
  | { kind: "locked"; until: Date }
  | { kind: "throttled"; until: Date };

// Compared against when no referral has the code, so a wrong code costs what a wrong birth date costs.
const NO_REFERRAL = sha256Hex("no referral has this code");

// What the coordinator recorded when booking; read defensively, and only the date, time and place are shown.
const consultationSchema = z.object({
  date: z.string().refine(isIsoDate),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .nullish()
    .catch(null),
  place: z.string().trim().max(300).nullish().catch(null),
});

function consultationOf(json: string | null): StatusFacts["consultation"] {
  if (!json) return null;
  try {
    const parsed = consultationSchema.safeParse(JSON.parse(json));
    return parsed.success
      ? { date: parsed.data.date, time: parsed.data.time ?? null, place: parsed.data.place || null }
      : null;
  } catch {
    return null;
  }
}

function factsOf(row: StatusRow): StatusFacts | null {
  const stage = patientStageOf(row.status as ReferralStatus);
  const code = row.site_code;
  if (!stage || !isSiteCode(code) || !row.name_en || !row.timezone) return null;
  return {
    stage,
    statusChangedAt: row.status_changed_at,
    site: {
      code,
      names: { ko: row.name_ko ?? row.name_en, ja: row.name_ja ?? row.name_en, en: row.name_en },
      timezone: row.timezone,
    },
    patientLanguage: isLanguage(row.patient_language) ? row.patient_language : null,
    consultation: stage === "consultation_scheduled" ? consultationOf(row.consultation_json) : null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The session cookie: a random token; the database keeps its hash and the referral it opens. Nothing else.

const statusCookie = () => cookieName("kq_status");

export function statusTokenFrom(request: Request): string | null {
  return readCookie(request, statusCookie()) ?? null;
}

export function clearStatusCookie(): string {
  return serializeCookie(statusCookie(), "", { maxAgeSeconds: 0 });
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Looks a referral up by code and birth date. A wrong code and a wrong birth date do the same database work and
 * give the same answer; a locked code refuses even the right birth date without looking; every attempt is audited
 * (the code only as a hash, the birth date never). On the page door a success opens a status session.
 */
export async function lookUpStatus(
  db: Database,
  input: StatusLookupInput,
  context: LookupContext,
): Promise<LookupResult> {
  const { now, ip, door } = context;
  const code = codeLimit.key(input.referenceCode);
  const audit = (trx: Database, ok: boolean, outcome: string, referralId: string | null) =>
    auditBy(trx, null, context)("status.lookup", ["referral", referralId], { ok, outcome, door, code });

  // The code's lock first: a locked code says so even to an address that is also held back.
  const codeState = await codeLimit.check(db, input.referenceCode, now);
  if (codeState.blocked) {
    await audit(db, false, "locked", null);
    return { kind: "locked", until: codeState.until };
  }
  const addressState = await addressLimit.check(db, ip, now);
  if (addressState.blocked) {
    await audit(db, false, "throttled", null);
    return { kind: "throttled", until: addressState.until };
  }

  const row = await findStatusByCode(db, input.referenceCode);
  const facts = row ? factsOf(row) : null;
  // Equal-length hashes compared in constant time, against a stand-in when there is no referral.
  const birthDateMatches = safeEqual(
    sha256Hex(input.birthDate),
    row?.patient_birth_date ? sha256Hex(row.patient_birth_date) : NO_REFERRAL,
  );

  if (!birthDateMatches || !row || !facts) {
    return db.transaction().execute(async (trx): Promise<LookupResult> => {
      const addressAfter = await addressLimit.fail(trx, ip, now);
      const codeAfter = await codeLimit.fail(trx, input.referenceCode, now);
      const result: LookupResult = codeAfter.blocked
        ? { kind: "locked", until: codeAfter.until }
        : addressAfter.blocked
          ? { kind: "throttled", until: addressAfter.until }
          : { kind: "not_found" };
      // The referral is named in the (internal) audit record even for a wrong birth date: someone tried it.
      await audit(trx, false, result.kind, row?.id ?? null);
      return result;
    });
  }

  return db.transaction().execute(async (trx): Promise<LookupResult> => {
    await codeLimit.clear(trx, input.referenceCode);
    let setCookie: string | null = null;
    if (door === "page") {
      if (context.previousToken) await endStatusSession(trx, sha256Hex(context.previousToken), now.toISOString());
      const token = randomToken();
      await insertStatusSession(trx, {
        id: sha256Hex(token),
        referral_id: row.id,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: new Date(now.getTime() + STATUS_SESSION_ABSOLUTE_MS).toISOString(),
        ended_at: null,
      });
      await deleteStatusSessionsExpiredBefore(trx, new Date(now.getTime() - 24 * 60 * MINUTE).toISOString());
      setCookie = serializeCookie(statusCookie(), token);
    }
    await audit(trx, true, "found", row.id);
    return { kind: "found", facts, setCookie };
  });
}

/** `referralId` stays on the server: it names the consultation's calendar entry (hashed) and is never shown. */
export type SessionStatus =
  | { kind: "ok"; facts: StatusFacts; referralId: string; consultationJson: string | null }
  | { kind: "none" }
  | { kind: "expired" };

/** The status a session cookie opens, while the session lives (5 idle minutes, 30 in all); each view keeps it alive. */
export async function statusForSession(db: Database, token: string | null, now: Date): Promise<SessionStatus> {
  if (!token) return { kind: "none" };
  const id = sha256Hex(token);
  const session = await findStatusSession(db, id);
  if (!session) return { kind: "expired" };
  const idle = now.getTime() - new Date(session.last_seen_at).getTime() > STATUS_SESSION_IDLE_MS;
  if (idle || now.toISOString() >= session.expires_at) {
    await endStatusSession(db, id, now.toISOString());
    return { kind: "expired" };
  }
  const row = await findStatusById(db, session.referral_id);
  const facts = row ? factsOf(row) : null;
  if (!facts) {
    await endStatusSession(db, id, now.toISOString());
    return { kind: "expired" };
  }
  await touchStatusSession(db, id, now.toISOString());
  return { kind: "ok", facts, referralId: row!.id, consultationJson: row!.consultation_json };
}

/** "Finish" and "check another referral": the session ends at once, whatever is left of it. */
export async function endStatusSessionFor(db: Database, token: string | null, now: Date): Promise<void> {
  if (token) await endStatusSession(db, sha256Hex(token), now.toISOString());
}

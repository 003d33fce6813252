import { pruneExpiredChallenges } from "~/modules/accounts/mfa-challenge.server";
import { pruneExpiredDevices } from "~/modules/accounts/sign-in-devices.server";
import { PAIR_MEMORY_MS } from "~/modules/accounts/sign-in-throttle.server";
import { pruneRateLimits } from "~/modules/rate-limit/rate-limit.service.server";
import { getDb, type Database } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { newId } from "~/utils/tokens.server";
import { purgeEndedReferrals } from "./referral-purge.server";

// The housekeeping job (ADR 0021): what has served its purpose is removed, and each run is written down with counts
// only. Audit events are never touched (append-only, kept at least two years: privacy.md rule 4).

export type RetentionCounts = {
  rateLimitCounters: number;
  statusLookupSessions: number;
  signInDevices: number;
  signInChallenges: number;
  /** Privacy rule 5 (ADR 0025); absent from runs recorded before it. */
  referralsPurged?: number;
  attachmentFilesRemoved?: number;
};

/** Counters (failures, lockouts, waits) whose longest policy has run out: a day since the last one, plus an hour. */
const COUNTER_MEMORY_MS = PAIR_MEMORY_MS + 60 * 60_000;

async function pruneStatusSessions(db: Database, now: Date): Promise<number> {
  // A patient's status session that ended or expired is never used again (the cookie names a dead row).
  const result = await db
    .deleteFrom("status_sessions")
    .where((eb) => eb.or([eb("ended_at", "is not", null), eb("expires_at", "<=", now.toISOString())]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function runRetention(
  db: Database,
  now: Date,
  referralRetentionDays = env().REFERRAL_RETENTION_DAYS,
): Promise<RetentionCounts> {
  const pruned = await db.transaction().execute(async (trx) => ({
    rateLimitCounters: await pruneRateLimits(trx, new Date(now.getTime() - COUNTER_MEMORY_MS)),
    statusLookupSessions: await pruneStatusSessions(trx, now),
    signInDevices: await pruneExpiredDevices(trx, now),
    signInChallenges: await pruneExpiredChallenges(trx, now),
  }));
  // Each referral is purged in its own transaction (referral-purge.server.ts), so this part stands outside the one above.
  const counts: RetentionCounts = { ...pruned, ...(await purgeEndedReferrals(db, now, referralRetentionDays)) };
  await db
    .insertInto("retention_runs")
    .values({
      id: newId(),
      started_at: now.toISOString(),
      finished_at: new Date().toISOString(),
      counts_json: JSON.stringify(counts),
    })
    .execute();
  return counts;
}

export async function lastRetentionRun(db: Database): Promise<{ finishedAt: string; counts: RetentionCounts } | null> {
  const row = await db
    .selectFrom("retention_runs")
    .select(["finished_at", "counts_json"])
    .orderBy("finished_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? { finishedAt: row.finished_at, counts: JSON.parse(row.counts_json) as RetentionCounts } : null;
}

let timer: NodeJS.Timeout | undefined;

/** Runs the job at start and then every hour, in the background (server/index.ts). */
export function startRetentionJob(intervalMs = 60 * 60_000) {
  if (timer) return;
  const run = () =>
    void getDb()
      .then((db) => runRetention(db, new Date()))
      .then((counts) => logger.info({ counts }, "retention run"))
      .catch((err: unknown) => logger.error({ err }, "retention run failed"));
  run();
  timer = setInterval(run, intervalMs);
  timer.unref();
}

// One event of a referral's history as its physician reads it: the service builds it, the history list shows it.
export type HistoryEntry = {
  seq: number;
  at: string;
  action: string;
  actorRole: string;
  from: string | null;
  to: string;
  site: string | null;
  reasonCode: string | null;
  note: string | null;
  data: Record<string, unknown>;
};

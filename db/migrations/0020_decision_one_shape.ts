import type { Kysely } from "kysely";

// Frozen once landed. The screen's decision was stored in two shapes: `referrals.decision_json` held the full
// in-memory Decision (each criterion with `fields`, `missing`, `source` and the internal `cap`), while
// `referral_screens.decision_json` held the contract's decision JSON (shared/domain/referral-case.md). From now on
// both hold the contract's shape only (docs/decisions/0028-referral-mapper-and-one-decision-shape.md); this rewrites
// the old rows. The conversion is copied here, not imported, so the migration never changes with the domain.

type Row = { id: string; decision_json: string | null };

const criterionKeys = ["id", "status", "value", "expected", "resolve", "details"] as const;

/** The contract's decision JSON from either stored shape (a contract-shaped one comes back equal). */
export function contractShape(stored: Record<string, unknown>): Record<string, unknown> {
  const route = (stored.route ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {
    rulesetVersion: stored.rulesetVersion,
    outcome: stored.outcome,
    coverage: stored.coverage,
    criteria: (Array.isArray(stored.criteria) ? stored.criteria : []).map((c: Record<string, unknown>) => {
      const kept: Record<string, unknown> = {};
      for (const key of criterionKeys) if (c[key] !== undefined) kept[key] = c[key];
      return kept;
    }),
    missing: Array.isArray(stored.missing) ? [...stored.missing] : [],
    route: {
      site: route.site ?? null,
      reasons: Array.isArray(route.reasons) ? [...route.reasons] : [],
      alternatives: Array.isArray(route.alternatives) ? [...route.alternatives] : [],
    },
  };
  const funding = stored.funding as Record<string, unknown> | undefined;
  if (funding) out.funding = { tier: funding.tier, patientPays: funding.patientPays, notes: funding.notes ?? [] };
  return out;
}

async function rewrite(db: Kysely<any>, table: "referrals" | "referral_screens"): Promise<void> {
  const rows: Row[] = await db
    .selectFrom(table)
    .select(["id", "decision_json"])
    .where("decision_json", "is not", null)
    .execute();
  for (const row of rows) {
    let stored: unknown;
    try {
      stored = JSON.parse(row.decision_json ?? "");
    } catch {
      continue; // Not JSON: left as it is for a person to look at (the mapper reads it as no decision).
    }
    if (!stored || typeof stored !== "object") continue;
    const text = JSON.stringify(contractShape(stored as Record<string, unknown>));
    if (text !== row.decision_json)
      await db.updateTable(table).set({ decision_json: text }).where("id", "=", row.id).execute();
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await rewrite(db, "referrals");
  await rewrite(db, "referral_screens");
}

// The fields dropped (each criterion's `fields`, `missing`, `source`, `cap`) were derived and are not restored.
export async function down(): Promise<void> {}

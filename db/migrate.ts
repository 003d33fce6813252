import type { Kysely } from "kysely";
import { Migrator, type MigrationProvider } from "kysely";
import { migrations } from "./migrations/index";

const registry: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Branches may land migrations out of number order (0012 before 0009); each is independent of the others'
  // numbers, so a database that ran a later one still takes an earlier one that arrives after it.
  const migrator = new Migrator({ db, provider: registry, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

// The browser tests' server runs on SQLite by default, or on PostgreSQL when E2E_DATABASE_URL names a server
// (`npm run test:e2e:pg`; playwright.config.ts). Where a spec needs a value only the database knows (an account's id,
// a patient's birth date), it reads it here, read only, from whichever engine the server runs on: one query text,
// written so that both engines answer it alike (aliases in double quotes, since PostgreSQL folds bare ones to lower
// case).

const port = Number(process.env.E2E_PORT ?? 3210);

/** The PostgreSQL server the browser tests run on (any database on it, e.g. …/postgres), or undefined for SQLite. */
export const e2eServerUrl = process.env.E2E_DATABASE_URL || undefined;

/** The run's own PostgreSQL database: one per E2E_PORT, so two runs side by side never share one. */
export const e2eDatabaseName = `kq_e2e_${port}`;

/** The URL of the run's PostgreSQL database (undefined on SQLite). */
export function e2eDatabaseUrl(): string | undefined {
  if (!e2eServerUrl) return undefined;
  const url = new URL(e2eServerUrl);
  url.pathname = `/${e2eDatabaseName}`;
  return url.toString();
}

/** The test server's SQLite file (playwright.config.ts). */
export const e2eDatabaseFile = () =>
  path.resolve(process.env.E2E_DATA_DIR ?? `.cache/e2e-data-${port}`, "portal.sqlite");

// Counts come back as numbers, as SQLite gives them (node-postgres leaves bigint as a string).
const numbersAsNumbers = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    return format ? pg.types.getTypeParser(oid, format) : pg.types.getTypeParser(oid);
  },
};

/** PostgreSQL numbers its parameters ($1, $2, …) where SQLite takes `?`. */
const numberedParameters = (text: string) => {
  let n = 0;
  return text.replace(/\?/g, () => `$${(n += 1)}`);
};

/** The first row `text` answers (`?` for each parameter), or undefined, from the test server's database. */
export async function readRow<T>(text: string, ...params: unknown[]): Promise<T | undefined> {
  const url = e2eDatabaseUrl();
  if (url) {
    const client = new pg.Client({ connectionString: url, types: numbersAsNumbers });
    await client.connect();
    try {
      const answer = await client.query(numberedParameters(text), params);
      return answer.rows[0] as T | undefined;
    } finally {
      await client.end();
    }
  }
  const db = new Database(e2eDatabaseFile(), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(text).get(...params) as T | undefined;
  } finally {
    db.close();
  }
}

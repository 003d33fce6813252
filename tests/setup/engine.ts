// Which engine this test run uses: SQLite files by default, PostgreSQL when TEST_DATABASE_URL is set
// (`npm run test:unit:pg`). A test that only means something on SQLite (its file format, PRAGMAs, VACUUM INTO, the
// file's durability) runs with `describe.skipIf(onPostgres)`: on PostgreSQL that engine is not there to test.
export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

import { defineConfig, mergeConfig } from "vitest/config";
import viteConfig from "./vite.config";

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      include: ["app/**/*.test.{ts,tsx}", "tests/**/*.test.ts", "bin/**/*.test.ts", "db/**/*.test.ts"],
      exclude: ["tests/e2e/**", "node_modules/**"],
      environment: "node",
      setupFiles: ["tests/setup/env.ts"],
      // Without TEST_DATABASE_URL it does nothing (SQLite); with it, it migrates a PostgreSQL template database.
      globalSetup: ["tests/setup/postgres.ts"],
      pool: "forks",
      // On PostgreSQL every query is a round trip to another process: seeding the demo data in a hook takes a few times
      // longer than on SQLite, so the PostgreSQL run (TEST_DATABASE_URL) gives hooks and tests more time before failing.
      testTimeout: process.env.TEST_DATABASE_URL ? 60_000 : 20_000,
      hookTimeout: process.env.TEST_DATABASE_URL ? 60_000 : 10_000,
    },
  }),
);

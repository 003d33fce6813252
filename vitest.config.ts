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
      testTimeout: 20_000,
    },
  }),
);

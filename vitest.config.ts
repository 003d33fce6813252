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
      pool: "forks",
      testTimeout: 20_000,
    },
  }),
);

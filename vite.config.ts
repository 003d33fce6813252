import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import remixConfig from "./remix.config.js";

export default defineConfig({
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  // The Remix plugin stays out of Vitest runs (it would try to compile routes for every test file).
  plugins: process.env.VITEST ? [] : [remix(remixConfig)],
  server: { port: 3000, host: "127.0.0.1" },
});

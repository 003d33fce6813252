import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import remixConfig from "../../remix.config.js";

// vite.config.ts with the Remix plugin that Vitest runs leave out: the security tests compile the real routes.
export default defineConfig({
  root: new URL("../..", import.meta.url).pathname,
  resolve: { alias: { "~": new URL("../../app", import.meta.url).pathname } },
  plugins: [remix(remixConfig)],
});

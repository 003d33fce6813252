// The bare Remix twin the HTTP benchmark measures the portal against (bench/http.bench.ts): the same Remix, React,
// Vite, Express and compression as the portal, and nothing else. Built on its own (`remix vite:build bench/twin`),
// never part of the portal's build.
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

export default defineConfig({
  root: import.meta.dirname,
  plugins: [
    remix({
      appDirectory: "app",
      buildDirectory: "build",
      serverModuleFormat: "esm",
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
  logLevel: "warn",
});

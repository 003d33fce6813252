// Compiles the HTTP server (server/index.ts and the app modules it imports) to one JavaScript file,
// build/node/server.js, so production runs on plain `node` with no TypeScript loader (docs/decisions/0019-speed.md).
// Packages stay imports from node_modules (native modules such as better-sqlite3 cannot be bundled); only the
// project's own files, reached by relative paths or the `~/` alias (tsconfig paths, read by esbuild), are compiled in.
import { build } from "esbuild";

const outfile = process.argv[2] ?? "build/node/server.js";

/** Everything that is not a relative path, an absolute path or `~/…` is a package: leave it to node_modules. */
const packagesStayExternal = {
  name: "packages-stay-external",
  setup(builder) {
    builder.onResolve({ filter: /^[^./~]/ }, (args) => ({ path: args.path, external: true }));
  },
};

await build({
  entryPoints: ["server/index.ts"],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: "linked",
  tsconfig: "tsconfig.json",
  plugins: [packagesStayExternal],
  logLevel: "warning",
});

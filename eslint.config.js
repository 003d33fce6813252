import i18next from "eslint-plugin-i18next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// Import restrictions by layer. The patterns are gitignore-style and see the import as written: `~/components/x` and
// `../../components/x` alike.
const serverOnly = {
  group: ["**/*.server", "**/*.server.*", "node:*", "kysely", "better-sqlite3"],
  message: "UI and domain code must not import server-only modules.",
};
const uiComponents = {
  group: ["~/components", "~/components/**", "**/components/**"],
  message:
    "Domain and server modules must not import UI code: move what is shared to app/domain, app/i18n or the module.",
};
const routeCode = {
  group: ["~/routes", "~/routes/**", "**/routes/**"],
  message: "Domain and server modules must not import routes: routes call modules, never the other way round.",
};

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "bench/twin/build/**",
      ".cache/**",
      "node_modules/**",
      "db/types.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // No user-facing literal in JSX: every word comes from locales/.
    files: ["app/**/*.tsx"],
    plugins: { i18next },
    rules: { "i18next/no-literal-string": ["error", { mode: "jsx-text-only" }] },
  },
  {
    // UI code never reaches server-only modules.
    files: ["app/components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [serverOnly] }] },
  },
  {
    // The domain is pure: no server-only module, no UI, no route.
    files: ["app/domain/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [serverOnly, uiComponents, routeCode] }] },
  },
  {
    // Server modules never import UI or routes (#14): a word or type both need lives in app/domain, app/i18n or the
    // module, and the component imports it from there.
    files: ["app/modules/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [uiComponents, routeCode] }] },
  },
  {
    // A module's integration test may drive a route's loader or action end to end (e.g. a purged referral is a 404 on
    // the staff page); it still never imports UI code.
    files: ["app/modules/**/*.test.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [uiComponents] }] },
  },
  {
    // Routes talk to services, never to the database: a repository or the query builder in a route is refused.
    files: ["app/routes/**/*.{ts,tsx}"],
    ignores: ["app/routes/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/*.repository.server", "kysely", "better-sqlite3"],
              message: "Routes call services; repositories and SQL stay in app/modules.",
            },
          ],
        },
      ],
    },
  },
  {
    // Routes read the typed camelCase objects services return (one mapper per aggregate, e.g.
    // referral.mapper.server.ts), never a database row's snake_case column.
    files: ["app/routes/**/*.{ts,tsx}"],
    ignores: ["app/routes/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom)$/]",
          message: "Routes call services; queries stay in repositories.",
        },
        {
          selector: "MemberExpression[computed=false][property.name=/^[a-z0-9]+_[a-z0-9_]+$/]",
          message: "Routes read the typed objects services return, never a database row's snake_case column.",
        },
        {
          selector: "ObjectPattern > Property[key.name=/^[a-z0-9]+_[a-z0-9_]+$/]",
          message: "Routes read the typed objects services return, never a database row's snake_case column.",
        },
      ],
    },
  },
  {
    // Small files with one job (#14): a source file over 400 lines is split by subject. The rule sets are tables of
    // data, clearer whole.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/domain/eligibility/rulesets/**"],
    rules: { "max-lines": ["error", { max: 400 }] },
  },
  {
    // Short functions (#14): a function over 80 lines is broken into named parts. Test files are exempt: a
    // `describe` block is a list of cases, not a function to read top to bottom.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.test.{ts,tsx}", "app/domain/eligibility/rulesets/**"],
    rules: { "max-lines-per-function": ["error", { max: 80 }] },
  },
);

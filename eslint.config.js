// ESLint flat config. typescript-eslint's recommended rules without type information (the type-aware set is too
// slow for CI on small machines; `tsc --noEmit` covers types), React's hook rules for the client, and
// eslint-config-prettier last so layout is left to Prettier.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "client/dist/**",
      "client/src/generated/**",
      ".neo4j/**",
      "node_modules/**",
      "coverage/**",
      "bench/results/**",
    ],
  },
  {
    files: ["**/*.{ts,tsx,mts,cts,js,mjs,cjs}"],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // A leading underscore marks a deliberately unused name: a field left out with a rest pattern, a loop that counts.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // Control characters in patterns are the point where they occur: input checks reject them, log capture strips ANSI escapes.
      "no-control-regex": "off",
    },
  },
  {
    files: ["client/src/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // React Compiler rules; the client is not compiled by it. It resets local state when a prop changes in an effect
      // and keeps the latest callback in a ref for long-lived listeners (cytoscape), both on purpose.
      "react-hooks/set-state-in-effect": "off",
      "react-hooks/refs": "off",
    },
  },
  {
    // CommonJS config files (dependency-cruiser's).
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
);

// The server's layers (issue #11): platform below domains, domains talk to each other through a domain's index.ts,
// only main.ts (and tests, bench, scripts) compose the app. `npm run lint:deps` checks them; so does
// tests/unit/architecture.test.ts, which reads these rules.
/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "platform-below-domains",
      comment: "server/platform/ is the base every domain stands on; it must not import a domain or the app.",
      severity: "error",
      from: { path: "^server/platform/" },
      to: { path: "^server/(domains|app)/" },
    },
    {
      name: "domain-through-index",
      comment: "A domain uses another domain only through that domain's public index.ts.",
      severity: "error",
      from: { path: "^server/domains/([^/]+)/" },
      to: { path: "^server/domains/[^/]+/", pathNot: ["^server/domains/$1/", "^server/domains/[^/]+/index\\.ts$"] },
    },
    {
      name: "app-only-from-main",
      comment: "server/app/ composes everything; only server/main.ts (and tests, bench, scripts) start it.",
      severity: "error",
      from: { pathNot: ["^server/main\\.ts$", "^server/app/", "^(tests|bench|scripts)/"] },
      to: { path: "^server/app/" },
    },
    {
      name: "no-circular-server",
      comment: "No import cycles within server/.",
      severity: "error",
      from: { path: "^server/" },
      to: { path: "^server/", circular: true },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that resolves to nothing is a typo or a missing package.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(dist|\\.neo4j|node_modules|generated)/" },
    // Type-only imports count too: a type still ties one layer to another.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};

import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Typed operations for the client: the schema printed by scripts/print-schema.ts, the documents
 * written with `graphql(...)` in client/src. Output in client/src/generated/ — never edited by hand,
 * committed so a build needs no server.
 */
const config: CodegenConfig = {
  schema: "client/schema.generated.graphql",
  documents: ["client/src/**/*.{ts,tsx}", "!client/src/generated/**"],
  ignoreNoDocuments: true,
  generates: {
    "client/src/generated/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: false,
        // Only the types the operations use, not the whole 17,000-line generated schema.
        onlyOperationTypes: true,
        // Dates travel as ISO strings.
        scalars: {
          Date: "string",
          DateTime: "string",
          BigInt: "string",
          Duration: "string",
          LocalDateTime: "string",
          LocalTime: "string",
          Time: "string",
        },
      },
    },
  },
};

export default config;

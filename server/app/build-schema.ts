import "reflect-metadata";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { mergeSchemas } from "@graphql-tools/schema";
import { Neo4jGraphQL } from "@neo4j/graphql";
import type { GraphQLSchema } from "graphql";
import { buildSchema, type NonEmptyArray } from "type-graphql";
import type { Database } from "../platform/neo4j/database.js";
import { SystemResolver } from "../platform/faults/SystemResolver.js";
import { applyAccessRules, neo4jGraphQLFeatures } from "../platform/auth/apply-access-rules.js";
import { AuthResolver } from "../platform/auth/AuthResolver.js";
import { checkAuth } from "../platform/auth/check-auth.js";
import { PrivacyResolver } from "../domains/privacy/index.js";
import { HistoryResolver } from "../domains/history/index.js";
import { CaseResolver, PublicQuestionResolver, SprintResolver } from "../domains/case-workflow/index.js";
import { ProposalResolver, SendingResolver } from "../domains/proposals/index.js";
import { MailResolver } from "../domains/mail/index.js";
import { InvitationResolver } from "../domains/invitations/index.js";
import { SuggestionResolver } from "../domains/suggestions/index.js";
import { VocabularyResolver } from "../domains/vocabulary/index.js";
import { OutreachResolver } from "../domains/outreach/index.js";
import { FiguresResolver } from "../domains/figures/index.js";
import { SpreadsheetsResolver } from "../domains/spreadsheets/index.js";
// The institution portal (#18).
import { PortalResolver } from "../domains/portal/index.js";
import {
  WarmPathsResolver,
  EmbeddingResolver,
  NextBestContactsResolver,
  TieStrengthResolver,
  NetworkSettingsResolver,
} from "../domains/network/index.js";

const schemaDir = fileURLToPath(new URL("../../schema/", import.meta.url));

/** The custom resolvers merged into the one schema; each domain adds its own here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const customResolvers: NonEmptyArray<Function> = [
  SystemResolver,
  AuthResolver,
  PrivacyResolver,
  HistoryResolver,
  CaseResolver,
  // The public question form (issue #18 part 1).
  PublicQuestionResolver,
  SuggestionResolver,
  VocabularyResolver,
  ProposalResolver,
  SendingResolver,
  MailResolver,
  SprintResolver,
  OutreachResolver,
  FiguresResolver,
  SpreadsheetsResolver,
  WarmPathsResolver,
  EmbeddingResolver,
  NextBestContactsResolver,
  TieStrengthResolver,
  NetworkSettingsResolver,
  InvitationResolver,
  // The institution portal (#18).
  PortalResolver,
];

/** Every schema/*.graphql file, in name order: the graph model. */
export function readTypeDefs(): string {
  return readdirSync(schemaDir)
    .filter((f) => f.endsWith(".graphql"))
    .sort()
    .map((f) => readFileSync(path.join(schemaDir, f), "utf8"))
    .join("\n");
}

/**
 * One schema at /graphql: the CRUD that @neo4j/graphql generates from schema/graph.graphql, with
 * the type-graphql resolvers (analytics, case workflow, …) merged in.
 */
export async function buildGraphQLSchema(db: Database, options: { maxPageSize?: number } = {}): Promise<GraphQLSchema> {
  // Access rules and the page-size cap come from server/platform/auth/access-policy.ts (docs/security.md).
  const typeDefs = applyAccessRules(readTypeDefs(), { maxPageSize: options.maxPageSize ?? 1000 });
  const neo = new Neo4jGraphQL({ typeDefs, driver: db.graphqlDriver(), features: neo4jGraphQLFeatures() });
  const generated = await neo.getSchema();
  const custom = await buildSchema({ resolvers: customResolvers, validate: false, authChecker: checkAuth, authMode: "error" });
  return mergeSchemas({ schemas: [generated, custom] });
}

import "reflect-metadata";
import { Neo4jGraphQL } from "@neo4j/graphql";
import type { GraphQLNamedType } from "graphql";
import { buildSchema } from "type-graphql";
import { describe, expect, it } from "vitest";
import { CaseResolver } from "../../server/domains/case-workflow/CaseResolver.js";
import { readTypeDefs } from "../../server/app/build-schema.js";
import { ProposalResolver } from "../../server/domains/proposals/ProposalResolver.js";
import { SendingResolver } from "../../server/domains/proposals/SendingResolver.js";
import { MailResolver } from "../../server/domains/mail/MailResolver.js";
import { SprintResolver } from "../../server/domains/case-workflow/SprintResolver.js";
import { SuggestionResolver } from "../../server/domains/suggestions/SuggestionResolver.js";

/**
 * The workflow's type-graphql types are merged with @neo4j/graphql's generated schema by name. A
 * same-named object type would be silently merged into a hybrid, so only these enums may share a
 * name, and only with exactly the generated values.
 */
const SHARED_ENUMS = [
  "CaseStatus",
  "EducationLevel",
  "Effort",
  "PartnerKind",
  "SmeSize",
  "InteractionChannel",
  "ProposalAnswer",
  "ProposalWithdrawal",
  "SprintStatus",
  "Language",
];

describe("the workflow's GraphQL type names", () => {
  it("collide with the generated schema only in shared enums with identical values", async () => {
    const generated = await new Neo4jGraphQL({ typeDefs: readTypeDefs() }).getSchema();
    const custom = await buildSchema({
      resolvers: [CaseResolver, SuggestionResolver, ProposalResolver, SendingResolver, MailResolver, SprintResolver],
      validate: false,
      authChecker: () => true,
    });
    const own = Object.values(custom.getTypeMap()).filter((t: GraphQLNamedType) => !t.name.startsWith("__"));
    const collisions = own.filter(
      (t) => generated.getType(t.name) && !["Query", "Mutation", "String", "Int", "Float", "Boolean", "ID"].includes(t.name),
    );
    expect(collisions.map((t) => t.name).sort()).toEqual([...SHARED_ENUMS].sort());
    for (const name of SHARED_ENUMS) {
      const mine = custom.getType(name);
      const theirs = generated.getType(name);
      // Duck-typed: @neo4j/graphql and type-graphql may load different copies (ESM/CJS) of graphql.
      const values = (t: unknown): string[] | null =>
        t && typeof t === "object" && "getValues" in t
          ? (t as { getValues(): Array<{ name: string }> })
              .getValues()
              .map((v) => v.name)
              .sort()
          : null;
      expect(values(mine)).not.toBeNull();
      expect(values(mine)).toEqual(values(theirs));
    }
  });
});

import "reflect-metadata";
import { readFileSync } from "node:fs";
import { Kind, parse, type EnumTypeDefinitionNode } from "graphql";
import { getMetadataStorage } from "type-graphql";
import { describe, expect, it } from "vitest";
import { customResolvers } from "../../server/app/build-schema.js";
import * as graphEnums from "../../server/platform/model/graph-enums.js";

/**
 * The guard of server/platform/model/graph-enums.ts: every enum of schema/graph.graphql is a TS enum
 * there with the same name and values, in the same order, and nothing else is; and each is registered
 * with type-graphql once, so the merged schema holds one enum of each name.
 */
const sdlEnums = new Map(
  parse(readFileSync(new URL("../../schema/graph.graphql", import.meta.url), "utf8"))
    .definitions.filter((d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION)
    .map((d) => [d.name.value, (d.values ?? []).map((v) => v.name.value)]),
);

// Every export of graph-enums.ts is an enum object (string member → string value).
const tsEnums = new Map<string, Readonly<Record<string, string>>>(Object.entries(graphEnums));

describe("the graph model's enums", () => {
  it("are declared in graph-enums.ts exactly as in schema/graph.graphql, both ways", () => {
    expect(sdlEnums.size).toBeGreaterThan(0);
    expect([...tsEnums.keys()].sort()).toEqual([...sdlEnums.keys()].sort());
    for (const [name, values] of sdlEnums) {
      const declared = tsEnums.get(name);
      expect(Object.values(declared ?? {}), name).toEqual(values);
      // Member names equal their values, as in the SDL.
      expect(Object.keys(declared ?? {}), name).toEqual(values);
    }
  });

  it("are registered with type-graphql once each, from graph-enums.ts, when every resolver is loaded", () => {
    expect(customResolvers.length).toBeGreaterThan(0);
    const registered = getMetadataStorage().enums;
    for (const [name, declared] of tsEnums) {
      const ofName = registered.filter((e) => e.name === name);
      expect(ofName.length, name).toBe(1);
      expect(ofName[0]?.enumObj, name).toBe(declared);
    }
    // The workflow's own enums too: one registration per name.
    const names = registered.map((e) => e.name).sort();
    expect(names).toEqual([...new Set(names)]);
  });
});

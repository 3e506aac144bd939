import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, configSchema, describeConfig, loadConfig } from "../../server/platform/config.js";

describe("the configuration", () => {
  it("has a default for everything a fresh machine needs: the embedded Neo4j on 127.0.0.1", () => {
    const config = loadConfig({});
    expect(config.NEO4J_URI).toBeUndefined();
    expect(config).toMatchObject({
      HOST: "127.0.0.1",
      PORT: 4000,
      NEO4J_BOLT_PORT: 7687,
      NEO4J_DATABASE: "neo4j",
      SEED_DEMO: true,
    });
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ NEO4J_URI: "", PORT: "" }).NEO4J_URI).toBeUndefined();
  });

  it("reports every bad value, one line each, naming the variable", () => {
    try {
      loadConfig({ PORT: "eighty", NEO4J_URI: "http://x", NEO4J_HEAP: "lots" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const lines = (error as ConfigError).message.split("\n");
      expect(lines).toHaveLength(3);
      expect(lines.map((l) => l.split(" ")[1])).toEqual(["PORT", "NEO4J_URI", "NEO4J_HEAP"]);
    }
  });

  it("accepts the URI schemes of a server, a cluster and Aura", () => {
    for (const uri of ["bolt://db:7687", "neo4j://cluster:7687", "neo4j+s://abc.databases.neo4j.io"]) {
      expect(loadConfig({ NEO4J_URI: uri }).NEO4J_URI).toBe(uri);
    }
  });

  it("masks the password when the configuration is logged", () => {
    const shown = describeConfig(loadConfig({ NEO4J_PASSWORD: "s3cret" }));
    expect(JSON.stringify(shown)).not.toContain("s3cret");
  });

  it("is documented: the README's configuration table names every variable", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    for (const name of Object.keys(configSchema.shape)) {
      expect(readme, `README lacks ${name}`).toContain(`\`${name}\``);
    }
  });
});

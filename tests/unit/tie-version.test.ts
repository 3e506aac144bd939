import path from "node:path";
import { describe, expect, it } from "vitest";
import { statementExports, statementFiles } from "../helpers/statement-exports.js";
import { TIE_VERSION_BUMP } from "../../server/platform/neo4j/statements.js";
import {
  bumpingTieVersion,
  peopleWithIds,
  TIE_VERSION_BUMP_START,
  touchesTies,
} from "../../server/platform/neo4j/tie-version.js";

/**
 * Every writer of KNOWS moves the tie version in its own statement (server/platform/neo4j/tie-version.ts):
 * the warm-tie store trusts it, so a tie write that forgets it would serve stale warm paths. This reads
 * every statements.ts under server/ (new domains included without a change here) and fails on an
 * exported statement, or statement builder, that writes KNOWS without bumpingTieVersion.
 */

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Whether Cypher text writes KNOWS: a write clause (CREATE, MERGE, SET, DELETE, REMOVE) in a statement
 * that names KNOWS. Coarse on purpose: a statement that reads ties and writes something else must say
 * so in `readsTiesWritesOther` below.
 */
function writesKnows(text: string): boolean {
  return /\bKNOWS\b/.test(text) && /\b(CREATE|MERGE|SET|DELETE|REMOVE)\b/.test(text);
}

/** Statements that name KNOWS and write, but not to a tie (`file:NAME` → why). */
const readsTiesWritesOther: Record<string, string> = {};

describe("the tie version", () => {
  const files = statementFiles();

  it("finds the statements files", () => {
    expect(files).toContain(path.join("server", "domains", "network", "statements.ts"));
    expect(files.length).toBeGreaterThan(10);
  });

  it("is bumped by every statement that writes KNOWS", async () => {
    const missing: string[] = [];
    const bumping: string[] = [];
    // A builder's source shows its Cypher template and whether it calls bumpingTieVersion.
    for (const { key, value, text } of await statementExports()) {
      if (!writesKnows(text)) continue;
      if (readsTiesWritesOther[key]) continue;
      const bumps = typeof value === "string" ? value.startsWith(TIE_VERSION_BUMP_START) : /bumpingTieVersion\(/.test(text);
      (bumps ? bumping : missing).push(key);
    }
    expect(missing, "statements that write KNOWS without bumpingTieVersion (server/platform/neo4j/tie-version.ts)").toEqual([]);
    // The writers known today, so that a change of the check itself that finds none is noticed.
    expect(bumping).toEqual(
      expect.arrayContaining([
        "server/domains/network/statements.ts:APPLY_INTERACTION_TO_TIE",
        "server/domains/network/statements.ts:SET_TIE_STRENGTH",
        "server/domains/network/statements.ts:WRITE_REDERIVED_TIES",
        "server/domains/privacy/statements.ts:ERASE_PERSON",
        "server/domains/spreadsheets/statements.ts:IMPORT_TIES",
      ]),
    );
  });

  it("puts the bump first, once", () => {
    const statement = bumpingTieVersion("\nMATCH (a:Person {id: $a}) RETURN a");
    expect(statement.startsWith(TIE_VERSION_BUMP)).toBe(true);
    expect(statement.split("TieVersion").length).toBe(2);
    // Naming whose ties change (the log the analytics worker follows): still one bump, first.
    const named = bumpingTieVersion("\nMATCH (a:Person {id: $a}) RETURN a", peopleWithIds("[$a]"));
    expect(named.startsWith(TIE_VERSION_BUMP_START)).toBe(true);
    expect(named).not.toBe(statement);
    expect(named.split("TieVersion").length).toBe(2);
    expect(named).toContain("changed.id IN [$a]");
    // Without people the change says "*" (every tie is read again).
    expect(statement).toContain("' *'");
    expect(TIE_VERSION_BUMP.startsWith(TIE_VERSION_BUMP_START)).toBe(true);
  });

  it("names whose ties change in every writer that can say (the analytics worker follows them, not every tie)", async () => {
    const named = {
      "server/domains/network/statements.ts": ["APPLY_INTERACTION_TO_TIE", "SET_TIE_STRENGTH", "WRITE_REDERIVED_TIES"],
      "server/domains/privacy/statements.ts": ["ERASE_PERSON"],
      "server/domains/spreadsheets/statements.ts": ["IMPORT_TIES"],
    };
    for (const [file, names] of Object.entries(named)) {
      const module = (await import(path.join(root, file))) as Record<string, unknown>;
      for (const name of names) expect(module[name], `${file}:${name}`).not.toContain(TIE_VERSION_BUMP);
    }
  });

  it("tells which generated writes may change ties", () => {
    // Generated updates that name the tie, and person deletions (DETACH DELETE takes the ties along).
    expect(touchesTies("MATCH (this:Person) WITH * MATCH (this)-[this0:KNOWS]-(other:Person) SET this0.note = $p")).toBe(true);
    expect(touchesTies("MATCH (this:Person) WHERE this.id = $id DETACH DELETE this")).toBe(true);
    expect(touchesTies("MATCH (this:`Person`) DETACH DELETE this")).toBe(true);
    // A case edit, a read of ties, a programme deletion: no.
    expect(touchesTies("MATCH (this:Case) WHERE this.id = $id SET this.title = $title RETURN this")).toBe(false);
    expect(touchesTies("MATCH (this:Person)-[k:KNOWS]-(o:Person) RETURN k")).toBe(false);
    expect(touchesTies("MATCH (this:Programme) DETACH DELETE this")).toBe(false);
  });
});

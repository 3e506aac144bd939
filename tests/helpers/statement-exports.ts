import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * The statements of the server as the guard tests read them (tests/unit/tie-version.test.ts, catalogue-version.test.ts):
 * every server/**\/statements.ts (new domains included without a change here) and each of its exports.
 */

const root = path.resolve(import.meta.dirname, "../..");

/** Every server/**\/statements.ts, relative to the repository. */
export function statementFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (entry.name === "statements.ts") found.push(rel);
    }
  };
  walk("server");
  return found.sort();
}

export interface StatementExport {
  /** `file:NAME`, as the guard tests name a statement. */
  key: string;
  value: unknown;
  /** A statement's Cypher, or a builder's source (its Cypher template and the calls it makes); "" for anything else. */
  text: string;
}

/** Every export of every statements file. */
export async function statementExports(): Promise<StatementExport[]> {
  const found: StatementExport[] = [];
  for (const file of statementFiles()) {
    const module = (await import(path.join(root, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      const text = typeof value === "string" ? value : typeof value === "function" ? value.toString() : "";
      found.push({ key: `${file}:${name}`, value, text });
    }
  }
  return found;
}

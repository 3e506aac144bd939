import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The server's layers and the "each concept declared once" rule (issue #11). The import rules live in
 * .dependency-cruiser.cjs (so `npm run lint:deps` and this test agree); this test runs them over the
 * same folders and names each rule's violations. Known violations are listed here by rule: fixing one
 * means deleting it from the list, adding one fails the test.
 */

const root = path.resolve(import.meta.dirname, "../..");
// The folders `npm run lint:deps` cruises.
const cruised = ["server", "seed", "bench", "scripts", "tests", "client/src"];

/** Violations tolerated for now, per rule, as "from → to". */
const knownViolations: Record<string, string[]> = {
  "platform-below-domains": [],
  "domain-through-index": [],
  "app-only-from-main": [],
  "no-circular-server": [],
  "not-to-unresolvable": [],
};

/** Names exported as a class, enum, interface or type alias by more than one file under server/, with the files. */
const knownDuplicateDeclarations: Record<string, string[]> = {};

let result: ICruiseResult;

beforeAll(async () => {
  const options = await extractDepcruiseOptions(path.join(root, ".dependency-cruiser.cjs"));
  const tsConfig = extractTSConfig(path.join(root, "tsconfig.json"));
  const reported = await cruise(cruised, { ...options, baseDir: root, outputType: "json" }, {}, { tsConfig });
  result = typeof reported.output === "string" ? (JSON.parse(reported.output) as ICruiseResult) : reported.output;
}, 120_000);

function violationsOf(rule: string): string[] {
  return result.summary.violations
    .filter((v) => v.rule.name === rule)
    .map((v) => (v.cycle ? [v.from, ...v.cycle.map((step) => step.name)].join(" → ") : `${v.from} → ${v.to}`))
    .sort();
}

describe("the server's layers", () => {
  it("cruises the whole code base, resolving every import", () => {
    const sources = result.modules.map((m) => m.source);
    expect(sources).toContain("server/main.ts");
    expect(sources).toContain("server/app/build-schema.ts");
    expect(sources.filter((s) => s.startsWith("server/platform/")).length).toBeGreaterThan(10);
    expect(violationsOf("not-to-unresolvable")).toEqual(knownViolations["not-to-unresolvable"]);
  });

  it("checks every rule it lists, and lists every rule of the configuration", () => {
    const configured = result.summary.ruleSetUsed?.forbidden?.map((r) => r.name).sort();
    expect(configured).toEqual(Object.keys(knownViolations).sort());
  });

  it("keeps server/platform/ below the domains and the app", () => {
    expect(violationsOf("platform-below-domains")).toEqual(knownViolations["platform-below-domains"]);
  });

  it("lets a domain use another domain only through that domain's index.ts", () => {
    expect(violationsOf("domain-through-index")).toEqual(knownViolations["domain-through-index"]);
  });

  it("lets only server/main.ts (and tests, bench, scripts) import server/app/", () => {
    expect(violationsOf("app-only-from-main")).toEqual(knownViolations["app-only-from-main"]);
  });

  it("has no import cycles in server/", () => {
    expect(violationsOf("no-circular-server")).toEqual(knownViolations["no-circular-server"]);
  });
});

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** The names a file declares and exports itself as a class, enum, interface or type alias (re-exports do not count). */
function exportedTypeDeclarations(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names: string[] = [];
  for (const statement of source.statements) {
    const declaration =
      ts.isClassDeclaration(statement) ||
      ts.isEnumDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement);
    const exported =
      ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (declaration && exported && statement.name) names.push(statement.name.text);
  }
  return names;
}

describe("each concept declared once", () => {
  it("has no class, enum, interface or type alias exported under the same name by two files in server/", () => {
    const filesByName = new Map<string, string[]>();
    for (const file of typeScriptFiles(path.join(root, "server"))) {
      for (const name of exportedTypeDeclarations(file)) {
        filesByName.set(name, [...(filesByName.get(name) ?? []), path.relative(root, file).split(path.sep).join("/")]);
      }
    }
    const duplicates = Object.fromEntries(
      [...filesByName].filter(([, files]) => files.length > 1).map(([name, files]) => [name, files.sort()]),
    );
    expect(duplicates).toEqual(knownDuplicateDeclarations);
  });
});

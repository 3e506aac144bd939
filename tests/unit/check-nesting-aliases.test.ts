import { describe, expect, it } from "vitest";
import { scanDocumentNesting } from "../../server/platform/limits/check-nesting.js";

const limits = { maxInputDepth: 10, maxSelectionNesting: 20, maxTokens: 10_000, maxAliases: 15 };
const aliases = (n: number, field: string): string => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(" ");

/** The refusal's code and alias count, or "passed" when the scan leaves the document to the parser. */
function verdict(document: string): string {
  const scanned = scanDocumentNesting(document, limits);
  return scanned instanceof Map ? "passed" : `${scanned.code} ${String(scanned.extensions?.aliases)}`;
}

describe("aliases counted before parsing (check-nesting.ts)", () => {
  it("refuses a one-operation document with more than MAX_ALIASES aliases, and passes one at the limit", () => {
    expect(verdict(`{ ${aliases(16, "databaseStatus { reachable }")} }`)).toBe("TOO_MANY_ALIASES 16");
    expect(verdict(`{ ${aliases(15, "databaseStatus { reachable }")} }`)).toBe("passed");
    expect(verdict(`query Named($x: Int = 3) { ${aliases(1500, "databaseStatus { reachable }")} }`)).toBe(
      "TOO_MANY_ALIASES 1500",
    );
  });

  it("counts aliases at any depth and inside fragments, and leaves aliases of __typename free", () => {
    const nested = `{ people(limit: 1) { ${aliases(8, "name")} knows { ${aliases(8, "id")} } } }`;
    expect(verdict(nested)).toBe("TOO_MANY_ALIASES 16");
    const fragment = `query { people { ...F } } fragment F on Person { ${aliases(16, "name")} }`;
    expect(verdict(fragment)).toBe("TOO_MANY_ALIASES 16");
    expect(verdict(`{ ${aliases(400, "__typename")} }`)).toBe("passed");
  });

  it("does not take an argument's object keys, a variable definition or a directive's argument for an alias", () => {
    const where = `query($a: String = "x", $b: Boolean!) { smes(where: { ${Array.from({ length: 20 }, (_, i) => `f${i}: { eq: $a }`).join(", ")} }) @include(if: $b) { id } }`;
    expect(verdict(where)).toBe("passed");
  });

  it("leaves documents of several operations to GraphQL Armor, which counts per operation", () => {
    const two = `query A { ${aliases(10, "databaseStatus { reachable }")} } query B { ${aliases(10, "databaseStatus { reachable }")} }`;
    expect(verdict(two)).toBe("passed");
  });

  it("leaves a document it cannot read whole to the parser: a syntax error, or more tokens than allowed", () => {
    expect(verdict(`{ ${aliases(20, "databaseStatus { reachable }")} `)).toBe("passed");
    expect(verdict(`{ ${aliases(20, "x")} ) }`)).toBe("passed");
    expect(verdict(`{ ${aliases(4000, "databaseStatus")} }`)).toBe("passed");
  });
});

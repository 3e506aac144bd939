import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The README and docs/*.md name the file (and function) where each rule lives, so a rule is one hop
 * from the README. This keeps those names true: every repository path they mention in code (inline
 * or fenced) or as a link must exist, a function named next to a file must occur in it, and a link's
 * #anchor must be a heading of its target. A moved or renamed file fails here, not in a reader's hands.
 */

const root = fileURLToPath(new URL("../../", import.meta.url));
const ROOTS = ["server", "schema", "seed", "client", "tests", "bench", "scripts"];

// A path starts at a root folder that is not part of a longer path (`dist/bench/…` is not `bench/…`);
// `<name>` is a placeholder and `{a,b}` alternatives, both read as globs.
const PATH = new RegExp(`(?<![\\w./@~-])(?:${ROOTS.join("|")})/(?:[\\w.*+@-]|<[\\w-]+>|\\{[\\w.,-]+\\}|/)*`, "g");

interface DocReference {
  path: string;
  /** Functions (or other identifiers) named right after the path: `server/x.ts` (`f`, `g`). */
  names: string[];
}

function withoutFences(markdown: string): { prose: string; fenced: string[] } {
  const fenced: string[] = [];
  const prose = markdown.replace(/^```[^\n]*\n([\s\S]*?)^```[ \t]*$/gm, (_, body: string) => {
    fenced.push(body);
    return "";
  });
  return { prose, fenced };
}

function pathsIn(text: string): string[] {
  return [...text.matchAll(PATH)].map((m) => m[0].replace(/\.+$/, ""));
}

/** Every repository path a markdown text mentions in code, with the identifiers named after it. */
function codeReferences(markdown: string): DocReference[] {
  const { prose, fenced } = withoutFences(markdown);
  const references: DocReference[] = fenced.flatMap((body) => pathsIn(body).map((p) => ({ path: p, names: [] })));
  for (const span of prose.matchAll(/`([^`\n]+)`((?: \((?:`[\w.]+`(?:, | and |; )?)+\))?)/g)) {
    const found = pathsIn(span[1] ?? "");
    const names = [...(span[2] ?? "").matchAll(/`([\w.]+)`/g)].map((m) => m[1] ?? "");
    // Names belong to the path only when the span is that path alone.
    found.forEach((p) =>
      references.push({ path: p, names: found.length === 1 && p === span[1]?.replace(/\.+$/, "") ? names : [] }),
    );
  }
  return references;
}

/** The relative link targets of a markdown text (fenced code aside), as written. */
function linkTargets(markdown: string): string[] {
  return [...withoutFences(markdown).prose.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1] ?? "")
    .filter((target) => !/^[a-z][a-z+.-]*:/i.test(target));
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
}

function anchorsOf(file: string): Set<string> {
  const { prose } = withoutFences(readFileSync(file, "utf8"));
  return new Set([...prose.matchAll(/^#{1,6} (.+)$/gm)].map((m) => headingAnchor(m[1] ?? "")));
}

function globToRegExp(segment: string): RegExp {
  const source = segment
    .replace(/[.+^$()|[\]\\]/g, "\\$&")
    .replace(/\*/g, "[^/]*")
    .replace(/\{([^}]*)\}/g, (_, alternatives: string) => `(?:${alternatives.split(",").join("|")})`);
  return new RegExp(`^${source}$`);
}

/** Files and folders matching a relative pattern with `*`, `{a,b}` and `<placeholder>`. */
function matches(pattern: string): string[] {
  let found = [""];
  for (const segment of pattern
    .replace(/<[\w-]+>/g, "*")
    .split("/")
    .filter(Boolean)) {
    const next: string[] = [];
    for (const dir of found) {
      const full = path.join(root, dir);
      if (!/[*{]/.test(segment)) {
        if (existsSync(path.join(full, segment))) next.push(path.join(dir, segment));
      } else if (existsSync(full) && statSync(full).isDirectory()) {
        const re = globToRegExp(segment);
        for (const entry of readdirSync(full)) if (re.test(entry)) next.push(path.join(dir, entry));
      }
    }
    found = next;
  }
  return found;
}

/** Paths git ignores are made at run time (bench/.data, dist/, backups/): they need not exist. */
function isIgnoredOutput(relative: string): boolean {
  const literal = relative.replace(/<[\w-]+>/g, "x").replace(/\/$/, "");
  // As a file and as a folder: a pattern such as `.data/` matches only folders.
  for (const candidate of [literal, `${literal}/`]) {
    try {
      execFileSync("git", ["check-ignore", "-q", "--no-index", candidate], { cwd: root, stdio: "ignore" });
      return true;
    } catch (error) {
      if ((error as { status?: number }).status !== 1) throw error;
    }
  }
  return false;
}

function problemsOf(doc: string): string[] {
  const file = path.join(root, doc);
  const markdown = readFileSync(file, "utf8");
  const problems: string[] = [];
  for (const ref of codeReferences(markdown)) {
    const found = matches(ref.path);
    if (found.length === 0) {
      if (!isIgnoredOutput(ref.path)) problems.push(`${ref.path}: no such file or folder`);
      continue;
    }
    const only = found.length === 1 ? path.join(root, found[0] ?? "") : null;
    for (const name of ref.names) {
      const identifier = name.split(".").at(-1) ?? name;
      if (!only || !statSync(only).isFile() || !new RegExp(`\\b${identifier}\\b`).test(readFileSync(only, "utf8"))) {
        problems.push(`${ref.path}: does not contain ${name}`);
      }
    }
  }
  for (const target of linkTargets(markdown)) {
    const [linked = "", anchor] = target.split("#");
    const resolved = linked === "" ? file : path.resolve(path.dirname(file), decodeURIComponent(linked));
    const relative = path.relative(root, resolved);
    if (relative.startsWith("..") || !existsSync(resolved)) {
      if (!isIgnoredOutput(relative)) problems.push(`link ${target}: no such file or folder`);
      continue;
    }
    if (anchor && resolved.endsWith(".md") && !anchorsOf(resolved).has(anchor))
      problems.push(`link ${target}: no heading with that anchor`);
  }
  return problems;
}

const docs = [
  "README.md",
  ...readdirSync(path.join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

describe("the paths the README and docs name exist", () => {
  it("reads paths in code and links, not in longer paths, with the functions named next to them", () => {
    const sample = [
      "Code: `server/domains/x/rule.ts` (`checkRule`, `RULES`). Built to `dist/bench/api.js`; see",
      "`npx tsx scripts/print.ts` and [the folder](../seed/demo/) or `bench/results/bench-<scale>.{md,json}`.",
      "```",
      "tests/      unit/ integration/",
      "```",
    ].join("\n");
    expect(codeReferences(sample)).toEqual([
      { path: "tests/", names: [] },
      { path: "server/domains/x/rule.ts", names: ["checkRule", "RULES"] },
      { path: "scripts/print.ts", names: [] },
      { path: "bench/results/bench-<scale>.{md,json}", names: [] },
    ]);
    expect(linkTargets(sample)).toEqual(["../seed/demo/"]);
    expect(headingAnchor("4. Tie strength from interactions — `logInteraction`, `setTieStrength`")).toBe(
      "4-tie-strength-from-interactions--loginteraction-settiestrength",
    );
    expect(matches("bench/results/bench-<scale>.{md,json}").length).toBeGreaterThan(1);
  });

  it("the README names the file of every rule in its table", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const table = readme.slice(readme.indexOf("### Where each rule lives"));
    const named = codeReferences(table).filter((r) => r.path.startsWith("server/"));
    expect(named.length).toBeGreaterThan(30);
    expect(named.filter((r) => r.names.length > 0).length).toBeGreaterThan(25);
  });

  for (const doc of docs) {
    it(`${doc}: every path, function and anchor it names exists`, () => {
      expect(problemsOf(doc)).toEqual([]);
    });
  }
});

import { DomainError, ErrorCode, type InputProblem } from "../graphql/domain-error.js";

// Control characters other than tab, line feed and carriage return.
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Keys of @neo4j/graphql's mutation and filter inputs that wrap a field's value. */
const operatorKeys = new Set(["set", "push", "pop", "eq", "in", "contains", "startsWith", "endsWith", "matches", "includes"]);

/**
 * The check every operation's arguments get, custom ones included (their resolvers check the
 * domain rules): no control characters in any string. Sizes are left to the body limit and the
 * resolvers, because an argument may rightly be long (a pasted spreadsheet).
 */
export function checkArgumentText(args: Record<string, unknown>): void {
  const problems: InputProblem[] = [];
  const visit = (value: unknown, path: string[]): void => {
    if (problems.length > 0) return;
    if (typeof value === "string") {
      if (controlCharacters.test(value)) {
        // The domain field, not a list index or a generated operator (`name: { set: … }`, `eq`, `push`, …).
        const field = [...path].reverse().find((p) => !/^\d+$/.test(p) && !operatorKeys.has(p)) ?? "input";
        problems.push({
          code: ErrorCode.BAD_USER_INPUT,
          message: `${field}: Contains control characters.`,
          field,
          argumentPath: path.join("."),
        });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, String(i)]));
    } else if (value && typeof value === "object") {
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) visit(item, [...path, key]);
    }
  };
  for (const [name, value] of Object.entries(args)) visit(value, [name]);
  if (problems.length > 0) throw DomainError.ofProblems(problems);
}

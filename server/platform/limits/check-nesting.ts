import type { RequestHandler } from "express";
import { GraphQLError, Lexer, Source, TokenKind } from "graphql";
import { BoundedCache } from "../graphql/bounded-cache.js";
import { ErrorCode } from "../graphql/domain-error.js";

/**
 * Nesting refused before the document is parsed: graphql-js parses (and @neo4j/graphql translates)
 * nested values and selections recursively, and a `where` nested 1,000 levels deep overflowed the
 * stack (INTERNAL_SERVER_ERROR). One pass of graphql-js's lexer — which loops, it does not recurse —
 * follows the brackets:
 * - an argument value (literal or default value of a variable) nested deeper than MAX_INPUT_DEPTH
 *   `{`/`[` levels: 400 BAD_USER_INPUT, `field` = the argument (`where`);
 * - selections nested deeper than twice MAX_QUERY_DEPTH: 400 QUERY_TOO_DEEP (the exact depth, with
 *   fragments followed, is GraphQL Armor's max-depth after parsing; this bound only keeps the
 *   parser's recursion short);
 * - more than MAX_ALIASES aliases (an alias of `__typename` free, as GraphQL Armor counts them) in a
 *   document of one operation: 400 TOO_MANY_ALIASES. Armor's max-aliases rule (limit-operations.ts) says
 *   the same after parsing, and still decides for documents of several operations; this pass only spares
 *   the parser and the validation a flood (1,500 aliases from an anonymous caller, parsed and validated
 *   for each request, took the other users' p95 to 2.9× idle in `npm run bench:cost`). With one operation
 *   and its fragments all used (an unused one fails validation anyway), the document holds no more
 *   aliases than Armor counts for the operation, so nothing Armor would let through is refused here;
 * and every JSON variable nested deeper than MAX_INPUT_DEPTH: 400 BAD_USER_INPUT, `field` = the
 * argument the variable is given to.
 */
export interface NestingLimits {
  maxInputDepth: number;
  maxSelectionNesting: number;
  maxTokens: number;
  /** MAX_ALIASES: a one-operation document with more aliases is refused here, before it is parsed and validated. */
  maxAliases: number;
}

interface Refusal {
  code: ErrorCode;
  message: string;
  field?: string;
  extensions?: Record<string, unknown>;
}

const operationKeywords = new Set(["query", "mutation", "subscription", "fragment"]);

/** Follows the brackets of a document; a refusal, or the argument each `$variable` is given to. */
export function scanDocumentNesting(query: string, limits: NestingLimits): Refusal | Map<string, string> {
  type Frame = { kind: "selection" } | { kind: "arguments"; argument?: string } | { kind: "value"; argument?: string };
  const stack: Frame[] = [];
  let selections = 0;
  let values = 0;
  const variableArguments = new Map<string, string>();
  const lexer = new Lexer(new Source(query));
  let previous: TokenKind = TokenKind.SOF;
  let pendingName: string | undefined;
  // `$n` met inside arguments: a use (kept) unless a `:` follows, which makes it a definition.
  let pendingVariable: { name: string; argument: string } | undefined;
  let aliases = 0;
  // `name :` inside a selection set: an alias, counted unless it names `__typename`.
  let aliasPending = false;
  let operations = 0;
  // A top-level `query`/`mutation`/`subscription`/`fragment` seen, its `{` not yet: that `{` opens its body.
  let definitionPending = false;
  let complete = false;
  let malformed = false;
  try {
    for (let tokens = 0; tokens <= limits.maxTokens; tokens++) {
      const token = lexer.advance();
      if (token.kind === TokenKind.EOF) {
        complete = true;
        break;
      }
      const top = stack.at(-1);
      if (aliasPending && !(token.kind === TokenKind.NAME && token.value === "__typename")) aliases++;
      aliasPending = false;
      if (!top) {
        if (token.kind === TokenKind.NAME && !definitionPending && operationKeywords.has(token.value)) {
          definitionPending = true;
          if (token.value !== "fragment") operations++;
        } else if (token.kind === TokenKind.BRACE_L) {
          if (definitionPending) definitionPending = false;
          else operations++; // the shorthand `{ … }` query
        }
      }
      if (pendingVariable && token.kind !== TokenKind.COLON && !variableArguments.has(pendingVariable.name)) {
        variableArguments.set(pendingVariable.name, pendingVariable.argument);
      }
      pendingVariable = undefined;
      switch (token.kind) {
        case TokenKind.PAREN_L:
          stack.push({ kind: "arguments" });
          break;
        case TokenKind.BRACE_L:
        case TokenKind.BRACKET_L:
          if (top && top.kind !== "selection") {
            const argument = top.argument;
            stack.push({ kind: "value", ...(argument ? { argument } : {}) });
            if (++values > limits.maxInputDepth) {
              return {
                code: ErrorCode.BAD_USER_INPUT,
                message: `${argument ?? "An argument"} is nested more than ${limits.maxInputDepth} levels deep; flatten the filter.`,
                ...(argument ? { field: argument } : {}),
              };
            }
          } else {
            stack.push({ kind: "selection" });
            if (++selections > limits.maxSelectionNesting) {
              return {
                code: ErrorCode.QUERY_TOO_DEEP,
                message: `This operation nests more than ${limits.maxSelectionNesting} levels deep.`,
              };
            }
          }
          break;
        case TokenKind.PAREN_R:
        case TokenKind.BRACE_R:
        case TokenKind.BRACKET_R: {
          const closed = stack.pop();
          // A bracket that closes what it did not open: a syntax error, left to the parser to report.
          if (!closed || (token.kind === TokenKind.PAREN_R) !== (closed.kind === "arguments")) malformed = true;
          if (closed?.kind === "value") values--;
          if (closed?.kind === "selection") selections--;
          break;
        }
        case TokenKind.COLON:
          // `name:` directly inside ( … ): the argument (or variable) the next value belongs to.
          if (top?.kind === "arguments" && pendingName !== undefined) top.argument = pendingName;
          if (top?.kind === "selection" && previous === TokenKind.NAME) aliasPending = true;
          break;
        case TokenKind.NAME:
          if (previous === TokenKind.DOLLAR && top && top.kind !== "selection" && top.argument) {
            pendingVariable = { name: token.value, argument: top.argument };
          }
          break;
        default:
          break;
      }
      pendingName = token.kind === TokenKind.NAME && top?.kind === "arguments" ? token.value : undefined;
      previous = token.kind;
    }
  } catch (error) {
    // A syntax error: left to the parser, which reports it with its position.
    if (!(error instanceof GraphQLError)) throw error;
  }
  if (complete && !malformed && stack.length === 0 && operations === 1 && aliases > limits.maxAliases) {
    return {
      code: ErrorCode.TOO_MANY_ALIASES,
      message: `This operation uses ${aliases} aliases; at most ${limits.maxAliases} are allowed: send fewer per request.`,
      extensions: { aliases, maxAliases: limits.maxAliases },
    };
  }
  return variableArguments;
}

/** How deeply a JSON value nests objects and arrays, counted only up to `limit + 1`. */
export function jsonDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop()!;
    if (current === null || typeof current !== "object") continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > limit) return deepest;
    for (const child of Object.values(current)) {
      if (child !== null && typeof child === "object") pending.push({ value: child, depth: level });
    }
  }
  return deepest;
}

/**
 * The scan's verdict depends on the document's text and the limits only, and a client sends the same few documents
 * again and again: verdicts are kept per text (the last 500 texts of at most 20,000 characters; a longer text is
 * scanned every time, so a flood of large documents cannot fill the memory). The variables are checked per request.
 */
const SCAN_CACHE_ENTRIES = 500;
const SCAN_CACHE_MAX_CHARS = 20_000;

/** The express middleware, after checkRequestShape (so `query` is a string and `variables` an object). */
export function checkNesting(limits: NestingLimits): RequestHandler {
  const scans = new BoundedCache<string, Refusal | Map<string, string>>(SCAN_CACHE_ENTRIES);
  const scan = (query: string): Refusal | Map<string, string> =>
    query.length > SCAN_CACHE_MAX_CHARS
      ? scanDocumentNesting(query, limits)
      : scans.getOrSet(query, () => scanDocumentNesting(query, limits));
  return (req, res, next) => {
    const body = req.method === "POST" ? (req.body as Record<string, unknown> | undefined) : undefined;
    const query = body ? body.query : req.query.query;
    if (typeof query !== "string") {
      next();
      return;
    }
    const refuse = ({ code, message, field, extensions }: Refusal): void => {
      res.status(400).json({ errors: [{ message, extensions: { code, ...(field ? { field } : {}), ...extensions } }] });
    };
    const scanned = scan(query);
    if (!(scanned instanceof Map)) return refuse(scanned);
    const variables = body?.variables;
    if (variables && typeof variables === "object") {
      for (const [name, value] of Object.entries(variables)) {
        if (jsonDepth(value, limits.maxInputDepth) > limits.maxInputDepth) {
          const argument = scanned.get(name) ?? name;
          return refuse({
            code: ErrorCode.BAD_USER_INPUT,
            message: `${argument} (variable $${name}) is nested more than ${limits.maxInputDepth} levels deep; flatten the filter.`,
            field: argument,
          });
        }
      }
    }
    next();
  };
}

import type { ApolloServerPlugin } from "@apollo/server";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import {
  GraphQLError,
  Kind,
  visit,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationContext,
} from "graphql";
import { getComplexity } from "graphql-query-complexity";
import { customFieldFamilies } from "../auth/access-policy.js";
import type { GraphQLContext } from "../graphql/context.js";
import { DomainError, ErrorCode } from "../graphql/domain-error.js";
import { estimateCost, type CostContext } from "./estimate-cost.js";
import type { GraphCountStore } from "./graph-counts.js";
import { BoundedCache } from "../graphql/bounded-cache.js";
import { GateRefusal, HeavyRequestGate, type GateRefusalReason } from "./limit-concurrency.js";
import { HeavyStatementPacer, type LightRequests } from "./pace-heavy-work.js";

/**
 * The limits on one GraphQL operation, checked after parsing and validation and before anything
 * runs (OWASP GraphQL cheat sheet). Whose is which (docs/security.md "Limits"):
 * - GraphQL Armor (per document, kept per parsed document): max-depth (MAX_QUERY_DEPTH, fragments
 *   followed, `__schema` not counted), max-aliases (MAX_ALIASES, `__typename` free), max-directives
 *   (MAX_DIRECTIVES);
 * - graphql-query-complexity (per request: it reads the variables with their default values) with
 *   this project's estimator (estimate-cost.ts): the cost against MAX_QUERY_COST, or
 *   ANONYMOUS_MAX_QUERY_COST for a caller without a token; page arguments within MAX_PAGE_SIZE;
 * - here: at most MAX_EXPENSIVE_FIELDS analytics (fields whose `@Cost` says expensive, and
 *   `__schema`) per operation; a heavy request (one with an analytic, or costing HEAVY_REQUEST_COST
 *   or more) takes a place in HeavyRequestGate (limit-concurrency.ts: per caller and in all; beyond,
 *   it waits in its caller's own queue, the callers taking turns; a full queue or a long wait: 429)
 *   and runs with a time budget of ANALYTICS_TIMEOUT_MS per analytic for all its Neo4j transactions together.
 * Refusals are 400 responses with codes QUERY_TOO_DEEP, TOO_MANY_ALIASES, TOO_MANY_DIRECTIVES,
 * PAGE_TOO_LARGE, QUERY_TOO_COMPLEX, and 429 TOO_MANY_REQUESTS for the concurrency caps.
 */
export interface OperationLimits {
  maxDepth: number;
  maxCost: number;
  maxAnonymousCost: number;
  maxPageSize: number;
  maxAliases: number;
  maxDirectives: number;
  maxExpensiveFields: number;
  heavyRequestCost: number;
  heavyRequestsPerCaller: number;
  heavyRequestsTotal: number;
  heavyQueuePerCaller: number;
  heavyQueueWaitMs: number;
  analyticsTimeoutMs: number;
}

function refusal(code: ErrorCode, message: string, extra: Record<string, unknown> = {}, status = 400): DomainError {
  return new DomainError(code, message, undefined, { ...extra, http: { status } });
}

type ArmorRule = (context: ValidationContext) => ASTVisitor;

/**
 * Runs GraphQL Armor's rules on one operation. They are validation rules, but only read the AST
 * and the fragments, so they run here on a small stand-in of a ValidationContext: that keeps the
 * refusal's own code (Apollo would turn any validation error into GRAPHQL_VALIDATION_FAILED).
 */
function armorRefusal(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  limits: OperationLimits,
): DomainError | undefined {
  let found: DomainError | undefined;
  const onReject =
    (make: (count: number) => DomainError) =>
    (_context: unknown, error: GraphQLError): void => {
      found ??= make(Number(/found (\d+)/.exec(error.message)?.[1] ?? NaN));
    };
  const common = { exposeLimits: true, propagateOnRejection: false } as const;
  const rules: ArmorRule[] = [
    maxDepthRule({
      ...common,
      n: limits.maxDepth,
      flattenFragments: true,
      ignoreIntrospection: true,
      onReject: [
        onReject((depth) =>
          refusal(
            ErrorCode.QUERY_TOO_DEEP,
            `This operation nests ${depth} levels deep; at most ${limits.maxDepth} are allowed.`,
            {
              depth,
              maxDepth: limits.maxDepth,
            },
          ),
        ),
      ],
    }) as unknown as ArmorRule,
    maxAliasesRule({
      ...common,
      n: limits.maxAliases,
      onReject: [
        onReject((aliases) =>
          refusal(
            ErrorCode.TOO_MANY_ALIASES,
            `This operation uses ${aliases} aliases; at most ${limits.maxAliases} are allowed: send fewer per request.`,
            { aliases, maxAliases: limits.maxAliases },
          ),
        ),
      ],
    }) as unknown as ArmorRule,
    maxDirectivesRule({
      ...common,
      n: limits.maxDirectives,
      onReject: [
        onReject((directives) =>
          refusal(
            ErrorCode.TOO_MANY_DIRECTIVES,
            `This operation uses ${directives} directives; at most ${limits.maxDirectives} are allowed.`,
            { directives, maxDirectives: limits.maxDirectives },
          ),
        ),
      ],
    }) as unknown as ArmorRule,
  ];
  const context = {
    getFragment: (name: string) => fragments[name],
    reportError: () => undefined,
  } as unknown as ValidationContext;
  for (const rule of rules) {
    visit(operation, rule(context));
    if (found) return found;
  }
  return undefined;
}

/** The named (or only) operation of a document, and its fragments. */
function operationOf(
  document: DocumentNode,
  operationName: string | null | undefined,
): { operation?: OperationDefinitionNode; fragments: Record<string, FragmentDefinitionNode> } {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  return { ...(operation ? { operation } : {}), fragments };
}

/**
 * The Armor checks depend on the document only, so their verdict is kept per parsed document (and
 * operation name); Apollo hands the same DocumentNode to every request with the same text. Keyed
 * weakly: when Apollo's document cache drops a document, its verdicts go with it.
 */
class DocumentVerdicts {
  private readonly verdicts = new WeakMap<DocumentNode, Map<string, DomainError | null>>();

  constructor(private readonly limits: OperationLimits) {}

  check(document: DocumentNode, operationName: string | null | undefined): void {
    let byName = this.verdicts.get(document);
    if (!byName) {
      byName = new Map();
      this.verdicts.set(document, byName);
    }
    const key = operationName ?? "";
    let verdict = byName.get(key);
    if (verdict === undefined) {
      const { operation, fragments } = operationOf(document, operationName);
      verdict = (operation && armorRefusal(operation, fragments, this.limits)) ?? null;
      byName.set(key, verdict);
    }
    if (verdict) throw verdict;
  }
}

/** A cost worked out: the number, and the analytics met in order (what the estimator fills in `expensive`). */
interface Costed {
  cost: number;
  expensive: readonly string[];
}

/** Per document: at most this many costs (one per operation name, variables and reading of the counts). */
const COSTS_PER_DOCUMENT = 64;
/** Variables longer than this as JSON are not a key: their cost is worked out every time. */
const MAX_VARIABLES_KEY = 4_000;

/**
 * graphql-query-complexity's walk depends on the document, the operation name, the variables and the graph's counts
 * (one reading of GraphCountStore, COUNT_CACHE_TTL_MS) — not on the caller: the budget (anonymous or not) is compared
 * after. So the cost is kept per parsed document (weakly, as the Armor verdicts), then per operation name, variables
 * and reading (#19 part 3). Refusals (PAGE_TOO_LARGE, variables that do not fit) are not kept: worked out each time.
 */
export class DocumentCosts {
  private readonly costs = new WeakMap<DocumentNode, BoundedCache<string, Costed>>();

  cost(
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown>,
    countsVersion: number,
    compute: () => Costed,
  ): Costed {
    let text: string | undefined;
    try {
      text = JSON.stringify(variables);
    } catch {
      text = undefined;
    }
    if (text === undefined || text.length > MAX_VARIABLES_KEY) return compute();
    const key = `${operationName ?? ""}\u0000${countsVersion}\u0000${text}`;
    let byKey = this.costs.get(document);
    if (!byKey) {
      byKey = new BoundedCache(COSTS_PER_DOCUMENT);
      this.costs.set(document, byKey);
    }
    return byKey.getOrSet(key, compute);
  }
}

/** Per introspection list, how many items the cost counts: the schema's own sizes (twice the mean per type). */
function introspectionSizes(schema: GraphQLSchema): Map<string, number> {
  const types = Object.values(schema.getTypeMap());
  const mean = (count: (type: unknown) => number | undefined): number => {
    const counts = types.map(count).filter((n): n is number => n !== undefined);
    return counts.length === 0 ? 1 : Math.ceil(counts.reduce((a, b) => a + b, 0) / counts.length);
  };
  const fieldsOf = (type: unknown) =>
    (type as { getFields?: () => Record<string, { args?: unknown[] }> }).getFields?.() as
      Record<string, { args?: unknown[] }> | undefined;
  const fieldCounts = (type: unknown) => {
    const fields = fieldsOf(type);
    return fields ? Object.keys(fields).length : undefined;
  };
  const argCounts = types.flatMap((type) => Object.values(fieldsOf(type) ?? {}).map((f) => f.args?.length ?? 0));
  const enumCounts = (type: unknown) => (type as { getValues?: () => unknown[] }).getValues?.().length;
  return new Map([
    ["__Schema.types", types.length],
    ["__Schema.directives", schema.getDirectives().length],
    ["__Type.fields", mean(fieldCounts)],
    ["__Type.inputFields", mean(fieldCounts)],
    ["__Type.enumValues", mean(enumCounts)],
    ["__Type.interfaces", 2],
    ["__Type.possibleTypes", 2],
    ["__Field.args", Math.max(1, Math.ceil(argCounts.reduce((a, b) => a + b, 0) / Math.max(1, argCounts.length)))],
    ["__Directive.args", 4],
  ]);
}

export interface OperationLimitsServices {
  counts: GraphCountStore;
  /** Node type names of the generated API (schema/graph.graphql `@node`). */
  nodeTypes: ReadonlySet<string>;
  gate?: HeavyRequestGate;
  /**
   * Light requests (all that do not pass the gate) are counted here while they run, and a heavy request's reads give way
   * to them (pace-heavy-work.ts); without it, heavy requests are not paced.
   */
  light?: LightRequests;
}

/** The Apollo plugin that applies the limits to every operation. */
export function operationLimitsPlugin(
  limits: OperationLimits,
  services: OperationLimitsServices,
): ApolloServerPlugin<GraphQLContext> {
  const verdicts = new DocumentVerdicts(limits);
  const costs = new DocumentCosts();
  const gate =
    services.gate ??
    new HeavyRequestGate({
      perCaller: limits.heavyRequestsPerCaller,
      total: limits.heavyRequestsTotal,
      queuePerCaller: limits.heavyQueuePerCaller,
      maxWaitMs: limits.heavyQueueWaitMs,
    });
  const sizes = new WeakMap<GraphQLSchema, Map<string, number>>();
  return {
    async requestDidStart() {
      let release: (() => void) | undefined;
      let endLight: (() => void) | undefined;
      return {
        async didResolveOperation({ request, document, schema, contextValue }) {
          verdicts.check(document, request.operationName);
          let introspection = sizes.get(schema);
          if (!introspection) {
            introspection = introspectionSizes(schema);
            sizes.set(schema, introspection);
          }
          const counts = await services.counts.fresh();
          const variables = request.variables ?? {};
          let costed: Costed;
          try {
            costed = costs.cost(document, request.operationName, variables, services.counts.version, () => {
              const context: CostContext = {
                counts,
                maxPageSize: limits.maxPageSize,
                nodeTypes: services.nodeTypes,
                introspectionSizes: introspection,
                expensive: [],
              };
              const cost = getComplexity({
                estimators: [estimateCost],
                schema,
                query: document,
                variables,
                ...(request.operationName ? { operationName: request.operationName } : {}),
                context: context as unknown as Record<string, unknown>,
              });
              return { cost, expensive: context.expensive };
            });
          } catch (error) {
            if (error instanceof DomainError) throw error;
            // Variables that do not fit their types: execution refuses them with Apollo's own error.
            if ((error as { name?: string })?.name === "GraphQLError") return;
            throw error;
          }
          const { cost } = costed;
          const context = { expensive: costed.expensive };
          // The small budget is for what an anonymous caller may run: when the operation also asks a field
          // only signed-in callers may, the guard refuses that one with UNAUTHENTICATED and the usual budget holds.
          const anonymous = !contextValue.user && onlyPublicRootFields(document, request.operationName, schema);
          const maxCost = anonymous ? limits.maxAnonymousCost : limits.maxCost;
          if (cost > maxCost) {
            throw refusal(
              ErrorCode.QUERY_TOO_COMPLEX,
              `This operation could cost ${cost} (at most ${maxCost}${anonymous ? " without signing in" : ""}): ` +
                "ask fewer items (limit/first), fewer nested lists or fewer analytics.",
              { cost, maxCost },
            );
          }
          if (context.expensive.length > limits.maxExpensiveFields) {
            const [first] = context.expensive;
            throw new DomainError(
              ErrorCode.TOO_MANY_ALIASES,
              `This operation asks ${context.expensive.length} analytics (${[...new Set(context.expensive)].join(", ")}); ` +
                `at most ${limits.maxExpensiveFields} per request.`,
              first,
              { expensive: context.expensive.length, maxExpensiveFields: limits.maxExpensiveFields, http: { status: 400 } },
            );
          }
          const heavy = context.expensive.length > 0 || cost >= limits.heavyRequestCost;
          if (!heavy) {
            endLight = services.light?.start();
            return;
          }
          const caller = contextValue.user ? `user:${contextValue.user.id}` : `ip:${contextValue.ip ?? "unknown"}`;
          try {
            release = await gate.enter(caller, contextValue.signal);
          } catch (error) {
            if (!(error instanceof GateRefusal)) throw error;
            throw refusal(
              ErrorCode.TOO_MANY_REQUESTS,
              gateMessage(error.reason, limits),
              {
                reason: "CONCURRENT_HEAVY_REQUESTS",
                queue: error.reason,
                maxConcurrent: limits.heavyRequestsPerCaller,
                maxQueued: limits.heavyQueuePerCaller,
                retryAfterSeconds: retryAfterSeconds(limits),
              },
              429,
            );
          }
          // The heavy request's own time budget, from now on (it may have waited its turn): all its transactions
          // together, custom and generated, get ANALYTICS_TIMEOUT_MS per analytic it holds (they run in turn,
          // serialise-analytics.ts; at least one), each transaction what is left.
          // Its reads run in turn and give way to light requests, pausing at most a quarter of that budget (pace-heavy-work.ts).
          const budgetMs = limits.analyticsTimeoutMs * Math.max(1, context.expensive.length);
          const timed = contextValue.db.withTimeBudget(budgetMs);
          const budgeted = services.light ? timed.withPacer(new HeavyStatementPacer(services.light, budgetMs / 4)) : timed;
          contextValue.db = budgeted;
          contextValue.transaction = {
            get timeout() {
              return budgeted.transactionTimeoutMs;
            },
          };
        },
        async willSendResponse() {
          release?.();
          release = undefined;
          endLight?.();
          endLight = undefined;
        },
      };
    },
  };
}

/**
 * When a refused heavy request may try again: a waiting place frees up, at the latest, when one of the caller's queued
 * requests has had its longest wait (HEAVY_QUEUE_WAIT_MS), spread over the queue's places; at least a second.
 */
function retryAfterSeconds(limits: OperationLimits): number {
  return Math.max(1, Math.ceil(limits.heavyQueueWaitMs / 1000 / Math.max(1, limits.heavyQueuePerCaller)));
}

function gateMessage(reason: GateRefusalReason, limits: OperationLimits): string {
  const heavy = "heavy requests (analytics or large queries)";
  switch (reason) {
    case "QUEUE_FULL":
      return (
        `Too many ${heavy} at once: ${limits.heavyRequestsPerCaller} of yours may run and ${limits.heavyQueuePerCaller} wait. ` +
        "Try again when one has finished."
      );
    case "WAITED_TOO_LONG":
      return `This request waited ${limits.heavyQueueWaitMs / 1000} s for its turn among ${heavy}; try again later.`;
    case "CLIENT_GONE":
      return "The request was withdrawn while it waited for its turn.";
  }
}

/** Whether every root field the operation asks is open to anonymous callers (PUBLIC, or introspection). */
function onlyPublicRootFields(document: DocumentNode, operationName: string | null | undefined, schema: GraphQLSchema): boolean {
  const { operation } = operationOf(document, operationName);
  if (!operation) return true;
  const root = operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  const fields = root?.getFields() ?? {};
  return operation.selectionSet.selections.every((selection) => {
    if (selection.kind !== Kind.FIELD) return true;
    const name = selection.name.value;
    if (name.startsWith("__")) return true;
    const family = customFieldFamilies[name] ?? (fields[name]?.extensions as { access?: string } | undefined)?.access;
    return family === "PUBLIC";
  });
}

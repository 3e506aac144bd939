import { todayIso } from "../../server/platform/clock/read-clock.js";
import { constraintStatements, ensureConstraints } from "../../server/platform/neo4j/constraints.js";
import type { Database, Row } from "../../server/platform/neo4j/database.js";
import {
  courseId,
  caseId,
  institutionId,
  partnerId,
  personId,
  programmeId,
  smeId,
  sprintId,
  teachingPeriodId,
  workspaceId,
} from "./format-ids.js";
import { dayNumber, formatDay } from "./format-day.js";
import { generateTies, type TieRow } from "./generate-ties.js";
import {
  agreementTerms,
  casePlan,
  courseProps,
  coursePeriods,
  institutionProps,
  institutionSigner,
  partnerProps,
  personProps,
  programmeProps,
  smeProps,
  teachingPeriodPlan,
  type AgreementPlan,
} from "./plan-entities.js";
import {
  deanOf,
  firstTeacherOf,
  institutionOfCourse,
  partnerOfSme,
  planLayout,
  programmeCoordinatorOf,
  programmeDirectorOf,
  teacherRange,
  type SyntheticLayout,
} from "./plan-layout.js";
import { Random } from "./Random.js";
import { validateSize, type SyntheticSize } from "./scales.js";
import { academicYearLabel, shiftYears, yearShiftFor } from "./shift-years.js";
import { forgetCatalogueVersion } from "../../server/platform/neo4j/catalogue-version.js";
import { forgetTieVersion } from "../../server/platform/neo4j/tie-version.js";

export interface GenerateOptions {
  /** Rows per write statement. */
  batchSize?: number;
  /**
   * Statements in flight at once (default 2): Node builds the next batch while Neo4j writes the
   * last, and on two cores two writes overlap. Neo4j 5 takes the node locks of a relationship at
   * commit in a fixed order, so concurrent KNOWS batches do not deadlock; the driver retries if one does.
   */
  concurrency?: number;
  /**
   * Drop the KNOWS strength index while writing KNOWS and fill it once afterwards (counted in the
   * KNOWS time), re-created from schema/constraints.cypher also when the load fails. Off by
   * default: at M the rebuild cost more than updating the index per batch.
   */
  rebuildStrengthIndex?: boolean;
  /** Called after every batch; `done` and `total` count rows (nodes and relationships) over all steps. */
  onProgress?: (done: number, total: number, phase: string) => void;
  /**
   * YYYY-MM-DD (default: today, UTC). Every generated date moves by whole years so that the
   * academic year holding this date is the generated current one (see shift-years.ts).
   */
  referenceDate?: string;
}

/** The calendar a graph was generated for. */
export interface SyntheticCalendar {
  referenceDate: string;
  /** The generated current academic year, e.g. "2026-2027": graphs for the same one are equal. */
  academicYear: string;
  /** Whole years added to the generator's base calendar (academic year 2025-2026). */
  yearShift: number;
}

export interface PhaseTiming {
  phase: string;
  rows: number;
  ms: number;
}

export interface GenerateResult {
  /** How the graph was loaded: Cypher UNWIND batches, or CSV files through Neo4j's offline importer. */
  path: "cypher" | "bulk";
  calendar: SyntheticCalendar;
  nodes: number;
  relationships: number;
  ms: number;
  /** All relationships over the whole run's time. */
  relationshipsPerSecond: number;
  /**
   * The KNOWS step (with the strength index rebuild, if asked): what the benchmark target is about.
   * The bulk path loads everything in one import, so there it is KNOWS over the whole load's time.
   */
  knows: { relationships: number; ms: number; relationshipsPerSecond: number };
  /** Per step: all nodes, the other relationships, KNOWS (and the strength index rebuild, if asked). */
  phases: PhaseTiming[];
}

/** A graph that already holds domain data: the generator only writes into an empty one. */
export class GraphNotEmptyError extends Error {
  constructor(readonly nodes: number) {
    super(
      `The database already holds ${nodes} domain nodes: the generator writes into an empty graph (use --reset to empty it first).`,
    );
    this.name = "GraphNotEmptyError";
  }
}

export type Temporal = "date" | "datetime";

/** Nodes of one label. Rows are `{ p: properties, <temporal field>: ISO string }`. */
export interface NodePhase {
  kind: "nodes";
  label: string;
  rows: () => Iterable<Row>;
  /** Fields next to `p` stored as Neo4j temporal values. */
  temporal: Record<string, Temporal>;
}

/** Relationships of one type. Rows are `{ a: from id, b: to id, <property>: value }`. */
export interface RelationshipPhase {
  kind: "relationships";
  from: string;
  type: string;
  to: string;
  rows: () => Iterable<Row>;
  /** Row fields stored on the relationship; dates come as ISO strings. */
  properties: Record<string, "value" | Temporal>;
}

/**
 * Relationship phases written by one statement (the type given per row): one plan instead of
 * thirty, and full batches.
 */
interface Step<P extends NodePhase | RelationshipPhase> {
  name: string;
  phases: P[];
}

/** The internal node id of every written node, per label and domain id. */
type NodeIds = Map<string, Map<string, number>>;

const domainLabels = [
  "Workspace",
  "Institution",
  "TeachingPeriod",
  "Programme",
  "Course",
  "Person",
  "Partner",
  "Sme",
  "Case",
  "Sprint",
  "Agreement",
];

/** The relationship-property index that `rebuildStrengthIndex` drops while writing KNOWS. */
const knowsStrengthIndex = "knows_strength";

/**
 * Writes a synthetic graph of the domain model (schema/graph.graphql) into an empty database, in
 * batched UNWIND statements with one list per field: all nodes first, keeping each one's internal
 * id, then the relationships by those ids (a node-by-id seek instead of an index seek on the
 * string `id`), then KNOWS. Up to `concurrency` statements run at once. The same size and seed
 * always give the same graph (internal ids aside).
 */
export async function generateSyntheticGraph(
  db: Database,
  size: SyntheticSize,
  options: GenerateOptions = {},
): Promise<GenerateResult> {
  validateSize(size);
  const batchSize = options.batchSize ?? 20_000;
  const concurrency = options.concurrency ?? 2;
  for (const [name, value] of [
    ["batchSize", batchSize],
    ["concurrency", concurrency],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 1)
      throw new RangeError(`Synthetic graph: ${name} must be a whole number of at least 1, got ${value}.`);
  }
  const started = performance.now();
  await ensureConstraints(db);
  const existing = await db.read(`MATCH (n) WHERE ${domainLabels.map((l) => `n:${l}`).join(" OR ")} RETURN count(n) AS n`);
  const existingCount = Number(existing[0]?.n ?? 0);
  if (existingCount > 0) throw new GraphNotEmptyError(existingCount);
  // Ties are written in bulk without the statements' bump: the tie and catalogue versions are forgotten, so
  // the graph version stands in.
  await forgetTieVersion(db);
  await forgetCatalogueVersion(db);

  const calendar = syntheticCalendar(options.referenceDate);
  const layout = planLayout(size);
  // Rows are built once and kept (L: ~0.6M small objects): counting and writing both read them.
  const planned = definePhases(layout, calendar.yearShift);
  const nodePhases = planned.nodePhases.map(materialize);
  const relationshipPhases = planned.relationshipPhases.map(materialize);
  const relationshipStep: Step<RelationshipPhase> = { name: "relationships", phases: relationshipPhases };
  const nodeShapes = scanNodes(nodePhases);
  const relationshipShape = scanRelationships(relationshipPhases);
  const total = nodeShapes.reduce((sum, s) => sum + s.rows, 0) + relationshipShape.rows + size.ties;

  let done = 0;
  const report = (count: number, step: string): void => {
    done += count;
    options.onProgress?.(done, total, step);
  };
  const timings: PhaseTiming[] = [];
  const timed = async (name: string, work: () => Promise<number>): Promise<number> => {
    const stepStarted = performance.now();
    const rows = await work();
    timings.push({ phase: name, rows, ms: Math.round(performance.now() - stepStarted) });
    return rows;
  };

  options.onProgress?.(0, total, "nodes");
  const ids: NodeIds = new Map();
  const sink: Sink = { db, batchSize, lanes: concurrency, report };
  const nodeGroups = groupNodeShapes(nodeShapes, Math.min(2_000, batchSize));
  const nodes = await timed("nodes", () => writeNodes(sink, "nodes", nodeGroups, ids));
  let relationships = await timed(relationshipStep.name, () =>
    writeRelationships(sink, relationshipStep, relationshipShape.properties, ids),
  );

  const knowsStarted = performance.now();
  const dropped = options.rebuildStrengthIndex === true && (await dropKnowsStrengthIndex(db));
  let knows: number;
  try {
    knows = await timed("KNOWS", () => writeTies(sink, layout, ids, calendar.yearShift));
  } catch (error) {
    // The index must exist again even after a failed load; the load's error is the one to report.
    if (dropped) await ensureConstraints(db).catch(() => {});
    throw error;
  }
  if (dropped) await timed(`${knowsStrengthIndex} index`, async () => (await ensureConstraints(db), knows));
  relationships += knows;
  const knowsMs = Math.round(performance.now() - knowsStarted);

  const ms = Math.round(performance.now() - started);
  return {
    path: "cypher",
    calendar,
    nodes,
    relationships,
    ms,
    relationshipsPerSecond: perSecond(relationships, ms),
    knows: { relationships: knows, ms: knowsMs, relationshipsPerSecond: perSecond(knows, knowsMs) },
    phases: timings,
  };
}

/** Deletes every node and relationship, in batches so that a large graph does not need one huge transaction. */
export async function emptyGraph(db: Database): Promise<void> {
  await db.autoCommit("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS");
}

/** The calendar for a reference date (default today); throws SyntheticSizeError for a malformed one. */
export function syntheticCalendar(referenceDate: string = todayIso()): SyntheticCalendar {
  const yearShift = yearShiftFor(referenceDate);
  return { referenceDate, academicYear: academicYearLabel(yearShift), yearShift };
}

function materialize<P extends { rows: () => Iterable<Row> }>(phase: P): P {
  const rows = [...phase.rows()];
  return { ...phase, rows: () => rows };
}

function perSecond(count: number, ms: number): number {
  return ms > 0 ? Math.round((count * 1000) / ms) : 0;
}

/**
 * Drops the KNOWS strength index if schema/constraints.cypher defines it, so that re-applying the
 * file brings it back (the file stays the one place that says what the index is).
 */
async function dropKnowsStrengthIndex(db: Database): Promise<boolean> {
  if (!constraintStatements().some((statement) => statement.includes(`INDEX ${knowsStrengthIndex} `))) return false;
  await db.autoCommit(`DROP INDEX ${knowsStrengthIndex} IF EXISTS`);
  return true;
}

// --- Writing ---------------------------------------------------------------------------------------

/** Rows (and their count) per node phase, and the property keys that phase writes. */
interface NodeShape {
  phase: NodePhase;
  rows: number;
  keys: string[];
}

function scanNodes(phases: readonly NodePhase[]): NodeShape[] {
  return phases.map((phase) => {
    let rows = 0;
    const keys = new Set<string>(Object.keys(phase.temporal));
    for (const row of phase.rows()) {
      rows++;
      for (const key of Object.keys(row.p as Row)) keys.add(key);
    }
    return { phase, rows, keys: [...keys].sort() };
  });
}

/**
 * Labels with many nodes get a statement of their own, with only their properties; the small ones
 * share one statement (label per row), so that a few dozen rows do not each cost a query plan.
 */
function groupNodeShapes(shapes: readonly NodeShape[], ownStatementFrom: number): NodeShape[][] {
  const small = shapes.filter((s) => s.rows < ownStatementFrom);
  return [...shapes.filter((s) => s.rows >= ownStatementFrom).map((s) => [s]), ...(small.length > 0 ? [small] : [])];
}

function scanRelationships(phases: readonly RelationshipPhase[]): {
  rows: number;
  properties: Record<string, "value" | Temporal>;
} {
  let rows = 0;
  const properties: Record<string, "value" | Temporal> = {};
  for (const phase of phases) {
    for (const _ of phase.rows()) rows++;
    for (const [key, kind] of Object.entries(phase.properties)) {
      if (properties[key] !== undefined && properties[key] !== kind)
        throw new Error(`Synthetic graph: property ${key} stored as both ${properties[key]} and ${kind}.`);
      properties[key] = kind;
    }
  }
  return { rows, properties };
}

/** `$name[i]`, converted to a temporal value where the field holds one. */
function columnValue(name: string, kind: "value" | Temporal | undefined): string {
  return kind === "date" || kind === "datetime" ? `${kind}($${name}[i])` : `$${name}[i]`;
}

/** Cypher parameter names for property keys (keys are camelCase words; the prefix avoids $i, $label). */
const param = (key: string): string => `p_${key}`;

/** Where a step's batches go: the database, how many statements may be in flight, progress. */
interface Sink {
  db: Database;
  batchSize: number;
  lanes: number;
  report: (count: number, step: string) => void;
}

/**
 * Sends the batches with up to `lanes` statements in flight, so that building the next batch in
 * Node overlaps Neo4j writing the last one. Waits for every statement before reporting a failure.
 */
async function runLanes<B>(batches: Iterator<B>, lanes: number, send: (batch: B) => Promise<void>): Promise<void> {
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed) {
      const next = batches.next();
      if (next.done) return;
      try {
        await send(next.value);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: lanes }, lane));
  for (const result of results) if (result.status === "rejected") throw result.reason;
}

/** Rows taken `size` at a time. */
function* chunks<T>(rows: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

function* rowsOf<P extends { rows: () => Iterable<Row> }>(phases: readonly P[]): Generator<{ phase: P; row: Row }> {
  for (const phase of phases) for (const row of phase.rows()) yield { phase, row };
}

/**
 * The CREATE statement of one group of node phases: a fixed label when there is one, else one per
 * row. It returns each node's internal id(), by which the relationships find it again: deprecated
 * in Neo4j 5 but supported through 5.26 (Cypher 5), an integer where elementId() is a ~40-character
 * string per end to send back, and the seek is the same kind (node by id).
 */
function nodeStatement(group: readonly NodeShape[]): { cypher: string; keys: string[] } {
  const keys = [...new Set(group.flatMap((s) => s.keys))].sort();
  const temporal: Record<string, Temporal> = Object.assign({}, ...group.map((s) => s.phase.temporal));
  const label = group.length === 1 ? group[0]!.phase.label : "$($label[i])";
  const cypher = `UNWIND range(0, size($${param("id")}) - 1) AS i
CREATE (n:${label} {${keys.map((k) => `${k}: ${columnValue(param(k), temporal[k])}`).join(", ")}})
RETURN collect(i) AS rows, collect(id(n)) AS nodes`;
  return { cypher, keys };
}

async function writeNodes(sink: Sink, step: string, groups: readonly NodeShape[][], ids: NodeIds): Promise<number> {
  function* batches(): Generator<{
    group: NodeShape[];
    cypher: string;
    keys: string[];
    rows: Array<{ phase: NodePhase; row: Row }>;
  }> {
    for (const group of groups) {
      const statement = nodeStatement(group);
      for (const rows of chunks(rowsOf(group.map((s) => s.phase)), sink.batchSize)) yield { group, ...statement, rows };
    }
  }
  let written = 0;
  await runLanes(batches(), sink.lanes, async ({ group, cypher, keys, rows: batch }) => {
    const labels = batch.map(({ phase }) => phase.label);
    const params: Record<string, unknown> = group.length === 1 ? {} : { label: labels };
    for (const k of keys) params[param(k)] = batch.map(({ row }) => (row.p as Row)[k] ?? row[k] ?? null);
    const result = await sink.db.write(cypher, params);
    const rows = (result[0]?.rows ?? []) as number[];
    const nodes = (result[0]?.nodes ?? []) as number[];
    if (rows.length !== batch.length) throw new Error(`Synthetic graph, nodes: wrote ${rows.length} of ${batch.length} rows.`);
    rows.forEach((i, j) => {
      const label = labels[i]!;
      let byId = ids.get(label);
      if (!byId) ids.set(label, (byId = new Map()));
      const id = String((batch[i]!.row.p as Row).id);
      if (byId.has(id)) throw new Error(`Synthetic graph: two ${label} nodes with id ${id}.`);
      byId.set(id, nodes[j]!);
    });
    written += batch.length;
    sink.report(batch.length, step);
  });
  return written;
}

function nodeIdOf(ids: NodeIds, label: string, id: unknown): number {
  const node = ids.get(label)?.get(String(id));
  if (node === undefined) throw new Error(`Synthetic graph: no ${label} node with id ${String(id)} was written.`);
  return node;
}

/** `CREATE (a)-[k:…]->(b)` between nodes found by internal id; `type` is a Cypher type or `$($type[i])`. */
function relationshipStatement(type: string, properties: Record<string, "value" | Temporal>): string {
  const map = Object.entries(properties)
    .map(([k, kind]) => `${k}: ${columnValue(param(k), kind)}`)
    .join(", ");
  return `UNWIND range(0, size($a) - 1) AS i
MATCH (a) WHERE id(a) = $a[i]
MATCH (b) WHERE id(b) = $b[i]
CREATE (a)-[k:${type}${map ? ` {${map}}` : ""}]->(b)
RETURN count(*) AS written`;
}

/** Sends one relationship statement and checks that every row found both its ends. */
async function sendRelationships(
  sink: Sink,
  cypher: string,
  params: Record<string, unknown>,
  count: number,
  step: string,
): Promise<void> {
  const result = await sink.db.write(cypher, params);
  const wrote = Number(result[0]?.written ?? 0);
  if (wrote !== count) throw new Error(`Synthetic graph, ${step}: wrote ${wrote} of ${count} rows.`);
  sink.report(count, step);
}

async function writeRelationships(
  sink: Sink,
  step: Step<RelationshipPhase>,
  properties: Record<string, "value" | Temporal>,
  ids: NodeIds,
): Promise<number> {
  const keys = Object.keys(properties);
  const cypher = relationshipStatement("$($type[i])", properties);
  let written = 0;
  await runLanes(chunks(rowsOf(step.phases), sink.batchSize), sink.lanes, async (batch) => {
    const params: Record<string, unknown> = {
      a: batch.map(({ phase, row }) => nodeIdOf(ids, phase.from, row.a)),
      b: batch.map(({ phase, row }) => nodeIdOf(ids, phase.to, row.b)),
      type: batch.map(({ phase }) => phase.type),
    };
    for (const k of keys) params[param(k)] = batch.map(({ row }) => row[k] ?? null);
    await sendRelationships(sink, cypher, params, batch.length, step.name);
    written += batch.length;
  });
  return written;
}

const tieProperties = { strength: "value", channel: "value", since: "date", lastContact: "date" } as const;

/** KNOWS: person numbers map to internal ids through one typed array. */
async function writeTies(sink: Sink, layout: SyntheticLayout, ids: NodeIds, yearShift: number): Promise<number> {
  const people = new Float64Array(layout.size.people);
  for (let i = 0; i < people.length; i++) people[i] = nodeIdOf(ids, "Person", personId(i));
  const cypher = relationshipStatement("KNOWS", tieProperties);
  let written = 0;
  await runLanes(chunks(generateTies(layout, yearShift), sink.batchSize), sink.lanes, async (batch: TieRow[]) => {
    const params = {
      a: batch.map((t) => people[t.a]),
      b: batch.map((t) => people[t.b]),
      [param("strength")]: batch.map((t) => t.strength),
      [param("channel")]: batch.map((t) => t.channel),
      [param("since")]: batch.map((t) => t.since),
      [param("lastContact")]: batch.map((t) => t.lastContact),
    };
    await sendRelationships(sink, cypher, params, batch.length, "KNOWS");
    written += batch.length;
  });
  if (written !== layout.size.ties)
    throw new Error(`Synthetic graph, KNOWS: expected ${layout.size.ties} ties, wrote ${written}.`);
  return written;
}

function* range<T>(count: number, map: (i: number) => T): Generator<T> {
  for (let i = 0; i < count; i++) yield map(i);
}

/**
 * The graph a size stands for, as rows per label and relationship type (KNOWS last, with domain
 * ids): what an independent, obvious writer needs to write the same graph (the tests' reference).
 */
export function describeSyntheticGraph(
  size: SyntheticSize,
  options: Pick<GenerateOptions, "referenceDate"> = {},
): { nodes: NodePhase[]; relationships: RelationshipPhase[]; calendar: SyntheticCalendar } {
  validateSize(size);
  const calendar = syntheticCalendar(options.referenceDate);
  const layout = planLayout(size);
  const { nodePhases, relationshipPhases } = definePhases(layout, calendar.yearShift);
  const knows: RelationshipPhase = {
    kind: "relationships",
    from: "Person",
    type: "KNOWS",
    to: "Person",
    properties: tieProperties,
    rows: function* () {
      for (const { a, b, ...properties } of generateTies(layout, calendar.yearShift))
        yield { a: personId(a), b: personId(b), ...properties };
    },
  };
  return { nodes: nodePhases, relationships: [...relationshipPhases, knows], calendar };
}

// --- Phases ----------------------------------------------------------------------------------------

function definePhases(
  layout: SyntheticLayout,
  yearShift: number,
): { nodePhases: NodePhase[]; relationshipPhases: RelationshipPhase[] } {
  const size = layout.size;
  const academicYear = academicYearLabel(yearShift);
  const institutions = institutionProps(layout);
  const partners = partnerProps(layout);
  const shortNames = institutions.map((i) => i.shortName);
  const nodes = (label: string, rows: () => Iterable<Row>, temporal: Record<string, Temporal> = {}): NodePhase => ({
    kind: "nodes",
    label,
    rows,
    temporal,
  });
  const rels = (
    from: string,
    type: string,
    to: string,
    rows: () => Iterable<Row>,
    properties: RelationshipPhase["properties"] = {},
  ): RelationshipPhase => ({
    kind: "relationships",
    from,
    type,
    to,
    rows,
    properties,
  });

  const nodePhases = [
    nodes("Workspace", () => [
      { p: { id: workspaceId, name: "Digitale Werkplaats MKB (synthetisch)", region: "Metropoolregio Amsterdam" } },
    ]),
    nodes("Institution", () => institutions.map((p, i) => ({ p: { id: institutionId(i), ...p } }))),
    nodes(
      "TeachingPeriod",
      function* () {
        for (const inst of layout.institutions) {
          for (let k = 0; k < inst.periods; k++) {
            const plan = teachingPeriodPlan(inst, k);
            yield {
              p: { id: teachingPeriodId(inst.index, k), name: plan.name, academicYear },
              startDate: plan.startDate,
              endDate: plan.endDate,
            };
          }
        }
      },
      { startDate: "date", endDate: "date" },
    ),
    nodes("Programme", () => range(size.programmes, (i) => ({ p: { id: programmeId(i), ...programmeProps(layout, i) } }))),
    nodes("Course", () => range(size.courses, (i) => ({ p: { id: courseId(i), ...courseProps(layout, i) } }))),
    nodes("Partner", () => partners.map((p, i) => ({ p: { id: partnerId(i), ...p } }))),
    nodes("Person", () => range(size.people, (i) => ({ p: { id: personId(i), ...personProps(layout, i, shortNames) } }))),
    nodes("Sme", () => range(size.smes, (i) => ({ p: { id: smeId(i), ...smeProps(layout, i) } }))),
    nodes(
      "Case",
      () =>
        range(size.cases, (i) => {
          const c = casePlan(layout, i);
          return {
            p: {
              id: caseId(i),
              title: c.title,
              question: c.question,
              topics: c.topics,
              wantedLevels: c.wantedLevels,
              effort: c.effort,
              status: c.status,
            },
            created: c.created,
            earliestStart: c.earliestStart,
            deadline: c.deadline,
          };
        }),
      { created: "datetime", earliestStart: "date", deadline: "date" },
    ),
    nodes(
      "Sprint",
      function* () {
        for (let i = 0; i < size.cases; i++) {
          const s = casePlan(layout, i).sprint;
          if (!s) continue;
          yield {
            p: {
              id: sprintId(i),
              status: s.status,
              teamSize: s.teamSize,
              teamLevel: s.teamLevel,
              smeRating: s.smeRating,
              followUpWanted: s.followUpWanted,
            },
            startDate: s.startDate,
            endDate: s.endDate,
          };
        }
      },
      { startDate: "date", endDate: "date" },
    ),
    nodes(
      "Agreement",
      function* () {
        for (const a of agreements(layout)) {
          yield {
            p: {
              id: a.id,
              scope: a.scope,
              assignmentTypes: a.assignmentTypes,
              casesPerPeriod: a.casesPerPeriod,
              structural: a.structural,
              planning: a.planning,
            },
            signedOn: a.signedOn,
            validFrom: a.validFrom,
            validTo: a.validTo,
          };
        }
      },
      { signedOn: "date", validFrom: "date", validTo: "date" },
    ),
  ];

  const relationshipPhases = [
    // Organisation structure.
    rels("Person", "COORDINATOR_OF", "Workspace", () => range(3, (i) => ({ a: personId(i), b: workspaceId }))),
    rels("Institution", "HAS_PERIOD", "TeachingPeriod", function* () {
      for (const inst of layout.institutions) {
        for (let k = 0; k < inst.periods; k++) yield { a: institutionId(inst.index), b: teachingPeriodId(inst.index, k) };
      }
    }),
    rels("Programme", "OFFERED_BY", "Institution", () =>
      range(size.programmes, (i) => ({ a: programmeId(i), b: institutionId(layout.programmeInstitution[i] ?? 0) })),
    ),
    rels("Course", "PART_OF", "Programme", () =>
      range(size.courses, (i) => ({ a: courseId(i), b: programmeId(layout.courseProgramme[i] ?? 0) })),
    ),
    rels("Course", "RUNS_IN", "TeachingPeriod", function* () {
      for (let c = 0; c < size.courses; c++) {
        const inst = institutionOfCourse(layout, c);
        for (const k of coursePeriods(layout, c)) yield { a: courseId(c), b: teachingPeriodId(inst.index, k) };
      }
    }),

    // Roles.
    rels("Person", "TEACHES", "Course", () => teachingRows(layout)),
    rels("Person", "COORDINATES", "Programme", function* () {
      for (const inst of layout.institutions) {
        for (let p = inst.programmes.lo; p < inst.programmes.hi; p++)
          yield { a: personId(programmeCoordinatorOf(inst, p)), b: programmeId(p) };
      }
    }),
    rels("Person", "DIRECTS", "Programme", function* () {
      for (const inst of layout.institutions) {
        for (let p = inst.programmes.lo; p < inst.programmes.hi; p++)
          yield { a: personId(programmeDirectorOf(inst, p)), b: programmeId(p) };
      }
    }),
    rels("Person", "DEAN_OF", "Institution", function* () {
      for (const inst of layout.institutions) {
        const deans = new Set(range(inst.deanCount, (j) => deanOf(inst, j)));
        for (const d of deans) yield { a: personId(d), b: institutionId(inst.index) };
      }
    }),
    rels("Person", "BOARD_MEMBER_OF", "Institution", function* () {
      for (const inst of layout.institutions) {
        for (let j = 0; j < inst.boardCount; j++) yield { a: personId(inst.staff.lo + j), b: institutionId(inst.index) };
      }
    }),
    rels("Person", "WORKS_AT", "Partner", function* () {
      for (const partner of layout.partners) {
        for (let s = partner.staff.lo; s < partner.staff.hi; s++) yield { a: personId(s), b: partnerId(partner.index) };
      }
    }),

    // SMEs and their questions.
    rels("Person", "CONTACT_FOR", "Sme", () =>
      range(layout.smeContacts.hi - layout.smeContacts.lo, (i) => ({ a: personId(layout.smeContacts.lo + i), b: smeId(i) })),
    ),
    // A referral belongs to the case: each case came through its SME's partner, 2–24 days before it was created.
    rels(
      "Partner",
      "REFERRED",
      "Case",
      () =>
        range(size.cases, (i) => {
          const random = Random.forItem(size.seed, "referral", i);
          const c = casePlan(layout, i);
          return {
            a: partnerId(partnerOfSme(layout, c.sme).index),
            b: caseId(i),
            date: formatDay(dayNumber(c.created.slice(0, 10)) - random.between(2, 24)),
          };
        }),
      { date: "date" },
    ),
    rels("Sme", "ASKED", "Case", () => range(size.cases, (i) => ({ a: smeId(casePlan(layout, i).sme), b: caseId(i) }))),
    rels("Case", "HANDLED_BY", "Person", () => range(size.cases, (i) => ({ a: caseId(i), b: personId(i % 3) }))),

    // Sprints.
    rels("Sprint", "FOR_CASE", "Case", () => sprintRows(layout, (i) => caseId(i))),
    rels("Sprint", "IN_COURSE", "Course", () => sprintRows(layout, (_, s) => courseId(s.course))),
    rels("Sprint", "IN_PERIOD", "TeachingPeriod", () =>
      sprintRows(layout, (_, s) => teachingPeriodId(institutionOfCourse(layout, s.course).index, s.period)),
    ),
    rels("Sprint", "SUPERVISED_BY", "Person", () => sprintRows(layout, (_, s) => personId(s.supervisor))),

    // Agreements.
    rels("Agreement", "COVERS", "Course", () => agreementRows(layout, "COURSE", (a) => a.covers)),
    rels("Agreement", "COVERS", "Programme", () => agreementRows(layout, "PROGRAMME", (a) => a.covers)),
    rels("Agreement", "COVERS", "Institution", () => agreementRows(layout, "INSTITUTION", (a) => a.covers)),
    rels("Agreement", "MADE_BY", "Workspace", () => agreementRows(layout, null, () => workspaceId)),
    // SIGNED points from the person to the agreement.
    rels("Person", "SIGNED", "Agreement", function* () {
      for (const a of agreements(layout)) yield { a: personId(a.signer), b: a.id };
    }),
  ];
  // KNOWS, the bulk of the graph, is written on its own from generateTies.
  if (yearShift === 0) return { nodePhases, relationshipPhases };
  return {
    nodePhases: nodePhases.map((phase) => shiftPhase(phase, phase.temporal, yearShift)),
    relationshipPhases: relationshipPhases.map((phase) => shiftPhase(phase, phase.properties, yearShift)),
  };
}

/**
 * The phase with every temporal field of its rows moved by whole years: one place for all the
 * plans' dates (periods, cases, sprints, agreements, referrals), so none is forgotten.
 */
function shiftPhase<P extends NodePhase | RelationshipPhase>(
  phase: P,
  fields: Record<string, "value" | Temporal>,
  years: number,
): P {
  const temporal = Object.entries(fields)
    .filter(([, kind]) => kind !== "value")
    .map(([key]) => key);
  if (temporal.length === 0) return phase;
  const source = phase.rows;
  return {
    ...phase,
    rows: function* () {
      for (const row of source()) {
        const shifted: Row = { ...row };
        for (const key of temporal) {
          const value = row[key];
          if (typeof value === "string") shifted[key] = shiftYears(value, years);
        }
        yield shifted;
      }
    },
  };
}

/**
 * Every teacher teaches one course of their institution (round robin), courses left over get one
 * teacher each, and a fifth of the teachers take a second course.
 */
function* teachingRows(layout: SyntheticLayout): Generator<Row> {
  for (const inst of layout.institutions) {
    const courses = inst.courses.hi - inst.courses.lo;
    if (courses === 0) continue;
    const teachers = teacherRange(inst);
    const m = teachers.hi - teachers.lo;
    const seen = new Set<number>();
    const emit = (t: number, c: number): Row | null => {
      const key = t * courses + c;
      if (seen.has(key)) return null;
      seen.add(key);
      return { a: personId(teachers.lo + t), b: courseId(inst.courses.lo + c) };
    };
    for (let t = 0; t < m; t++) {
      const row = emit(t, t % courses);
      if (row) yield row;
    }
    for (let c = m; c < courses; c++) {
      const row = emit(c % m, c);
      if (row) yield row;
    }
    for (let t = 0; t < m; t++) {
      const random = Random.forItem(layout.size.seed, "second-course", teachers.lo + t);
      if (courses > 1 && random.chance(0.2)) {
        const row = emit(t, random.int(courses));
        if (row) yield row;
      }
    }
  }
}

function* sprintRows(
  layout: SyntheticLayout,
  target: (caseIndex: number, sprint: NonNullable<ReturnType<typeof casePlan>["sprint"]>) => string,
): Generator<Row> {
  for (let i = 0; i < layout.size.cases; i++) {
    const sprint = casePlan(layout, i).sprint;
    if (sprint) yield { a: sprintId(i), b: target(i, sprint) };
  }
}

/** Agreements: one per course and per programme that reached AGREEMENT, and a few at board level. */
function* agreements(layout: SyntheticLayout): Generator<AgreementPlan> {
  for (let c = 0; c < layout.size.courses; c++) {
    const course = courseProps(layout, c);
    if (course.mappingStatus !== "AGREEMENT") continue;
    const id = courseId(c);
    yield {
      id: `agr-${id}`,
      covers: id,
      signer: firstTeacherOf(layout, c),
      ...agreementTerms(layout, "COURSE", c, [course.kind]),
    };
  }
  for (let p = 0; p < layout.size.programmes; p++) {
    if (programmeProps(layout, p).mappingStatus !== "AGREEMENT") continue;
    const inst = layout.institutions[layout.programmeInstitution[p] ?? 0]!;
    const id = programmeId(p);
    yield {
      id: `agr-${id}`,
      covers: id,
      signer: programmeDirectorOf(inst, p),
      ...agreementTerms(layout, "PROGRAMME", p, ["PROJECT", "INTERNSHIP"]),
    };
  }
  for (const inst of layout.institutions) {
    // The first institution always has a board-level agreement, others one in twelve.
    if (inst.index > 0 && !Random.forItem(layout.size.seed, "board-agreement", inst.index).chance(1 / 12)) continue;
    const id = institutionId(inst.index);
    yield {
      id: `agr-${id}`,
      covers: id,
      signer: institutionSigner(inst),
      ...agreementTerms(layout, "INSTITUTION", inst.index, ["PROJECT", "MINOR", "INTERNSHIP", "GRADUATION"]),
    };
  }
}

function* agreementRows(
  layout: SyntheticLayout,
  scope: AgreementPlan["scope"] | null,
  target: (a: AgreementPlan) => string,
): Generator<Row> {
  for (const a of agreements(layout)) {
    if (scope === null || a.scope === scope) yield { a: a.id, b: target(a) };
  }
}

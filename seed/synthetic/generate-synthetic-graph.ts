import { ensureConstraints } from "../../server/neo4j/constraints.js";
import type { Database, Row } from "../../server/neo4j/database.js";
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
import { generateTies } from "./generate-ties.js";
import {
  academicYear,
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

export interface GenerateOptions {
  /** Rows per write statement. */
  batchSize?: number;
  /** Called after every batch; `done` and `total` count rows (nodes and relationships) over all phases. */
  onProgress?: (done: number, total: number, phase: string) => void;
}

export interface PhaseTiming {
  phase: string;
  rows: number;
  ms: number;
}

export interface GenerateResult {
  nodes: number;
  relationships: number;
  ms: number;
  /** All relationships over the whole run's time. */
  relationshipsPerSecond: number;
  /** The KNOWS phase alone: what the benchmark target is about. */
  knows: { relationships: number; ms: number; relationshipsPerSecond: number };
  phases: PhaseTiming[];
}

/** A graph that already holds domain data: the generator only writes into an empty one. */
export class GraphNotEmptyError extends Error {
  constructor(readonly nodes: number) {
    super(`The database already holds ${nodes} domain nodes: the generator writes into an empty graph (use --reset to empty it first).`);
    this.name = "GraphNotEmptyError";
  }
}

interface Phase {
  name: string;
  kind: "nodes" | "relationships";
  /**
   * One statement per batch, returning `written`, the rows it wrote. Node statements take $rows (a
   * list of maps); relationship statements take one list per field ($a, $b, …), which the driver
   * encodes several times faster than a list of maps: that encoding was the bottleneck for KNOWS.
   */
  cypher: string;
  rows: () => Iterable<Row>;
  /** Known up front for big phases; otherwise counted by running `rows` once. */
  count?: number;
}

const domainLabels = ["Workspace", "Institution", "TeachingPeriod", "Programme", "Course", "Person", "Partner", "Sme", "Case", "Sprint", "Agreement"];

/**
 * Writes a synthetic graph of the domain model (schema/graph.graphql) into an empty database:
 * nodes with CREATE, relationships by MATCH on the indexed ids, in batched UNWIND statements.
 * The same size and seed always give the same graph.
 */
export async function generateSyntheticGraph(db: Database, size: SyntheticSize, options: GenerateOptions = {}): Promise<GenerateResult> {
  validateSize(size);
  const batchSize = options.batchSize ?? 20_000;
  const started = performance.now();
  await ensureConstraints(db);
  const existing = await db.read(`MATCH (n) WHERE ${domainLabels.map((l) => `n:${l}`).join(" OR ")} RETURN count(n) AS n`);
  const existingCount = Number(existing[0]?.n ?? 0);
  if (existingCount > 0) throw new GraphNotEmptyError(existingCount);

  const layout = planLayout(size);
  const phases = definePhases(layout);
  const counts = phases.map((p) => p.count ?? countRows(p.rows()));
  const total = counts.reduce((a, c) => a + c, 0);

  let done = 0;
  let nodes = 0;
  let relationships = 0;
  const timings: PhaseTiming[] = [];
  for (const [i, phase] of phases.entries()) {
    const phaseStarted = performance.now();
    let written = 0;
    options.onProgress?.(done, total, phase.name);
    let batch: Row[] = [];
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const result = await db.write(phase.cypher, phase.kind === "relationships" ? toColumns(batch) : { rows: batch });
      const count = Number(result[0]?.written ?? 0);
      // A relationship row whose MATCH found no node writes nothing: that is a generator bug.
      if (count !== batch.length) throw new Error(`Synthetic graph, ${phase.name}: wrote ${count} of ${batch.length} rows.`);
      written += count;
      done += count;
      batch = [];
      options.onProgress?.(done, total, phase.name);
    };
    for (const row of phase.rows()) {
      batch.push(row);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    if (written !== counts[i]) throw new Error(`Synthetic graph, ${phase.name}: expected ${counts[i]} rows, wrote ${written}.`);
    if (phase.kind === "nodes") nodes += written;
    else relationships += written;
    timings.push({ phase: phase.name, rows: written, ms: Math.round(performance.now() - phaseStarted) });
  }

  const ms = Math.round(performance.now() - started);
  const knowsTiming = timings.find((t) => t.phase === "KNOWS") ?? { rows: 0, ms: 0 };
  return {
    nodes,
    relationships,
    ms,
    relationshipsPerSecond: perSecond(relationships, ms),
    knows: { relationships: knowsTiming.rows, ms: knowsTiming.ms, relationshipsPerSecond: perSecond(knowsTiming.rows, knowsTiming.ms) },
    phases: timings,
  };
}

/** Deletes every node and relationship, in batches so that a large graph does not need one huge transaction. */
export async function emptyGraph(db: Database): Promise<void> {
  await db.autoCommit("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS");
}

function perSecond(count: number, ms: number): number {
  return ms > 0 ? Math.round((count * 1000) / ms) : 0;
}

function countRows(rows: Iterable<Row>): number {
  let n = 0;
  for (const _ of rows) n++;
  return n;
}

// --- Statements ------------------------------------------------------------------------------------

function createNodes(label: string, extra = ""): string {
  return `UNWIND $rows AS r CREATE (n:${label}) SET n = r.p${extra} RETURN count(*) AS written`;
}

/** `properties` refers to the columns as $name[i]. */
function createRelationships(from: string, type: string, to: string, properties = ""): string {
  return `UNWIND range(0, size($a) - 1) AS i
MATCH (a:${from} {id: $a[i]})
MATCH (b:${to} {id: $b[i]})
CREATE (a)-[k:${type}]->(b)${properties}
RETURN count(*) AS written`;
}

/** Rows of the same shape as one list per field: [{a: 1, b: 2}, {a: 3, b: 4}] → {a: [1, 3], b: [2, 4]}. */
function toColumns(rows: readonly Row[]): Record<string, unknown[]> {
  const columns: Record<string, unknown[]> = {};
  for (const key of Object.keys(rows[0] ?? {})) columns[key] = rows.map((row) => row[key] ?? null);
  return columns;
}

function* range<T>(count: number, map: (i: number) => T): Generator<T> {
  for (let i = 0; i < count; i++) yield map(i);
}

// --- Phases ----------------------------------------------------------------------------------------

function definePhases(layout: SyntheticLayout): Phase[] {
  const size = layout.size;
  const institutions = institutionProps(layout);
  const partners = partnerProps(layout);
  const shortNames = institutions.map((i) => i.shortName);
  const nodes = (name: string, label: string, rows: () => Iterable<Row>, extra = "", count?: number): Phase => ({
    name,
    kind: "nodes",
    cypher: createNodes(label, extra),
    rows,
    ...(count === undefined ? {} : { count }),
  });
  const rels = (from: string, type: string, to: string, rows: () => Iterable<Row>, properties = "", name = type): Phase => ({
    name,
    kind: "relationships",
    cypher: createRelationships(from, type, to, properties),
    rows,
  });

  return [
    // Nodes.
    nodes("Workspace", "Workspace", () => [{ p: { id: workspaceId, name: "Digitale Werkplaats MKB (synthetisch)", region: "Metropoolregio Amsterdam" } }]),
    nodes("Institution", "Institution", () => institutions.map((p, i) => ({ p: { id: institutionId(i), ...p } }))),
    nodes(
      "TeachingPeriod",
      "TeachingPeriod",
      function* () {
        for (const inst of layout.institutions) {
          for (let k = 0; k < inst.periods; k++) {
            const plan = teachingPeriodPlan(inst, k);
            yield { p: { id: teachingPeriodId(inst.index, k), name: plan.name, academicYear }, startDate: plan.startDate, endDate: plan.endDate };
          }
        }
      },
      ", n.startDate = date(r.startDate), n.endDate = date(r.endDate)",
    ),
    nodes("Programme", "Programme", () => range(size.programmes, (i) => ({ p: { id: programmeId(i), ...programmeProps(layout, i) } })), "", size.programmes),
    nodes("Course", "Course", () => range(size.courses, (i) => ({ p: { id: courseId(i), ...courseProps(layout, i) } })), "", size.courses),
    nodes("Partner", "Partner", () => partners.map((p, i) => ({ p: { id: partnerId(i), ...p } }))),
    nodes("Person", "Person", () => range(size.people, (i) => ({ p: { id: personId(i), ...personProps(layout, i, shortNames) } })), "", size.people),
    nodes("Sme", "Sme", () => range(size.smes, (i) => ({ p: { id: smeId(i), ...smeProps(layout, i) } })), "", size.smes),
    nodes(
      "Case",
      "Case",
      () =>
        range(size.cases, (i) => {
          const c = casePlan(layout, i);
          return {
            p: { id: caseId(i), title: c.title, question: c.question, topics: c.topics, wantedLevels: c.wantedLevels, effort: c.effort, status: c.status },
            created: c.created,
            earliestStart: c.earliestStart,
            deadline: c.deadline,
          };
        }),
      ", n.created = datetime(r.created), n.earliestStart = date(r.earliestStart), n.deadline = date(r.deadline)",
      size.cases,
    ),
    nodes(
      "Sprint",
      "Sprint",
      function* () {
        for (let i = 0; i < size.cases; i++) {
          const s = casePlan(layout, i).sprint;
          if (!s) continue;
          yield {
            p: { id: sprintId(i), status: s.status, teamSize: s.teamSize, teamLevel: s.teamLevel, smeRating: s.smeRating, followUpWanted: s.followUpWanted },
            startDate: s.startDate,
            endDate: s.endDate,
          };
        }
      },
      ", n.startDate = date(r.startDate), n.endDate = date(r.endDate)",
    ),
    nodes(
      "Agreement",
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
      ", n.signedOn = date(r.signedOn), n.validFrom = date(r.validFrom), n.validTo = date(r.validTo)",
    ),

    // Organisation structure.
    rels("Person", "COORDINATOR_OF", "Workspace", () => range(3, (i) => ({ a: personId(i), b: workspaceId }))),
    rels("Institution", "HAS_PERIOD", "TeachingPeriod", function* () {
      for (const inst of layout.institutions) {
        for (let k = 0; k < inst.periods; k++) yield { a: institutionId(inst.index), b: teachingPeriodId(inst.index, k) };
      }
    }),
    rels("Programme", "OFFERED_BY", "Institution", () => range(size.programmes, (i) => ({ a: programmeId(i), b: institutionId(layout.programmeInstitution[i] ?? 0) }))),
    rels("Course", "PART_OF", "Programme", () => range(size.courses, (i) => ({ a: courseId(i), b: programmeId(layout.courseProgramme[i] ?? 0) }))),
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
        for (let p = inst.programmes.lo; p < inst.programmes.hi; p++) yield { a: personId(programmeCoordinatorOf(inst, p)), b: programmeId(p) };
      }
    }),
    rels("Person", "DIRECTS", "Programme", function* () {
      for (const inst of layout.institutions) {
        for (let p = inst.programmes.lo; p < inst.programmes.hi; p++) yield { a: personId(programmeDirectorOf(inst, p)), b: programmeId(p) };
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
    rels("Person", "CONTACT_FOR", "Sme", () => range(layout.smeContacts.hi - layout.smeContacts.lo, (i) => ({ a: personId(layout.smeContacts.lo + i), b: smeId(i) }))),
    rels(
      "Partner",
      "REFERRED",
      "Sme",
      () =>
        range(size.smes, (i) => {
          const random = Random.forItem(size.seed, "referral", i);
          return { a: partnerId(partnerOfSme(layout, i).index), b: smeId(i), date: formatDay(referralFirstDay + random.int(referralDays)) };
        }),
      " SET k.date = date($date[i])",
    ),
    rels("Sme", "ASKED", "Case", () => range(size.cases, (i) => ({ a: smeId(casePlan(layout, i).sme), b: caseId(i) }))),
    rels("Case", "HANDLED_BY", "Person", () => range(size.cases, (i) => ({ a: caseId(i), b: personId(i % 3) }))),

    // Sprints.
    rels("Sprint", "FOR_CASE", "Case", () => sprintRows(layout, (i) => caseId(i))),
    rels("Sprint", "IN_COURSE", "Course", () => sprintRows(layout, (_, s) => courseId(s.course))),
    rels("Sprint", "IN_PERIOD", "TeachingPeriod", () => sprintRows(layout, (_, s) => teachingPeriodId(institutionOfCourse(layout, s.course).index, s.period))),
    rels("Sprint", "SUPERVISED_BY", "Person", () => sprintRows(layout, (_, s) => personId(s.supervisor))),

    // Agreements.
    rels("Agreement", "COVERS", "Course", () => agreementRows(layout, "COURSE", (a) => a.covers), "", "COVERS course"),
    rels("Agreement", "COVERS", "Programme", () => agreementRows(layout, "PROGRAMME", (a) => a.covers), "", "COVERS programme"),
    rels("Agreement", "COVERS", "Institution", () => agreementRows(layout, "INSTITUTION", (a) => a.covers), "", "COVERS institution"),
    rels("Agreement", "MADE_BY", "Workspace", () => agreementRows(layout, null, () => workspaceId)),
    // SIGNED points from the person to the agreement.
    rels("Person", "SIGNED", "Agreement", function* () {
      for (const a of agreements(layout)) yield { a: personId(a.signer), b: a.id };
    }),

    // Who knows whom: the bulk of the graph.
    {
      name: "KNOWS",
      kind: "relationships",
      count: size.ties,
      cypher: createRelationships(
        "Person",
        "KNOWS",
        "Person",
        " SET k.strength = $strength[i], k.channel = $channel[i], k.since = date($since[i]), k.lastContact = date($lastContact[i])",
      ),
      rows: () => generateTies(layout),
    },
  ];
}

const referralFirstDay = dayNumber("2023-01-01");
const referralDays = dayNumber("2025-09-30") - referralFirstDay;

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

function* sprintRows(layout: SyntheticLayout, target: (caseIndex: number, sprint: NonNullable<ReturnType<typeof casePlan>["sprint"]>) => string): Generator<Row> {
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
    yield { id: `agr-${id}`, covers: id, signer: firstTeacherOf(layout, c), ...agreementTerms(layout, "COURSE", c, [course.kind]) };
  }
  for (let p = 0; p < layout.size.programmes; p++) {
    if (programmeProps(layout, p).mappingStatus !== "AGREEMENT") continue;
    const inst = layout.institutions[layout.programmeInstitution[p] ?? 0]!;
    const id = programmeId(p);
    yield { id: `agr-${id}`, covers: id, signer: programmeDirectorOf(inst, p), ...agreementTerms(layout, "PROGRAMME", p, ["PROJECT", "INTERNSHIP"]) };
  }
  for (const inst of layout.institutions) {
    // The first institution always has a board-level agreement, others one in twelve.
    if (inst.index > 0 && !Random.forItem(layout.size.seed, "board-agreement", inst.index).chance(1 / 12)) continue;
    const id = institutionId(inst.index);
    yield { id: `agr-${id}`, covers: id, signer: institutionSigner(inst), ...agreementTerms(layout, "INSTITUTION", inst.index, ["PROJECT", "MINOR", "INTERNSHIP", "GRADUATION"]) };
  }
}

function* agreementRows(layout: SyntheticLayout, scope: AgreementPlan["scope"] | null, target: (a: AgreementPlan) => string): Generator<Row> {
  for (const a of agreements(layout)) {
    if (scope === null || a.scope === scope) yield { a: a.id, b: target(a) };
  }
}

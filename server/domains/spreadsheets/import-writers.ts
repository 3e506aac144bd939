import { randomUUID } from "node:crypto";
import type { Tx } from "../../platform/neo4j/database.js";
import { stageRank } from "../figures/index.js";
import { checkInteractionDate, checkInteractionReferences, recordInteraction } from "../outreach/index.js";
import { DomainError } from "../../platform/graphql/domain-error.js";
import { MappingStatus, type InteractionChannel, type InteractionResult } from "../../platform/model/graph-enums.js";
import { IMPORTABLE_CASE_STATUSES, type FileName } from "./csv-formats.js";
import type { RowProblem, RowReasonKey } from "./read-csv-text.js";
import type { ValidRow } from "./validate-csv-row.js";
import {
  IMPORT_AGREEMENTS,
  IMPORT_CASES,
  IMPORT_COURSES,
  IMPORT_INSTITUTIONS,
  IMPORT_PARTNERS,
  IMPORT_PEOPLE,
  IMPORT_PROGRAMMES,
  IMPORT_SMES,
  IMPORT_TEACHING_PERIODS,
  IMPORT_TIES,
  READ_CHANGED_AGREEMENT_SCOPES,
  READ_EXISTING_INTERACTIONS,
  READ_MOVED_PROGRAMMES,
  READ_MOVED_TEACHING_PERIODS,
  RESOLVE_CASE_SMES,
  RESOLVE_SMES,
  type ImportedLabel,
} from "./statements.js";

/** What the import knows across files: SME ids from smes.csv that resolved to another SME. */
export interface ImportContext {
  /** smes.csv id (or KvK number) → the id of the SME node the row was merged into. */
  smeAlias: Map<string, string>;
}

/** How one file's rows are checked against the graph and written. */
export interface FileWriter {
  /** What a row is, for the change check: a node of this label with id `entityId`, or a KNOWS tie. */
  entity: { label: ImportedLabel; id: (row: ValidRow) => string } | { tie: true };
  /**
   * Checks rows against the graph (conflicts the cells cannot show) and resolves values the Cypher
   * needs; returns problems for rows that must not be written.
   */
  prepare?: (tx: Tx, rows: ValidRow[], context: ImportContext) => Promise<RowProblem[]>;
  /** Writes a batch of rows (statements.ts): `$rows` is a list of value maps, each with `line` and `isNew`. */
  cypher?: string;
  /** Instead of `cypher`: writes the batch through another domain's service, row by row, in the import's transaction. */
  write?: (tx: Tx, rows: ValidRow[]) => Promise<void>;
}

const mappingRank = Object.fromEntries(Object.values(MappingStatus).map((s, i) => [s, i]));
export const writerParams = { mappingRank, stageRank };

/** A row refers to a node that must stay where it is: refuse to move it to another parent. */
async function refuseMoves(
  tx: Tx,
  rows: ValidRow[],
  file: FileName,
  query: string,
  field: string,
  what: (row: ValidRow, current: string) => string,
  /** The reason's key for the client (locale `spreadsheetReasons`), worded with the row's id and the current value. */
  key: RowReasonKey,
): Promise<RowProblem[]> {
  const found = await tx.run(query, { rows: rows.map((r) => ({ line: r.line, ...r.values })) });
  const problems: RowProblem[] = [];
  for (const hit of found) {
    const row = rows.find((r) => r.line === hit.line);
    if (row)
      problems.push({
        file,
        line: row.line,
        field,
        reason: what(row, String(hit.current)),
        detail: { key, values: { id: String(row.values.id), current: String(hit.current) } },
      });
  }
  return problems;
}

export const fileWriters: Record<FileName, FileWriter> = {
  "institutions.csv": {
    entity: { label: "Institution", id: (r) => String(r.values.id) },
    cypher: IMPORT_INSTITUTIONS,
  },

  "teaching-periods.csv": {
    entity: { label: "TeachingPeriod", id: (r) => String(r.values.id) },
    prepare: (tx, rows) =>
      refuseMoves(
        tx,
        rows,
        "teaching-periods.csv",
        READ_MOVED_TEACHING_PERIODS,
        "institutionId",
        (row, current) => `period ${String(row.values.id)} belongs to institution ${current}; the import does not move it`,
        "PERIOD_ELSEWHERE",
      ),
    cypher: IMPORT_TEACHING_PERIODS,
  },

  "partners.csv": {
    entity: { label: "Partner", id: (r) => String(r.values.id) },
    cypher: IMPORT_PARTNERS,
  },

  "programmes.csv": {
    entity: { label: "Programme", id: (r) => String(r.values.id) },
    prepare: (tx, rows) =>
      refuseMoves(
        tx,
        rows,
        "programmes.csv",
        READ_MOVED_PROGRAMMES,
        "institutionId",
        (row, current) => `programme ${String(row.values.id)} is offered by institution ${current}; the import does not move it`,
        "PROGRAMME_ELSEWHERE",
      ),
    cypher: IMPORT_PROGRAMMES,
  },

  "courses.csv": {
    entity: { label: "Course", id: (r) => String(r.values.id) },
    cypher: IMPORT_COURSES,
  },

  "people.csv": {
    entity: { label: "Person", id: (r) => String(r.values.id) },
    cypher: IMPORT_PEOPLE,
  },

  "ties.csv": {
    entity: { tie: true },
    cypher: IMPORT_TIES,
  },

  "smes.csv": {
    entity: { label: "Sme", id: (r) => String(r.values.targetId) },
    prepare: resolveSmes,
    cypher: IMPORT_SMES,
  },

  "cases.csv": {
    entity: { label: "Case", id: (r) => String(r.values.id) },
    prepare: resolveCaseSmes,
    cypher: IMPORT_CASES,
  },

  "agreements.csv": {
    entity: { label: "Agreement", id: (r) => String(r.values.id) },
    prepare: (tx, rows) =>
      refuseMoves(
        tx,
        rows,
        "agreements.csv",
        READ_CHANGED_AGREEMENT_SCOPES,
        "scope",
        (row, current) => `agreement ${String(row.values.id)} has scope ${current}; the import does not change what it covers`,
        "AGREEMENT_SCOPE_FIXED",
      ),
    cypher: IMPORT_AGREEMENTS,
  },

  "interactions.csv": {
    entity: { label: "Interaction", id: (r) => String(r.values.id) },
    prepare: checkInteractions,
    write: writeInteractions,
  },
};

/** The interaction a row states, as logInteraction takes it. */
function interactionOf(row: ValidRow) {
  const v = row.values;
  const text = (key: string): string | null => (v[key] === null || v[key] === undefined ? null : String(v[key]));
  return {
    id: String(v.id),
    by: String(v.by),
    with: String(v.with),
    date: String(v.date),
    channel: v.channel as InteractionChannel,
    result: (v.result as InteractionResult | null) ?? null,
    note: text("note"),
    aboutProgramme: text("aboutProgramme"),
    aboutCourse: text("aboutCourse"),
    introducedBy: text("introducedBy"),
  };
}

/**
 * The rules logInteraction applies (its own checks, reused: a date not in the future, a course of the
 * programme), and the log is not edited: a row whose id is already in the log must state the same
 * interaction (then it is unchanged and not written again, so the tie is not counted twice) or is refused.
 */
async function checkInteractions(tx: Tx, rows: ValidRow[]): Promise<RowProblem[]> {
  const problems: RowProblem[] = [];
  const existing = new Map(
    (await tx.run(READ_EXISTING_INTERACTIONS, { rows: rows.map((r) => ({ line: r.line, id: r.values.id })) })).map((hit) => [
      Number(hit.line),
      hit,
    ]),
  );
  for (const row of rows) {
    const wanted = interactionOf(row);
    const found = existing.get(row.line);
    if (found) {
      const differs = (
        ["by", "with", "date", "channel", "result", "note", "aboutProgramme", "aboutCourse", "introducedBy"] as const
      ).find((key) => (found[key] ?? null) !== (wanted[key] ?? null));
      if (differs)
        problems.push({
          file: "interactions.csv",
          line: row.line,
          field: differs,
          code: "CONFLICT",
          reason: `interaction ${wanted.id} is in the log with another ${differs}; the import does not edit the log`,
          detail: { key: "INTERACTION_LOGGED", values: { id: wanted.id } },
        });
      else row.values.logged = true;
      continue;
    }
    try {
      checkInteractionDate(wanted.date, "date");
      await checkInteractionReferences(tx, wanted);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push({
        file: "interactions.csv",
        line: row.line,
        field: error.field ?? null,
        code: error.code === "NOT_FOUND" ? "NOT_FOUND" : "INVALID_VALUE",
        reason: error.message,
      });
    }
  }
  return problems;
}

/** Each new row through outreach's recordInteraction: the mapping status advance and the derived tie strength, as logged in the app. */
async function writeInteractions(tx: Tx, rows: ValidRow[]): Promise<void> {
  for (const row of rows) {
    if (row.values.logged === true) continue;
    await recordInteraction(tx, interactionOf(row));
  }
}

/**
 * SMEs are merged by KvK number when the row has one, else by id, else by name and city (as the
 * intake does). Sets `targetId` on each row and records aliases for cases.csv.
 */
async function resolveSmes(tx: Tx, rows: ValidRow[], context: ImportContext): Promise<RowProblem[]> {
  const found = await tx.run(RESOLVE_SMES, { rows: rows.map((r) => ({ line: r.line, ...r.values })) });
  const problems: RowProblem[] = [];
  for (const hit of found) {
    const row = rows.find((r) => r.line === hit.line);
    if (!row) continue;
    const v = row.values;
    const kvkId = hit.kvkId as string | null;
    const idId = hit.idId as string | null;
    const byNameCity = (hit.byNameCity as string[]) ?? [];
    let target: string;
    if (kvkId && idId && kvkId !== idId) {
      problems.push({
        file: "smes.csv",
        line: row.line,
        field: "kvkNumber",
        reason: `KvK number ${String(v.kvkNumber)} belongs to SME ${kvkId}, id ${idId} is another SME`,
        detail: { key: "KVK_OF_OTHER_SME", values: { value: String(v.kvkNumber), sme: kvkId, id: idId } },
      });
      continue;
    } else if (kvkId) {
      target = kvkId;
    } else if (idId) {
      if (v.kvkNumber && hit.idKvk && hit.idKvk !== v.kvkNumber) {
        problems.push({
          file: "smes.csv",
          line: row.line,
          field: "kvkNumber",
          reason: `SME ${idId} has KvK number ${String(hit.idKvk)}; the import does not change it`,
          detail: { key: "KVK_FIXED", values: { sme: idId, value: String(hit.idKvk) } },
        });
        continue;
      }
      target = idId;
    } else if (byNameCity.length === 1 && byNameCity[0]) {
      target = byNameCity[0];
    } else if (byNameCity.length > 1) {
      problems.push({
        file: "smes.csv",
        line: row.line,
        field: "name",
        reason: `${byNameCity.length} SMEs are named ${String(v.name)} in ${String(v.city)}: give the KvK number or the id of one`,
        detail: {
          key: "SME_NAME_AMBIGUOUS",
          values: { number: String(byNameCity.length), name: String(v.name), city: String(v.city) },
        },
      });
      continue;
    } else {
      target = v.id ? String(v.id) : randomUUID();
    }
    v.targetId = target;
    if (v.id) context.smeAlias.set(String(v.id), target);
    if (v.kvkNumber) context.smeAlias.set(`kvk:${String(v.kvkNumber)}`, target);
  }
  return problems;
}

/**
 * A case names its SME by smeId (through smes.csv's aliases) or smeKvkNumber; an existing case keeps
 * its SME. A new case may start as INTAKE, QUALIFIED or CLOSED (with a reason); for an existing case
 * the status column is not applied.
 */
async function resolveCaseSmes(tx: Tx, rows: ValidRow[], context: ImportContext): Promise<RowProblem[]> {
  const wanted = rows.map((r) => {
    const v = r.values;
    const viaId = v.smeId ? (context.smeAlias.get(String(v.smeId)) ?? String(v.smeId)) : null;
    const viaKvk = v.smeKvkNumber ? (context.smeAlias.get(`kvk:${String(v.smeKvkNumber)}`) ?? null) : null;
    return { line: r.line, id: v.id, smeId: viaId ?? viaKvk, smeKvkNumber: viaId || viaKvk ? null : v.smeKvkNumber };
  });
  const found = await tx.run(RESOLVE_CASE_SMES, { rows: wanted });
  const problems: RowProblem[] = [];
  for (const hit of found) {
    const row = rows.find((r) => r.line === hit.line);
    if (!row) continue;
    const v = row.values;
    const field = v.smeId ? "smeId" : "smeKvkNumber";
    if (!hit.sme) {
      problems.push({
        file: "cases.csv",
        line: row.line,
        field,
        code: "NOT_FOUND",
        reason: `no SME ${v.smeId ? `with id ${String(v.smeId)}` : `with KvK number ${String(v.smeKvkNumber)}`} in the database or smes.csv`,
        detail: { key: "CASE_SME_NOT_FOUND", values: { value: String(v.smeId ?? v.smeKvkNumber) } },
      });
      continue;
    }
    if (!hit.exists && v.status && !(IMPORTABLE_CASE_STATUSES as readonly unknown[]).includes(v.status)) {
      problems.push({
        file: "cases.csv",
        line: row.line,
        field: "status",
        code: "INVALID_VALUE",
        reason: `a new case can start as ${IMPORTABLE_CASE_STATUSES.join(", ")}; ${String(v.status)} needs proposals or a sprint: import it as QUALIFIED and move it on in the app`,
        detail: { key: "CASE_START_STATUS", values: { value: String(v.status), allowed: IMPORTABLE_CASE_STATUSES.join(", ") } },
      });
      continue;
    }
    if (!hit.exists && v.status === "CLOSED" && !v.closeReason) {
      problems.push({
        file: "cases.csv",
        line: row.line,
        field: "closeReason",
        code: "REQUIRED",
        reason: "is required for a new CLOSED case",
        detail: { key: "CLOSE_REASON_REQUIRED" },
      });
      continue;
    }
    const current = hit.currentSmes as string[];
    if (current.length > 0 && !current.includes(String(hit.sme))) {
      problems.push({
        file: "cases.csv",
        line: row.line,
        field,
        reason: `case ${String(v.id)} was asked by SME ${current.join(", ")}; the import does not move it`,
        detail: { key: "CASE_SME_FIXED", values: { id: String(v.id), sme: current.join(", ") } },
      });
      continue;
    }
    v.smeTargetId = hit.sme;
  }
  return problems;
}

import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EmbeddingSortField } from "../../server/domains/network/EmbeddingTypes.js";
import * as agreements from "../../server/domains/agreements/statements.js";
import * as backup from "../../server/domains/backup/statements.js";
import * as caseWorkflow from "../../server/domains/case-workflow/statements.js";
import * as figures from "../../server/domains/figures/statements.js";
import * as history from "../../server/domains/history/statements.js";
import * as invitations from "../../server/domains/invitations/statements.js";
import * as mail from "../../server/domains/mail/statements.js";
import * as network from "../../server/domains/network/statements.js";
import * as outreach from "../../server/domains/outreach/statements.js";
import * as portal from "../../server/domains/portal/statements.js";
import * as privacy from "../../server/domains/privacy/statements.js";
import * as proposals from "../../server/domains/proposals/statements.js";
import type { RefLabel } from "../../server/domains/spreadsheets/csv-formats.js";
import * as spreadsheets from "../../server/domains/spreadsheets/statements.js";
import * as suggestions from "../../server/domains/suggestions/statements.js";
import * as vocabulary from "../../server/domains/vocabulary/statements.js";
import * as platformAuth from "../../server/platform/auth/statements.js";
import * as platformLimits from "../../server/platform/limits/statements.js";
import * as platformNeo4j from "../../server/platform/neo4j/statements.js";
import * as platformValidation from "../../server/platform/validation/statements.js";

/**
 * Every Cypher statement of the server, written whole to tests/snapshots/cypher/<folder>/<NAME>.cypher,
 * so that a change to any statement shows in review as a .cypher diff. Update after a deliberate
 * change with `npx vitest run tests/unit/cypher-statements.test.ts -u`.
 */

/** The statements modules, by the snapshot folder of their statements. Each exported string is a statement. */
const modules: Record<string, Record<string, unknown>> = {
  "platform/auth": platformAuth,
  "platform/limits": platformLimits,
  "platform/neo4j": platformNeo4j,
  "platform/validation": platformValidation,
  agreements,
  backup,
  "case-workflow": caseWorkflow,
  figures,
  history,
  invitations,
  mail,
  network,
  outreach,
  portal,
  privacy,
  proposals,
  spreadsheets,
  suggestions,
  vocabulary,
};

/**
 * The variants of each statement builder (statements assembled from options at run time), keyed
 * `<folder>/<builder>`: every exported function of a statements module must be listed here.
 */
const builders: Record<string, Record<string, string>> = {
  // Cases keep their words in `topics`, courses in `themes`: both labels.
  "vocabulary/readStaleTopicOwnersStatement": {
    READ_STALE_TOPIC_OWNERS_CASE: vocabulary.readStaleTopicOwnersStatement("Case", false),
    READ_STALE_TOPIC_OWNERS_COURSE: vocabulary.readStaleTopicOwnersStatement("Course", false),
    READ_STALE_TOPIC_OWNERS_CASE_BY_IDS: vocabulary.readStaleTopicOwnersStatement("Case", true),
  },
  "vocabulary/linkTopicsStatement": {
    LINK_TOPICS_CASE: vocabulary.linkTopicsStatement("Case"),
    LINK_TOPICS_COURSE: vocabulary.linkTopicsStatement("Course"),
  },
  // Labels and relationship types come from the schema; one of each stands for all.
  "history/readNodePropertiesStatement": { READ_NODE_PROPERTIES_SME: history.readNodePropertiesStatement("Sme") },
  "history/readRelatedStatement": {
    READ_RELATED_CASE_COORDINATOR: history.readRelatedStatement("Case", "HANDLED_BY", "OUT", "Person"),
    READ_RELATED_PERSON_KNOWS: history.readRelatedStatement("Person", "KNOWS", "BOTH", "Person"),
  },
  // The labels and relationship types come from schema/graph.graphql; two of each kind stand for all.
  "platform/limits/countGraphStatement": {
    COUNT_GRAPH: platformLimits.countGraphStatement(
      ["Institution", "Person"],
      [
        { label: "Institution", type: "OFFERED_BY", direction: "IN" },
        { label: "Person", type: "KNOWS", direction: "OUT" },
      ],
    ),
  },
  // The bump that names whose ties a writer changes (its writers' own expressions are in their snapshots).
  "platform/neo4j/tieVersionBump": { TIE_VERSION_BUMP_NAMING: platformNeo4j.tieVersionBump("$people") },
  "platform/neo4j/lockNodeStatement": variants("LOCK_NODE", platformNeo4j.LOCKABLE_LABELS, platformNeo4j.lockNodeStatement),
  // The label is any node type of the schema; one stands for all.
  "platform/validation/readFoundIdsStatement": { READ_FOUND_IDS_CASE: platformValidation.readFoundIdsStatement("Case") },
  "platform/validation/readWorkflowLinkedStatement": {
    READ_WORKFLOW_LINKED_COURSE: platformValidation.readWorkflowLinkedStatement("Course"),
  },
  "platform/validation/readStoredOtherDateStatement": {
    READ_STORED_OTHER_DATE_SPRINT: platformValidation.readStoredOtherDateStatement("Sprint"),
  },
  // Without filters, and with every filter, the status column and a cursor (each adds its own predicate).
  "case-workflow/readCaseBoardStatement": {
    READ_CASE_BOARD: caseWorkflow.readCaseBoardStatement({}),
    READ_CASE_BOARD_FILTERED: caseWorkflow.readCaseBoardStatement({
      institution: true,
      topic: true,
      level: true,
      partner: true,
      coordinator: true,
      search: true,
      status: true,
      after: true,
    }),
  },
  "spreadsheets/readExistingIdsStatement": variants(
    "READ_EXISTING_IDS",
    ["Institution", "TeachingPeriod", "Partner", "Programme", "Course", "Person", "Workspace", "Sme"] satisfies RefLabel[],
    spreadsheets.readExistingIdsStatement,
  ),
  "spreadsheets/readRowStateStatement": variants(
    "READ_ROW_STATE",
    [
      "Institution",
      "TeachingPeriod",
      "Partner",
      "Programme",
      "Course",
      "Person",
      "Sme",
      "Case",
      "Agreement",
      "Interaction",
    ] satisfies spreadsheets.ImportedLabel[],
    spreadsheets.readRowStateStatement,
  ),
  // The hop limit only changes the bounds of the two halves (and 1 hop has no meeting half); the default is 4.
  "network/warmPathsStatement": {
    WARM_PATHS_1_HOP: network.warmPathsStatement(1),
    WARM_PATHS_4_HOPS: network.warmPathsStatement(4),
  },
  "network/rankWarmPathsStatement": {
    RANK_WARM_PATHS_1_HOP: network.rankWarmPathsStatement(1),
    RANK_WARM_PATHS_5_HOPS: network.rankWarmPathsStatement(5),
    RANK_WARM_PATHS_4_HOPS_DESCRIBED: network.rankWarmPathsStatement(4, true),
  },
  // bestWarmPaths' two halves: the hop limit only sets each half's upper bound; the default is 4.
  "network/bestWarmPathSourcesStatement": {
    BEST_WARM_PATH_SOURCES_4_HOPS: network.bestWarmPathSourcesStatement(4),
    BEST_WARM_PATH_SOURCES_5_HOPS: network.bestWarmPathSourcesStatement(5),
  },
  "network/bestWarmPathTargetsStatement": {
    BEST_WARM_PATH_TARGETS_4_HOPS: network.bestWarmPathTargetsStatement(4),
    BEST_WARM_PATH_TARGETS_5_HOPS: network.bestWarmPathTargetsStatement(5),
  },
  // The sort field only picks the key from a fixed table.
  "network/readEmbeddingRankingStatement": {
    READ_EMBEDDING_RANKING_BY_LEVEL: network.readEmbeddingRankingStatement(EmbeddingSortField.LEVEL, true),
    READ_EMBEDDING_RANKING_BY_NAME_ASCENDING: network.readEmbeddingRankingStatement(EmbeddingSortField.NAME, false),
  },
  "suggestions/readCourseFitsStatement": {
    READ_COURSE_FITS_OF_CASES: suggestions.readCourseFitsStatement("caseIds", "all"),
    READ_COURSE_FITS_OF_CASES_BOUNDED: suggestions.readCourseFitsStatement("caseIds", "all", "bounded"),
    READ_COURSE_FITS_OF_CASES_IN_COURSES: suggestions.readCourseFitsStatement("caseIds", "courseIds"),
    READ_COURSE_FITS_FOR_TEACHER: suggestions.readCourseFitsStatement("openCasesNotProposedTo", "courseIds"),
    READ_COURSE_FITS_FOR_TEACHER_IN_ALL_COURSES: suggestions.readCourseFitsStatement("openCasesNotProposedTo", "all"),
  },
  // One statement per shape of the backup's nodes and relationships: a few shapes stand for all.
  "backup/restoreNodesStatement": {
    RESTORE_NODES_WITHOUT_PROPERTIES: backup.restoreNodesStatement(["Workspace"], []),
    RESTORE_NODES_WITH_PROPERTIES: backup.restoreNodesStatement(
      ["Person", "Odd `label`"],
      [
        ["name", "STRING", "Ann"],
        ["since", "DATE", "2024-05-01"],
        ["score", "INTEGER", 3],
        ["tags", "LIST<INTEGER>", [1]],
        ["where", "POINT", { srid: 4326, x: 5, y: 52 }],
      ],
    ),
  },
  "backup/restoreRelationshipsStatement": {
    RESTORE_RELATIONSHIPS_WITHOUT_PROPERTIES: backup.restoreRelationshipsStatement("TEACHES", []),
    RESTORE_RELATIONSHIPS_WITH_PROPERTIES: backup.restoreRelationshipsStatement("KNOWS", [
      ["lastContact", "DATE", "2025-01-02"],
      ["strength", "FLOAT", 0.5],
    ]),
  },
};

/** One variant per value, named <PREFIX>_<VALUE>. */
function variants<T extends string>(prefix: string, values: readonly T[], build: (value: T) => string): Record<string, string> {
  return Object.fromEntries(values.map((value) => [`${prefix}_${constantCase(value)}`, build(value)]));
}

function constantCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .toUpperCase();
}

/** The text as the snapshot shows it: without the template's leading line break and common indentation. */
function display(text: string): string {
  const lines = text
    .replace(/^\s*\n/, "")
    .trimEnd()
    .split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim() !== "").map((l) => l.length - l.trimStart().length));
  return `${lines.map((l) => l.slice(indent).trimEnd()).join("\n")}\n`;
}

interface Statement {
  folder: string;
  name: string;
  text: string;
}

function collect(): Statement[] {
  const statements: Statement[] = [];
  for (const [folder, module] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === "string") statements.push({ folder, name, text: value });
      if (typeof value !== "function") continue;
      const variants = builders[`${folder}/${name}`];
      if (!variants) throw new Error(`${folder}: ${name} builds statements, but this test lists no variants of it.`);
      for (const [variant, text] of Object.entries(variants)) statements.push({ folder, name: variant, text });
    }
  }
  return statements;
}

const statements = collect();
const snapshotRoot = fileURLToPath(new URL("../snapshots/cypher/", import.meta.url));

describe("Cypher statements", () => {
  it.each(statements.map((s) => [`${s.folder}/${s.name}`, s] as const))("%s", async (_path, { folder, name, text }) => {
    // A spliced-in value or a missing piece would show as text no Cypher has.
    expect(text).not.toMatch(/undefined|\[object |\$\{/);
    await expect(display(text)).toMatchFileSnapshot(`../snapshots/cypher/${folder}/${name}.cypher`);
  });

  it("names each statement once, and keeps no snapshot of a statement that is gone", () => {
    const names = statements.map((s) => `${s.folder}/${s.name}.cypher`);
    expect(new Set(names).size).toBe(names.length);
    const files = readdirSync(snapshotRoot, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".cypher"));
    expect(files.filter((f) => !names.includes(f.split("\\").join("/"))).sort()).toEqual([]);
  });
});

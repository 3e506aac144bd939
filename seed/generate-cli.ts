import { Command, InvalidArgumentError } from "commander";
import cliProgress from "cli-progress";
import { openConfiguredDatabase } from "../server/domains/backup/open-configured-database.js";
import { ConfigError, loadConfig } from "../server/platform/config.js";
import { connectDatabase, DatabaseConnectionError } from "../server/platform/neo4j/database.js";
import { EmbeddedNeo4jError } from "../server/platform/neo4j/embedded.js";
import { embeddedOptionsFrom } from "../server/platform/neo4j/embedded-options-from-config.js";
import {
  academicYearStartOf,
  BulkImportRefusedError,
  bulkImportSyntheticGraph,
  emptyGraph,
  generateSyntheticGraph,
  GraphNotEmptyError,
  scales,
  sizeForPeople,
  SyntheticSizeError,
  validateSize,
  type GenerateResult,
  type ScaleName,
  type SyntheticSize,
} from "./synthetic/index.js";

/**
 * `npm run generate -- --scale L --reset` or `--people 100000 --ties 1000000 --seed 42`: writes a
 * synthetic graph for benchmarks into the configured Neo4j (the embedded one when NEO4J_URI is
 * unset). Progress goes to stderr, the summary line to stdout.
 *
 * `--bulk` loads through Neo4j's offline importer instead (embedded Neo4j only, stopped, empty or
 * --reset). Cypher stays the default: it works on any server and next to a running `npm start`.
 */

interface CliOptions {
  scale?: ScaleName;
  people?: number;
  ties?: number;
  institutions?: number;
  programmes?: number;
  courses?: number;
  cases?: number;
  smes?: number;
  seed: number;
  batchSize: number;
  concurrency: number;
  rebuildStrengthIndex: boolean;
  reset: boolean;
  bulk: boolean;
  today?: string;
}

const whole = (value: string): number => {
  const n = Number(value.replace(/_/g, ""));
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number.");
  return n;
};

const program = new Command()
  .name("generate")
  .description("Write a synthetic graph (people, ties, institutions, courses, cases) into an empty Neo4j, for benchmarks.")
  .option("--scale <S|M|L>", "a named size: S (demo-sized), M (10k people, 100k ties), L (100k people, 1M ties)", (v) => {
    const s = v.toUpperCase();
    if (s !== "S" && s !== "M" && s !== "L") throw new InvalidArgumentError("expected S, M or L.");
    return s as ScaleName;
  })
  .option("--people <n>", "people (other counts follow from it unless given)", whole)
  .option("--ties <n>", "KNOWS relationships", whole)
  .option("--institutions <n>", "institutions", whole)
  .option("--programmes <n>", "programmes", whole)
  .option("--courses <n>", "courses", whole)
  .option("--cases <n>", "cases", whole)
  .option("--smes <n>", "SMEs (default 60 % of the cases)", whole)
  .option("--seed <n>", "seed: the same seed gives the same graph", whole, 42)
  .option("--batch-size <n>", "rows per write statement", whole, 20_000)
  .option("--concurrency <n>", "write statements in flight at once", whole, 2)
  .option("--rebuild-strength-index", "drop the KNOWS strength index during the load and fill it once after it", false)
  .option("--reset", "delete everything in the database first", false)
  .option(
    "--bulk",
    "load with Neo4j's offline bulk importer (embedded Neo4j, not running, empty or --reset): much faster for M and L",
    false,
  )
  .option(
    "--today <YYYY-MM-DD>",
    "reference date: dates move by whole years so that its academic year is the current one (default today)",
    (v) => {
      try {
        academicYearStartOf(v);
      } catch (error) {
        throw new InvalidArgumentError((error as Error).message);
      }
      return v;
    },
  );

/** A named scale, or a size derived from --people, or S; explicit counts override either. */
function sizeFrom(options: CliOptions): SyntheticSize {
  const base: SyntheticSize = options.scale
    ? scales[options.scale]
    : options.people !== undefined
      ? sizeForPeople(options.people, options.ties ?? options.people * 10, options.seed)
      : scales.S;
  const explicit = Object.fromEntries(
    (["people", "ties", "institutions", "programmes", "courses", "cases", "smes"] as const)
      .filter((key) => options[key] !== undefined)
      .map((key) => [key, options[key]]),
  );
  return { ...base, ...explicit, seed: options.seed };
}

function createBar(): cliProgress.SingleBar {
  return new cliProgress.SingleBar(
    {
      format: "{phase} |{bar}| {percentage}% {value}/{total} {unit} | {eta_formatted} left",
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
}

function printSummary(result: GenerateResult, seed: number): void {
  for (const t of result.phases) {
    process.stderr.write(`  ${t.phase.padEnd(24)} ${String(t.rows).padStart(9)} rows ${String(t.ms).padStart(8)} ms\n`);
  }
  const knows =
    result.path === "bulk"
      ? `KNOWS: ${result.knows.relationships} of them, ${result.knows.relationshipsPerSecond}/s over the whole load`
      : `KNOWS: ${result.knows.relationships} in ${(result.knows.ms / 1000).toFixed(1)} s = ${result.knows.relationshipsPerSecond}/s`;
  process.stdout.write(
    `Generated ${result.nodes} nodes and ${result.relationships} relationships in ${(result.ms / 1000).toFixed(1)} s ` +
      `(${result.relationshipsPerSecond} relationships/s overall; ${knows}) via ${result.path === "bulk" ? "the bulk importer" : "Cypher"}, ` +
      `seed ${seed}, academic year ${result.calendar.academicYear}.\n`,
  );
}

/**
 * The bulk path: only for the embedded Neo4j, and only while it is not running (the importer
 * writes its store files). The emptiness check is bulkImportSyntheticGraph's.
 */
async function generateBulk(options: CliOptions, size: SyntheticSize): Promise<void> {
  const config = loadConfig();
  if (config.NEO4J_URI) {
    throw new BulkImportRefusedError(
      `--bulk writes the embedded Neo4j's store files and cannot load the server at NEO4J_URI (${config.NEO4J_URI}): drop --bulk to load it through Cypher.`,
    );
  }
  for (const flag of ["batchSize", "concurrency", "rebuildStrengthIndex"] as const) {
    if (program.getOptionValueSource(flag) === "cli")
      throw new BulkImportRefusedError(
        `--${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} tunes the Cypher path and means nothing with --bulk.`,
      );
  }
  const localUri = `bolt://127.0.0.1:${config.NEO4J_BOLT_PORT}`;
  const running = await connectDatabase({
    uri: localUri,
    database: config.NEO4J_DATABASE,
    noAuth: true,
    connectionTimeoutMs: 2_000,
  }).catch(() => undefined);
  if (running) {
    await running.close();
    throw new BulkImportRefusedError(
      `A Neo4j is running at ${localUri} (npm start?): --bulk writes the store files of ${config.NEO4J_HOME} while Neo4j is stopped, so stop it first, or drop --bulk.`,
    );
  }
  const bar = createBar();
  let shown: number | undefined;
  try {
    process.stderr.write(`Generating ${JSON.stringify(size)} with the bulk importer into ${config.NEO4J_HOME}\n`);
    const loaded = await bulkImportSyntheticGraph(size, {
      neo4j: embeddedOptionsFrom(config, (line) => process.stderr.write(`${line}\n`)),
      reset: options.reset,
      referenceDate: options.today,
      onLog: (line) => {
        if (shown !== undefined) bar.stop();
        shown = undefined;
        process.stderr.write(`${line}\n`);
      },
      onProgress: (done, total, phase) => {
        const unit = phase.startsWith("import") ? "% of 4 stages" : "rows";
        if (shown !== total) {
          bar.stop();
          bar.start(total, done, { phase: phase.padEnd(18), unit });
          shown = total;
        }
        bar.update(done, { phase: phase.padEnd(18), unit });
      },
    });
    bar.stop();
    await loaded.db.close();
    await loaded.embedded.stop();
    printSummary(loaded.generation, size.seed);
  } finally {
    bar.stop();
  }
}

async function main(): Promise<void> {
  program.parse();
  const options = program.opts<CliOptions>();
  const size = sizeFrom(options);
  validateSize(size);
  if (options.bulk) return generateBulk(options, size);
  const config = loadConfig();
  const opened = await openConfiguredDatabase(config, (line) => process.stderr.write(`${line}\n`));
  const db = opened.db;
  process.stderr.write(`Using ${opened.description}.\n`);
  const bar = createBar();
  try {
    if (options.reset) {
      process.stderr.write("Emptying the database…\n");
      await emptyGraph(db);
    }
    process.stderr.write(`Generating ${JSON.stringify(size)}\n`);
    let started = false;
    const result = await generateSyntheticGraph(db, size, {
      batchSize: options.batchSize,
      concurrency: options.concurrency,
      rebuildStrengthIndex: options.rebuildStrengthIndex,
      referenceDate: options.today,
      onProgress: (done, total, phase) => {
        if (!started) {
          bar.start(total, done, { phase: phase.padEnd(18), unit: "rows" });
          started = true;
        }
        bar.update(done, { phase: phase.padEnd(18), unit: "rows" });
      },
    });
    bar.stop();
    printSummary(result, size.seed);
  } finally {
    bar.stop();
    await opened.close();
  }
}

main().catch((error: unknown) => {
  const known =
    error instanceof ConfigError ||
    error instanceof EmbeddedNeo4jError ||
    error instanceof DatabaseConnectionError ||
    error instanceof SyntheticSizeError ||
    error instanceof GraphNotEmptyError ||
    error instanceof BulkImportRefusedError;
  process.stderr.write(
    `\n${known ? (error as Error).message : `Generation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`}\n`,
  );
  process.exit(1);
});

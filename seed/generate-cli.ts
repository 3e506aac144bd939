import { Command, InvalidArgumentError } from "commander";
import cliProgress from "cli-progress";
import { openConfiguredDatabase } from "../server/backup/open-configured-database.js";
import { ConfigError, loadConfig } from "../server/config.js";
import { DatabaseConnectionError } from "../server/neo4j/database.js";
import { EmbeddedNeo4jError } from "../server/neo4j/embedded.js";
import {
  emptyGraph,
  generateSyntheticGraph,
  GraphNotEmptyError,
  scales,
  sizeForPeople,
  SyntheticSizeError,
  validateSize,
  type ScaleName,
  type SyntheticSize,
} from "./synthetic/index.js";

/**
 * `npm run generate -- --scale L --reset` or `--people 100000 --ties 1000000 --seed 42`: writes a
 * synthetic graph for benchmarks into the configured Neo4j (the embedded one when NEO4J_URI is
 * unset). Progress goes to stderr, the summary line to stdout.
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
  .option("--reset", "delete everything in the database first", false);

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

async function main(): Promise<void> {
  program.parse();
  const options = program.opts<CliOptions>();
  const size = sizeFrom(options);
  validateSize(size);
  const config = loadConfig();
  const opened = await openConfiguredDatabase(config, (line) => process.stderr.write(`${line}\n`));
  const db = opened.db;
  process.stderr.write(`Using ${opened.description}.\n`);
  const bar = new cliProgress.SingleBar(
    {
      format: "{phase} |{bar}| {percentage}% {value}/{total} rows | {eta_formatted} left",
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
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
      onProgress: (done, total, phase) => {
        if (!started) {
          bar.start(total, done, { phase: phase.padEnd(18) });
          started = true;
        }
        bar.update(done, { phase: phase.padEnd(18) });
      },
    });
    bar.stop();
    for (const t of result.phases) {
      process.stderr.write(`  ${t.phase.padEnd(20)} ${String(t.rows).padStart(9)} rows ${String(t.ms).padStart(8)} ms\n`);
    }
    process.stdout.write(
      `Generated ${result.nodes} nodes and ${result.relationships} relationships in ${(result.ms / 1000).toFixed(1)} s ` +
        `(${result.relationshipsPerSecond} relationships/s overall; KNOWS: ${result.knows.relationships} in ` +
        `${(result.knows.ms / 1000).toFixed(1)} s = ${result.knows.relationshipsPerSecond}/s), seed ${size.seed}.\n`,
    );
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
    error instanceof GraphNotEmptyError;
  process.stderr.write(`\n${known ? (error as Error).message : `Generation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`}\n`);
  process.exit(1);
});

import cliProgress from "cli-progress";
import { Command } from "commander";
import { ConfigError, loadConfig } from "../../platform/config.js";
import { DatabaseConnectionError } from "../../platform/neo4j/database.js";
import { EmbeddedNeo4jError } from "../../platform/neo4j/embedded.js";
import { DomainError } from "../../platform/graphql/domain-error.js";
import { defaultBackupPath } from "./backup-format.js";
import { backupGraph, type BackupProgress } from "./backup-graph.js";
import { graphFingerprint } from "./graph-fingerprint.js";
import { openConfiguredDatabase, type OpenedDatabase } from "./open-configured-database.js";
import { restoreGraph } from "./restore-graph.js";

/**
 * `npm run backup [-- --out file]`, `npm run restore -- --in file [--wipe]`, and
 * `tsx server/domains/backup/cli.ts fingerprint`. Progress on stderr, the result line on stdout.
 */

async function withDatabase<T>(work: (opened: OpenedDatabase) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const opened = await openConfiguredDatabase(config, (line) => process.stderr.write(`${line}\n`));
  process.stderr.write(`Using ${opened.description}.\n`);
  try {
    return await work(opened);
  } finally {
    await opened.close();
  }
}

/** A progress bar on stderr that follows (done, total, phase) reports. */
function progressBar(): { report: BackupProgress; stop: () => void } {
  const bar = new cliProgress.SingleBar(
    { format: "{phase} |{bar}| {percentage}% {value}/{total} | {eta_formatted} left", stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    report: (done, total, phase) => {
      if (!started) {
        bar.start(total, done, { phase: phase.padEnd(13) });
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done, { phase: phase.padEnd(13) });
      }
    },
    stop: () => bar.stop(),
  };
}

const program = new Command().name("backup").description("Back up the whole graph to a file, or restore it from one.");

program
  .command("backup")
  .description("write every node and relationship to a gzip'd JSON Lines file")
  .option("--out <file>", "where to write (default backups/graph-<timestamp>.jsonl.gz)")
  .action(async (options: { out?: string }) => {
    const out = options.out ?? defaultBackupPath();
    await withDatabase(async ({ db }) => {
      const bar = progressBar();
      try {
        const result = await backupGraph(db, out, bar.report);
        bar.stop();
        process.stdout.write(
          `Backed up ${result.nodes} nodes and ${result.relationships} relationships to ${result.path} ` +
            `(${(result.bytes / 1024 / 1024).toFixed(1)} MB) in ${(result.ms / 1000).toFixed(1)} s.\n`,
        );
      } finally {
        bar.stop();
      }
    });
  });

program
  .command("restore")
  .description("read a backup back into an empty database (or wipe it first)")
  .requiredOption("--in <file>", "the backup file")
  .option("--wipe", "delete everything in the database first", false)
  .action(async (options: { in: string; wipe: boolean }) => {
    await withDatabase(async ({ db }) => {
      const bar = progressBar();
      try {
        const result = await restoreGraph(db, options.in, { wipe: options.wipe }, bar.report);
        bar.stop();
        process.stdout.write(
          `Restored ${result.nodes} nodes and ${result.relationships} relationships from ${options.in} in ${(result.ms / 1000).toFixed(1)} s.\n`,
        );
      } finally {
        bar.stop();
      }
    });
  });

program
  .command("fingerprint")
  .description("print counts and a content hash of the graph (equal before a backup and after its restore)")
  .action(async () => {
    await withDatabase(async ({ db }) => {
      process.stdout.write(`${JSON.stringify(await graphFingerprint(db))}\n`);
    });
  });

program.parseAsync().catch((error: unknown) => {
  const known =
    error instanceof ConfigError ||
    error instanceof EmbeddedNeo4jError ||
    error instanceof DatabaseConnectionError ||
    error instanceof DomainError;
  process.stderr.write(
    `\n${known ? (error as Error).message : `Failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`}\n`,
  );
  process.exit(1);
});

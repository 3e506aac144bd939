import cliProgress from "cli-progress";
import { Command } from "commander";
import { chmod } from "node:fs/promises";
import path from "node:path";
import { UserStore } from "../../platform/auth/UserStore.js";
import { ConfigError, loadConfig, type Config } from "../../platform/config.js";
import { DatabaseConnectionError } from "../../platform/neo4j/database.js";
import { EmbeddedNeo4jError } from "../../platform/neo4j/embedded.js";
import { DomainError } from "../../platform/graphql/domain-error.js";
import { defaultBackupPath } from "./backup-format.js";
import { backupGraph, type BackupProgress } from "./backup-graph.js";
import { graphFingerprint } from "./graph-fingerprint.js";
import { openConfiguredDatabase, type OpenedDatabase } from "./open-configured-database.js";
import { restoreGraph } from "./restore-graph.js";

/**
 * `npm run backup [-- --out file] [--with-password-hashes]`, `npm run restore -- --in file [--wipe]`,
 * and `tsx server/domains/backup/cli.ts fingerprint`. Progress on stderr, the result line on stdout.
 * BACKUP_KEY set: backups are encrypted, and restore decrypts (backup-crypto.ts).
 */

async function withDatabase<T>(work: (opened: OpenedDatabase, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const opened = await openConfiguredDatabase(config, (line) => process.stderr.write(`${line}\n`));
  process.stderr.write(`Using ${opened.description}.\n`);
  try {
    return await work(opened, config);
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

/**
 * A backup without password hashes restores accounts nobody can sign in to. ADMIN_EMAIL and
 * ADMIN_PASSWORD (as for the first start) give that admin a password again; the admin then sets the
 * others' (setUserPassword) or they are sent a reset (docs/security.md).
 */
async function reportAccountsWithoutPassword(db: OpenedDatabase["db"], config: Config, accounts: number): Promise<void> {
  let restoredAdmin = false;
  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
    const store = new UserStore(db);
    const admin = await store.findByEmail(config.ADMIN_EMAIL);
    if (admin?.roles.includes("ADMIN")) restoredAdmin = await store.setPassword(admin.id, config.ADMIN_PASSWORD);
  }
  process.stdout.write(
    `${accounts} user account(s) have no password (the backup was made without --with-password-hashes)` +
      (restoredAdmin
        ? `; ${config.ADMIN_EMAIL} has ADMIN_PASSWORD now and can set the others' passwords.\n`
        : `: set ADMIN_EMAIL and ADMIN_PASSWORD to an admin's e-mail and a new password and run the restore again, or reset them otherwise.\n`),
  );
}

const program = new Command().name("backup").description("Back up the whole graph to a file, or restore it from one.");

program
  .command("backup")
  .description("write every node and relationship to a gzip'd JSON Lines file")
  .option("--out <file>", "where to write (default backups/graph-<timestamp>.jsonl.gz, .enc added when encrypted)")
  .option(
    "--with-password-hashes",
    "keep the users' password hashes (left out by default: restored accounts need a new password)",
    false,
  )
  .action(async (options: { out?: string; withPasswordHashes: boolean }) => {
    await withDatabase(async ({ db }, config) => {
      const out = options.out ?? `${defaultBackupPath()}${config.BACKUP_KEY ? ".enc" : ""}`;
      const bar = progressBar();
      try {
        const result = await backupGraph(db, out, bar.report, {
          withPasswordHashes: options.withPasswordHashes,
          key: config.BACKUP_KEY,
        });
        // The default folder holds personal data: the owner's only, even if it was made earlier by hand.
        if (!options.out) await chmod(path.dirname(out), 0o700);
        bar.stop();
        process.stdout.write(
          `Backed up ${result.nodes} nodes and ${result.relationships} relationships to ${result.path} ` +
            `(${(result.bytes / 1024 / 1024).toFixed(1)} MB, mode 0600, ${result.encrypted ? "encrypted" : "NOT encrypted: set BACKUP_KEY"}, ` +
            `${result.passwordHashes ? "with" : "without"} password hashes) in ${(result.ms / 1000).toFixed(1)} s.\n`,
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
    await withDatabase(async ({ db }, config) => {
      const bar = progressBar();
      try {
        const result = await restoreGraph(db, options.in, { wipe: options.wipe, key: config.BACKUP_KEY }, bar.report);
        bar.stop();
        process.stdout.write(
          `Restored ${result.nodes} nodes and ${result.relationships} relationships from ${options.in} in ${(result.ms / 1000).toFixed(1)} s.\n`,
        );
        if (result.accountsWithoutPassword > 0) await reportAccountsWithoutPassword(db, config, result.accountsWithoutPassword);
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

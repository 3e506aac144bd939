import path from "node:path";
import cliProgress from "cli-progress";
import { Command } from "commander";
import { importSpreadsheets, type ImportReport } from "./import-spreadsheets.js";
import { explainCliError, runWithCliDatabase } from "./run-with-cli-database.js";

/** `npm run import -- --dir <folder> [--dry-run] [--json]`: the spreadsheets of docs/spreadsheets.md into the graph. */
const program = new Command()
  .name("npm run import --")
  .description(
    "Import the CSV files of a folder (docs/spreadsheets.md). Exit code 0: all rows imported; 2: some rows rejected; 1: failed.",
  )
  .requiredOption("--dir <folder>", "folder with institutions.csv, programmes.csv, … (each optional)")
  .option("--dry-run", "check everything and report, change nothing")
  .option("--json", "print the report as JSON")
  .parse();

function printReport(report: ImportReport): void {
  const out = (line = ""): void => {
    process.stdout.write(`${line}\n`);
  };
  out(report.dryRun ? `Dry run of ${report.dir}: nothing was changed.` : `Imported ${report.dir}.`);
  out();
  const header = ["file", "rows", "created", "updated", "unchanged", "rejected"];
  const lines = report.files
    .filter((f) => f.found)
    .map((f) => [f.file, f.rows, f.created, f.updated, f.unchanged, f.rejected].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  for (const row of [header, ...lines])
    out(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  "));
  const missing = report.files.filter((f) => !f.found).map((f) => f.file);
  if (missing.length > 0) out(`Not in the folder (skipped): ${missing.join(", ")}`);
  for (const f of report.files.filter((x) => x.ignoredColumns.length > 0))
    out(`${f.file}: columns not read: ${f.ignoredColumns.join(", ")}`);
  if (report.problems.length > 0) {
    out();
    out(`Rejected rows (${report.files.reduce((n, f) => n + f.rejected, 0)}):`);
    for (const p of report.problems) out(`  ${p.file}:${p.line}  ${p.field ?? "(row)"}: ${p.reason}`);
  }
  out();
  out(`${report.ms} ms`);
}

async function main(): Promise<number> {
  const opts = program.opts<{ dir: string; dryRun?: boolean; json?: boolean }>();
  const dir = path.resolve(opts.dir);
  const bar = new cliProgress.SingleBar(
    { format: "{file} [{bar}] {value}/{total}", stream: process.stderr, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let current = "";
  const report = await runWithCliDatabase(
    (db) =>
      importSpreadsheets(db, dir, {
        dryRun: opts.dryRun ?? false,
        onProgress: ({ file, done, total }) => {
          if (file !== current) {
            if (current) bar.stop();
            current = file;
            bar.start(total, done, { file: file.padEnd(20) });
          } else {
            bar.update(done);
          }
        },
      }),
    (line) => process.stderr.write(`${line}\n`),
  ).finally(() => {
    if (current) bar.stop();
  });
  if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else printReport(report);
  return report.problems.length > 0 ? 2 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${explainCliError(error) ?? `Import failed: ${error instanceof Error ? error.message : String(error)}`}\n`,
    );
    process.exit(1);
  },
);

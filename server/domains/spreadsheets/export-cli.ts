import { writeFileSync } from "node:fs";
import { Command, Option } from "commander";
import { exportCasesCsv } from "./export-cases-csv.js";
import { exportContactsCsv } from "./export-contacts-csv.js";
import { explainCliError, runWithCliDatabase } from "./run-with-cli-database.js";

/** `npm run export -- --what cases|contacts [--out file.csv] [--language NL|EN]`: a CSV for the spreadsheet, to a file or stdout. */
const program = new Command()
  .name("npm run export --")
  .description("Export cases or the contact list as CSV (docs/spreadsheets.md). The contact list holds personal data.")
  .addOption(new Option("--what <what>", "what to export").choices(["cases", "contacts"]).makeOptionMandatory())
  .option("--out <file>", "write to this file (default: standard output)")
  .addOption(new Option("--language <language>", "the language of the cases' topic labels").choices(["NL", "EN"]).default("NL"))
  .parse();

async function main(): Promise<void> {
  const opts = program.opts<{ what: "cases" | "contacts"; out?: string; language: "NL" | "EN" }>();
  const csv = await runWithCliDatabase(
    (db) => (opts.what === "cases" ? exportCasesCsv(db, opts.language) : exportContactsCsv(db)),
    (line) => process.stderr.write(`${line}\n`),
  );
  if (opts.out) {
    writeFileSync(opts.out, csv);
    const rows = csv.split("\n").filter(Boolean).length - 1;
    process.stderr.write(`Wrote ${rows} ${opts.what === "cases" ? "cases" : "contacts"} to ${opts.out}.\n`);
  } else {
    process.stdout.write(csv);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${explainCliError(error) ?? `Export failed: ${error instanceof Error ? error.message : String(error)}`}\n`,
    );
    process.exit(1);
  },
);

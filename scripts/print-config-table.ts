import { configSchema } from "../server/platform/config.js";

/** Prints the README's configuration table from the one validated config schema. */
export function configTable(): string {
  const rows = Object.entries(configSchema.shape).map(([name, schema]) => {
    const parsed = schema.safeParse(undefined);
    const value = parsed.success ? parsed.data : undefined;
    const fallback = value === undefined || value === "" ? "—" : `\`${String(value)}\``;
    return `| \`${name}\` | ${fallback} | ${schema.description ?? ""} |`;
  });
  return ["| Variable | Default | What it does |", "| --- | --- | --- |", ...rows].join("\n");
}

if (process.argv[1]?.endsWith("print-config-table.ts")) {
  process.stdout.write(`${configTable()}\n`);
}

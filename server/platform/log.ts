/**
 * A small leveled logger: one line per event on stderr, so stdout stays free for what a person
 * asked for (the printed URL, a CLI's table). Never pass personal data (names, e-mail, notes) in.
 */
const order = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type LogLevel = keyof typeof order;

let threshold: LogLevel = "info";

export function setLogLevel(level: LogLevel): void {
  threshold = level;
}

function write(level: LogLevel, message: string, fields?: Record<string, unknown>): void {
  if (order[level] < order[threshold]) return;
  const extra = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : "";
  process.stderr.write(`${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${message}${extra}\n`);
}

export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};

import { readdirSync, readFileSync } from "node:fs";

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); undefined elsewhere or when it is gone. */
export function processCpuSeconds(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after "(comm) "; in clock ticks of 1/100 s.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds (user + system) per kind of thread of a process so far, from /proc/<pid>/task (Linux; empty elsewhere).
 * Threads are grouped by their name without its number ("GC Thread#1" and "GC Thread#0" are "GC Thread"), so the cost
 * bench can say where the embedded Neo4j's share of the CPU goes while an analytic runs: the query (Bolt workers), the
 * garbage collector, the JIT compilers (issue #13, docs/performance.md).
 */
export function threadCpuSeconds(pid: number | undefined): Map<string, number> {
  const byKind = new Map<string, number>();
  if (!pid) return byKind;
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return byKind;
  }
  for (const task of tasks) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime and stime: fields 14 and 15 of stat, i.e. 11 and 12 after "(comm) "; clock ticks of 1/100 s.
      const seconds = (Number(fields[11]) + Number(fields[12])) / 100;
      const kind = name.replace(/[#-]?\d+$/, "").trim() || name;
      byKind.set(kind, (byKind.get(kind) ?? 0) + seconds);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return byKind;
}

/** `after − before` per kind of thread (threads that ended in between are lost: their CPU is not in `after`). */
export function threadCpuSince(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const delta = new Map<string, number>();
  for (const [kind, seconds] of after) {
    const used = seconds - (before.get(kind) ?? 0);
    if (used > 0) delta.set(kind, used);
  }
  return delta;
}

/** The kinds that used the most, as `{ kind: % of one core }` over `wallSeconds`, largest first, the rest summed. */
export function topThreads(used: Map<string, number>, wallSeconds: number, top = 6): Record<string, number> {
  const sorted = [...used].sort((a, b) => b[1] - a[1]);
  const percent = (seconds: number) => Math.round((100 * seconds) / Math.max(0.001, wallSeconds));
  const shown = Object.fromEntries(sorted.slice(0, top).map(([kind, seconds]) => [kind, percent(seconds)]));
  const rest = sorted.slice(top).reduce((sum, [, seconds]) => sum + seconds, 0);
  return rest > 0 ? { ...shown, other: percent(rest) } : shown;
}

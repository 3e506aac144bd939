import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";

/**
 * Integration files run two at a time against the run's one Neo4j. A file that owns its data
 * (`ownScope`) holds the graph shared; a file that needs the whole graph (`resetGraph`: it empties
 * it, or reads or counts everything) holds it alone, so it never overlaps a file of either kind.
 * Files that do not touch the run's Neo4j hold nothing. The lock is a folder per run (the global
 * setup makes it): "whole" (a directory, created atomically) and one "shared-…" file per holder.
 * A file holds the lock from its first call until its end (tests/helpers/graph-lock-setup.ts).
 */
declare module "vitest" {
  export interface ProvidedContext {
    graphLockDir: string;
  }
}

type Held = { kind: "whole" } | { kind: "shared"; file: string };
let held: Held | undefined;

const pause = () => new Promise((resolve) => setTimeout(resolve, 100));

/**
 * With GRAPH_LOCK_LOG=<file>, one JSON line per event (a file starts, waits for the graph, holds it, ends), to
 * see where a run's workers sit idle (docs/performance.md "The test suite's time"). Off by default.
 */
export function logLockEvent(event: string, detail: Record<string, unknown> = {}): void {
  const file = process.env.GRAPH_LOCK_LOG;
  if (!file) return;
  appendFileSync(file, `${JSON.stringify({ at: Date.now(), pid: process.pid, event, ...detail })}\n`);
}

function paths(): { dir: string; whole: string } {
  const dir = inject("graphLockDir");
  return { dir, whole: path.join(dir, "whole") };
}

/** Waits until no other file holds the graph, then holds it alone until this file ends. */
export async function holdWholeGraph(): Promise<void> {
  if (held?.kind === "whole") return;
  if (held) throw new Error("A test file either owns a part of the graph (ownScope) or the whole of it (resetGraph), not both.");
  const { dir, whole } = paths();
  const waitFrom = Date.now();
  for (;;) {
    try {
      mkdirSync(whole);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      await pause();
    }
  }
  held = { kind: "whole" };
  // New sharers wait for "whole" to go; the ones already in finish first.
  while (readdirSync(dir).some((name) => name.startsWith("shared-"))) await pause();
  logLockEvent("whole", { waitedMs: Date.now() - waitFrom });
}

/** Waits until no file holds the whole graph, then shares it until this file ends. */
export async function holdOwnPart(): Promise<void> {
  if (held?.kind === "shared") return;
  if (held) throw new Error("A test file either owns a part of the graph (ownScope) or the whole of it (resetGraph), not both.");
  const { dir, whole } = paths();
  const waitFrom = Date.now();
  for (;;) {
    while (existsSync(whole)) await pause();
    const file = path.join(dir, `shared-${process.pid}-${randomBytes(4).toString("hex")}`);
    writeFileSync(file, "");
    // Checked after announcing: a file taking "whole" meanwhile either sees this one or is seen here.
    if (!existsSync(whole)) {
      held = { kind: "shared", file };
      logLockEvent("shared", { waitedMs: Date.now() - waitFrom });
      return;
    }
    rmSync(file, { force: true });
  }
}

export function releaseGraph(): void {
  if (!held) return;
  if (held.kind === "whole") rmSync(paths().whole, { recursive: true, force: true });
  else rmSync(held.file, { force: true });
  held = undefined;
}

import path from "node:path";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { holdWholeGraph, logLockEvent, releaseGraph } from "./graph-lock.js";
import { projectRoot } from "./processes.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The files that hold the whole graph from their start (vitest.config.ts). */
    wholeGraphFiles: string[];
  }
}

// A file that needs the whole graph waits for it before any of its own hooks, however long the
// file before it takes (hence no usual hook timeout); resetGraph would otherwise wait inside a test.
beforeAll(async () => {
  const file = path
    .relative(projectRoot, expect.getState().testPath ?? "")
    .split(path.sep)
    .join("/");
  logLockEvent("start", { file });
  if (inject("wholeGraphFiles").includes(file)) await holdWholeGraph();
}, 3_600_000);

// Registered before the file's own hooks, so it runs after its afterAll (hooks stack): the file has
// cleaned up and closed its connections before another file may take the graph.
afterAll(() => {
  releaseGraph();
  logLockEvent("end", { file: path.relative(projectRoot, expect.getState().testPath ?? "") });
});

import path from "node:path";
import os from "node:os";
import { scales, type ScaleName } from "../seed/synthetic/index.js";
import { loadConfig } from "../server/platform/config.js";
import { nowIso } from "../server/platform/clock/read-clock.js";
import { Language } from "../server/platform/model/graph-enums.js";
import { computeInstitutionEmbedding, computeProgrammeEmbedding } from "../server/domains/network/compute-embedding.js";
import { findWarmPaths } from "../server/domains/network/find-warm-paths.js";
import { matchingSettings } from "../server/domains/suggestions/matching-settings.js";
import { suggestCourses } from "../server/domains/suggestions/suggest-courses.js";
import { readCaseBoard } from "../server/domains/case-workflow/read-case-board.js";
import { prepareGraph } from "./prepare-graph.js";

/**
 * What one sample of each raw (database) side of the bench costs at a scale, before a full run is planned (bench/run.ts
 * `plan`, XL's raw bounds): each call timed alone, the first of a kind cold, on the bench's store of the scale
 * (bench/.data/<scale>, reused — run `npm run bench -- --scale <s> --only prepare` first). Prints one line per call.
 *
 *   npx tsx bench/probe-raw-side.ts --scale XL [--cases 3] [--programmes 2] [--institutions 1]
 */

const argument = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : process.argv[at + 1]!;
};
const scale = argument("--scale", "L").toUpperCase() as ScaleName;
const count = (name: string, fallback: number): number => Number(argument(name, String(fallback)));

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: "warn" });
  const started = Date.now();
  const prepared = await prepareGraph(config, scale, scales[scale], path.resolve("bench/.data"), (line) => console.error(line));
  const db = prepared.db;
  const say = (what: string, ms: number): void =>
    console.log(
      `${new Date().toISOString().slice(11, 19)} ${what}: ${Math.round(ms)} ms (load ${os.loadavg()[0]!.toFixed(1)}, run ${Math.round((Date.now() - started) / 1000)} s)`,
    );
  const time = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const value = await work();
    say(what, performance.now() - t0);
    return value;
  };
  try {
    if (!prepared.reused) console.log("The store was generated now, not reused.");
    const ids = (await db.read("MATCH (p:Person) RETURN p.id AS id SKIP 12345 LIMIT 20")).map((r) => String(r.id));
    const programmes = (
      await db.read("MATCH (p:Programme) RETURN p.id AS id ORDER BY id SKIP 17 LIMIT $n", { n: count("--programmes", 2) })
    ).map((r) => String(r.id));
    const institutions = (
      await db.read("MATCH (i:Institution) RETURN i.id AS id ORDER BY id SKIP 5 LIMIT $n", { n: count("--institutions", 1) })
    ).map((r) => String(r.id));
    const cases = (
      await db.read("MATCH (k:Case) WHERE k.suggestionCount > 0 RETURN k.id AS id SKIP 1000 LIMIT $n", { n: count("--cases", 3) })
    ).map((r) => String(r.id));
    for (let i = 0; i + 1 < Math.min(ids.length, 10); i += 2)
      await time(`warmPaths person to person ${i / 2 + 1}`, () =>
        findWarmPaths(db, { to: ids[i + 1]!, from: [ids[i]!], k: 3, maxHops: 4 }),
      );
    await time("caseBoard (50 cards)", () => db.readEach((tx) => readCaseBoard(tx, {}, 50, null, nowIso())));
    await time("caseBoard again", () => db.readEach((tx) => readCaseBoard(tx, {}, 50, null, nowIso())));
    for (const p of programmes) {
      await time(`warmPaths to programme ${p}`, () => findWarmPaths(db, { to: p, k: 3, maxHops: 4 }));
      await time(`warmPaths to programme ${p} again`, () => findWarmPaths(db, { to: p, k: 3, maxHops: 4 }));
    }
    for (const p of programmes) {
      await time(`embedding programme ${p}`, () => computeProgrammeEmbedding(db, p, {}));
      await time(`embedding programme ${p} again`, () => computeProgrammeEmbedding(db, p, {}));
    }
    const settings = matchingSettings();
    for (const c of cases) {
      const ask = () =>
        suggestCourses(db, { caseId: c, limit: 10, weights: null, language: Language.EN, now: nowIso(), settings });
      await time(`caseSuggestions ${c}`, ask);
      await time(`caseSuggestions ${c} again`, ask);
    }
    for (const i of institutions) {
      await time(`embedding institution ${i}`, () => computeInstitutionEmbedding(db, i, {}));
      await time(`embedding institution ${i} again`, () => computeInstitutionEmbedding(db, i, {}));
    }
  } finally {
    await db.close();
    await prepared.embedded.stop().catch(() => {});
  }
}

await main();

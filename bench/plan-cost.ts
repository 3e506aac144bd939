import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../server/platform/config.js";
import { ensureConstraints } from "../server/platform/neo4j/constraints.js";
import { connectDatabase } from "../server/platform/neo4j/database.js";
import { startEmbeddedNeo4j } from "../server/platform/neo4j/embedded.js";
import { bumpingTieVersion } from "../server/platform/neo4j/tie-version.js";
import { findWarmPaths } from "../server/domains/network/find-warm-paths.js";
import { readProgrammeFacts } from "../server/domains/network/read-embedding-facts.js";
import { freePort } from "./prepare-graph.js";
import { processCpuSeconds } from "./thread-cpu.js";

/**
 * What planning costs Neo4j (docs/performance.md, "The test suite's time", seventh round): a fresh embedded Neo4j, a
 * small graph (24 people, 60 ties, 5 programmes), then twenty statement shapes each called once — warm paths at four hop
 * limits, with and without the strength ladder and a person to avoid, and the embedding facts with and without a
 * programme and a person left out — and the same twenty again. The first round is planning, the second execution;
 * printed with the Neo4j JVM's CPU seconds in each.
 *
 *   npx tsx bench/plan-cost.ts [--settings '{"internal.cypher.use_parameter_size": "false"}'] [--jvm '["-XX:TieredStopAtLevel=1"]']
 *
 * Run it alone (flock /tmp/werkplaats-heavy.lock …): it measures CPU.
 */

const { values } = parseArgs({
  options: { settings: { type: "string", default: "{}" }, jvm: { type: "string", default: "[]" } },
});
const settings = JSON.parse(values.settings) as Record<string, string>;
const jvmOptions = JSON.parse(values.jvm) as string[];
const config = loadConfig();

const home = mkdtempSync(path.join(os.tmpdir(), "werkplaats-plan-cost-"));
const neo4j = await startEmbeddedNeo4j({
  home,
  runtimeDir: config.NEO4J_RUNTIME_DIR,
  boltPort: await freePort(),
  heap: "1g",
  pagecache: "256m",
  startTimeoutMs: config.NEO4J_START_TIMEOUT_MS,
  javaHome: config.JAVA_HOME,
  settings: { "dbms.cypher.min_replan_interval": "1h", ...settings },
  jvmOptions,
});
/** The Neo4j JVM's CPU seconds so far (NaN off Linux). */
const cpuSeconds = (): number => processCpuSeconds(neo4j.pid) ?? Number.NaN;
const db = await connectDatabase({ uri: neo4j.uri, username: "neo4j", password: "", database: "neo4j", noAuth: true });
try {
  await ensureConstraints(db);
  const ids = Array.from({ length: 24 }, (_, i) => `p${i}`);
  // A ring with chords: every person has ties, strengths from few values (equal scores are common).
  const ties = ids
    .flatMap((id, i) =>
      [1, 5, 11].map((step, k) => ({ a: id, b: ids[(i + step) % ids.length]!, strength: [0.4, 0.6, 0.8][(i + k) % 3]! })),
    )
    .slice(0, 60);
  await db.write("UNWIND $ids AS id CREATE (:Person {id: id, name: id})", { ids });
  await db.write(
    bumpingTieVersion(
      "UNWIND $rows AS r MATCH (a:Person {id: r.a}), (b:Person {id: r.b}) CREATE (a)-[:KNOWS {strength: r.strength, channel: 'OTHER'}]->(b)",
    ),
    { rows: ties },
  );
  await db.write(
    "CREATE (i:Institution {id: 'i1', name: 'I'}) WITH i UNWIND range(1, 5) AS n CREATE (:Programme {id: 'g' + n, name: 'G' + n})-[:OFFERED_BY]->(i)",
  );

  const calls: Array<() => Promise<unknown>> = [];
  for (const maxHops of [2, 3, 4, 5])
    for (const lightEnds of [undefined, 0])
      for (const avoid of [[], ["p2"]])
        calls.push(() =>
          findWarmPaths(
            db,
            { to: "p3", from: ["p7", "p9"], k: 3, maxHops, minStrength: 0, avoid },
            lightEnds === undefined ? {} : { lightEnds },
          ),
        );
  for (const programmes of [null, ["g1"]])
    for (const without of [null, "p1"])
      calls.push(() =>
        readProgrammeFacts(db, { programmes, coordinators: ["p1", "p2"], threshold: 0.5, asOf: "2026-12-01", without }),
      );

  const round = async () => {
    const cpu = cpuSeconds();
    const started = performance.now();
    for (const call of calls) await call();
    return { ms: Math.round(performance.now() - started), cpu: Math.round((cpuSeconds() - cpu) * 10) / 10 };
  };
  const first = await round();
  const again = await round();
  console.log(
    `settings ${JSON.stringify(settings)} jvm ${JSON.stringify(jvmOptions)}: ${calls.length} shapes, ` +
      `first ${first.ms} ms (Neo4j CPU ${first.cpu} s), again ${again.ms} ms (CPU ${again.cpu} s)`,
  );
} finally {
  await db.close();
  await neo4j.stop();
  rmSync(home, { recursive: true, force: true });
}

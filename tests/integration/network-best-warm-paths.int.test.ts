import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/platform/neo4j/database.js";
import { findWarmPaths } from "../../server/domains/network/find-warm-paths.js";
import { bestWarmPaths, searchBestWarmPaths } from "../../server/domains/network/index.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { seededRandom } from "./network-fixtures.js";
import { bumpingTieVersion, bumpTieVersion } from "../../server/platform/neo4j/tie-version.js";

/**
 * bestWarmPaths (the suggestions' warm path factor) is warmPaths for each target alone: on random
 * graphs, its score and hops for every target equal the first path of
 * warmPaths(to: target, from: the coordinators, k: 1, minStrength), and a coordinator is 0 hops away.
 */

let db: Database;

beforeAll(async () => {
  db = await connectTestDatabase();
});

afterAll(async () => {
  await db?.close();
});

describe("bestWarmPaths", () => {
  it(
    "gives each target the best path warmPaths ranks for it alone, and sees a changed tie at once",
    { timeout: 300_000 },
    async () => {
      const random = seededRandom(20261206);
      const strengths = [0.4, 0.5, 0.6, 0.8, 0.9, 1];
      let compared = 0;
      let found = 0;
      for (let graph = 0; graph < 4; graph++) {
        const ids = Array.from({ length: 20 }, (_, i) => `b${graph}p${String(i).padStart(2, "0")}`);
        const ties = new Map<string, number>();
        while (ties.size < 45) {
          const i = Math.floor(random() * ids.length);
          const j = Math.floor(random() * ids.length);
          if (i !== j) ties.set(i < j ? `${i}|${j}` : `${j}|${i}`, strengths[Math.floor(random() * strengths.length)]!);
        }
        const coordinators = ids.slice(0, 2);
        await resetGraph(db);
        await db.write(
          `CREATE (w:Workspace {id: 'ws', name: 'W'})
         WITH w UNWIND $ids AS id CREATE (p:Person {id: id, name: id})
         WITH w, p WHERE p.id IN $coordinators CREATE (p)-[:COORDINATOR_OF]->(w)`,
          { ids, coordinators },
        );
        await db.write(
          "UNWIND $rows AS r MATCH (a:Person {id: r.a}), (b:Person {id: r.b}) CREATE (a)-[:KNOWS {strength: r.s, channel: 'OTHER'}]->(b)",
          { rows: [...ties].map(([key, s]) => ({ a: ids[Number(key.split("|")[0])]!, b: ids[Number(key.split("|")[1])]!, s })) },
        );
        const targets = ids.slice(1);
        for (const maxHops of [2, 4]) {
          const best = await db.readEach((tx) => searchBestWarmPaths(tx, { workspaces: [], targets, minStrength: 0.5, maxHops }));
          for (const target of targets) {
            compared += 1;
            if (coordinators.includes(target)) {
              expect(best.get(target)).toEqual({ score: 1, hops: 0 });
              continue;
            }
            const [first] = await findWarmPaths(db, { to: target, from: coordinators, k: 1, maxHops, minStrength: 0.5 });
            const label = JSON.stringify({ graph, target, maxHops });
            expect(best.has(target), label).toBe(first !== undefined);
            if (!first) continue;
            found += 1;
            expect(best.get(target)!.score, label).toBeCloseTo(first.score, 12);
            expect(best.get(target)!.hops, label).toBe(first.hops);
          }
        }
      }
      expect(compared).toBe(4 * 2 * 19);
      expect(found).toBeGreaterThan(60);

      // Kept while the ties and coordinators are unchanged; a tie write (moving the tie version, as the server's
      // writers do) or a new coordinator is seen by the next call, any other write leaves the memo.
      await bumpTieVersion(db);
      const people = Array.from({ length: 18 }, (_, i) => `b3p${String(i + 2).padStart(2, "0")}`);
      const all = await bestWarmPaths(db, { workspaces: ["ws"], targets: people, minStrength: 0.5 });
      const someone = people.find((id) => all.get(id)?.hops !== 1 || all.get(id)?.score !== 1)!;
      const before = await bestWarmPaths(db, { workspaces: ["ws"], targets: [someone], minStrength: 0.5 });
      expect(before.get(someone)).toEqual(all.get(someone));
      // A write that is no tie: the memo answers (checked by a tie written behind its back, which it does not see).
      await db.write("MATCH (p:Person {id: $t}) SET p.jobTitle = 'Docent'", { t: someone });
      await db.write(
        "MATCH (c:Person {id: 'b3p00'}), (t:Person {id: $t}) CREATE (c)-[:KNOWS {strength: 1.0, channel: 'OTHER', hidden: true}]->(t)",
        { t: someone },
      );
      expect((await bestWarmPaths(db, { workspaces: ["ws"], targets: [someone], minStrength: 0.5 })).get(someone)).toEqual(
        before.get(someone),
      );
      await db.write(bumpingTieVersion("MATCH ()-[k:KNOWS {hidden: true}]->() REMOVE k.hidden"));
      const after = await bestWarmPaths(db, { workspaces: ["ws"], targets: [someone], minStrength: 0.5 });
      expect(after.get(someone)).toEqual({ score: 1, hops: 1 });
      expect(before.get(someone)).not.toEqual({ score: 1, hops: 1 });
      // A new coordinator next to the target: 1 hop at 1.0 already, now 0 hops from the target itself.
      await db.write("MATCH (p:Person {id: $t}), (w:Workspace {id: 'ws'}) CREATE (p)-[:COORDINATOR_OF]->(w)", { t: someone });
      expect((await bestWarmPaths(db, { workspaces: ["ws"], targets: [someone], minStrength: 0.5 })).get(someone)).toEqual({
        score: 1,
        hops: 0,
      });
    },
  );
});

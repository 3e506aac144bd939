import { describe, expect, it } from "vitest";
import { HeldGraphWarmTies } from "../../server/domains/network/held-warm-ties.js";
import { applyTieChanges, buildTieGraph, type LoadedTie } from "../../server/domains/network/tie-graph.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { seededRandom } from "../../seed/synthetic/Random.js";

/**
 * The held graph's warm lists by READ_WARM_NEIGHBOURS' rule, brute force over the tie list: the far ends of a person's
 * ties with strength ≥ the threshold, either direction, never themselves, each once; none for a tie without a strength;
 * none for a person the graph does not know. (The integration test compares whole embeddings with Neo4j's.)
 */
const db = {} as Database;

function expected(ties: readonly LoadedTie[], person: string, threshold: number): string[] {
  const found = new Set<string>();
  for (const [a, b, s] of ties) {
    if (typeof s !== "number" || s < threshold || a === b) continue;
    if (a === person) found.add(b);
    if (b === person) found.add(a);
  }
  return [...found].sort();
}

async function listOf(ties: HeldGraphWarmTies, person: string): Promise<string[]> {
  const n = ties.intern(person);
  await ties.load(db, [n]);
  return [...(ties.neighboursOf(n) ?? [])].map((m) => ties.idOf(m)).sort();
}

describe("HeldGraphWarmTies", () => {
  it("gives READ_WARM_NEIGHBOURS' lists on random graphs with parallel ties, ties without strength and self-ties", async () => {
    const random = seededRandom(19);
    for (let round = 0; round < 30; round++) {
      const ids = Array.from({ length: 25 }, (_, i) => `p${i}`);
      const ties: LoadedTie[] = [];
      for (let k = 0; k < 80; k++) {
        const a = ids[Math.floor(random() * ids.length)]!;
        const b = random() < 0.05 ? a : ids[Math.floor(random() * ids.length)]!;
        const s = random() < 0.05 ? null : [0.2, 0.49, 0.5, 0.51, 0.8, 1][Math.floor(random() * 6)]!;
        ties.push([a, b, s, `5:x:${round * 1000 + k}`]);
      }
      const graph = buildTieGraph(ids, ties);
      for (const threshold of [0, 0.5, 0.8]) {
        const held = new HeldGraphWarmTies(graph, threshold);
        for (const id of [...ids, "stranger"])
          expect(await listOf(held, id), `${round} ${threshold} ${id}`).toEqual(expected(ties, id, threshold));
      }
    }
  });

  it("follows a graph brought forward in place (applyTieChanges), with new lists", async () => {
    const ids = ["a", "b", "c", "d"];
    const ties: LoadedTie[] = [
      ["a", "b", 0.9, "5:x:1"],
      ["b", "c", 0.3, "5:x:2"],
    ];
    const graph = buildTieGraph(ids, ties);
    expect(await listOf(new HeldGraphWarmTies(graph, 0.5), "b")).toEqual(["a"]);
    applyTieChanges(
      graph,
      ["c"],
      [
        {
          id: "c",
          ties: [
            ["b", 0.7, "5:x:2"],
            ["e", 0.6, "5:x:3"],
          ],
        },
      ],
    );
    const after = new HeldGraphWarmTies(graph, 0.5);
    expect(await listOf(after, "b")).toEqual(["a", "c"]);
    expect(await listOf(after, "c")).toEqual(["b", "e"]);
    expect(await listOf(after, "e")).toEqual(["c"]);
  });
});

import { existsSync, rmSync, writeFileSync } from "node:fs";
import type { Driver } from "neo4j-driver";
import type { Database } from "../server/platform/neo4j/database.js";
import { bumpTieVersion } from "../server/platform/neo4j/tie-version.js";

/** The mix's interactions, by id. */
export const DELETE_INTERACTIONS = `UNWIND $ids AS id MATCH (x:Interaction {id: id}) DETACH DELETE x`;

/** Cases the mix took in, by id, with everything that hangs off them: status events, proposals, sprints and their milestones. */
export const DELETE_CASES_WITH_WHAT_HANGS_OFF_THEM = `UNWIND $ids AS id
  MATCH (k:Case {id: id})
  OPTIONAL MATCH (k)-[:HAD_EVENT]->(e)
  OPTIONAL MATCH (p:Proposal)-[:OF_CASE]->(k)
  OPTIONAL MATCH (s:Sprint)-[:FOR_CASE]->(k)
  OPTIONAL MATCH (s)-[:HAS_MILESTONE]->(m)
  WITH k, collect(DISTINCT e) + collect(DISTINCT p) + collect(DISTINCT s) + collect(DISTINCT m) AS hanging
  FOREACH (n IN hanging | DETACH DELETE n)
  DETACH DELETE k`;

/** SMEs the mix created, by id, once no case of theirs is left. */
export const DELETE_SMES_WITHOUT_CASES = `UNWIND $ids AS id MATCH (s:Sme {id: id}) WHERE NOT EXISTS { (s)-[:ASKED]->(:Case) } DETACH DELETE s`;

/**
 * Takes the bench's write mix (bench/write-mix.ts) back out of the graph at the end of a run, so that a reused store holds
 * the generated graph again and the next run's reads are measured on it (and its marker and counts still agree,
 * bench/prepare-graph.ts). What the mix wrote is known by its own ids, noted as it wrote them: the cases it intook
 * (with their events, topic links, proposals, sprints and milestones), the SMEs those intakes created, and the
 * interactions it logged. An interaction also changes the KNOWS tie of its pair (or creates one,
 * apply-interaction-to-tie.ts), so before the first interaction of a pair the pair's ties are read as they are —
 * their elementIds and properties, through the driver itself so that integers, floats and dates keep their Neo4j types —
 * and put back exactly: a tie the mix created is deleted, a changed one gets its old properties again.
 *
 * All of it in one transaction. The tie version then moves once more (the ties moved back), so nothing that holds ties
 * tagged with a version seen during the mix keeps them.
 *
 * While the mix has written and not been undone, a file beside the store says so (`pendingFile`): a run that ended
 * before its undo leaves it, and prepare-graph.ts then generates the graph again rather than measure on a changed one.
 */
export class WriteMixUndo {
  private readonly cases: string[] = [];
  private readonly smes: string[] = [];
  private readonly interactions: string[] = [];
  /** Per pair (ids sorted, joined by a space): its KNOWS ties before the mix's first interaction between the two. */
  private readonly tiesBefore = new Map<string, Array<{ id: string; props: Record<string, unknown> }>>();

  private readonly driver: Driver;

  constructor(
    private readonly db: Database,
    /** The file that marks the store as changed by the mix until the undo (none: no mark). */
    private readonly pendingFile: string | null = null,
  ) {
    // The driver itself, not Database.read: its rows turn integers into numbers, and a tie's properties go back typed.
    this.driver = db.graphqlDriver();
  }

  /** Before the mix's first write: the store is changed from here until the undo. */
  private markPending(): void {
    if (this.pendingFile && !existsSync(this.pendingFile)) {
      writeFileSync(this.pendingFile, `${JSON.stringify({ since: new Date().toISOString() })}\n`);
    }
  }

  /** Before an intake is sent (a failed intake may still have written nothing; the mark is harmless then). */
  beforeWrite(): void {
    this.markPending();
  }

  noteCase(caseId: string, sme: { id: string; created: boolean }): void {
    this.cases.push(caseId);
    if (sme.created) this.smes.push(sme.id);
  }

  noteInteraction(id: string): void {
    this.interactions.push(id);
  }

  /** Before an interaction between `a` and `b` is logged: the pair's ties as they are, the first time only. */
  async beforeInteraction(a: string, b: string): Promise<void> {
    this.markPending();
    const pair = [a, b].sort().join(" ");
    if (this.tiesBefore.has(pair)) return;
    const session = this.driver.session({ defaultAccessMode: "READ" });
    try {
      const result = await session.run(
        "MATCH (:Person {id: $a})-[r:KNOWS]-(:Person {id: $b}) RETURN DISTINCT elementId(r) AS id, properties(r) AS props",
        { a, b },
      );
      this.tiesBefore.set(
        pair,
        result.records.map((r) => ({ id: r.get("id") as string, props: r.get("props") as Record<string, unknown> })),
      );
    } finally {
      await session.close();
    }
  }

  /** What the undo will remove or put back. */
  counts(): { cases: number; smes: number; interactions: number; pairs: number } {
    return {
      cases: this.cases.length,
      smes: this.smes.length,
      interactions: this.interactions.length,
      pairs: this.tiesBefore.size,
    };
  }

  /** Removes what the mix wrote and puts the ties back, in one transaction; then the pending mark goes. */
  async undo(): Promise<void> {
    const pairs = [...this.tiesBefore].map(([pair, ties]) => {
      const [a, b] = pair.split(" ");
      return { a, b, keep: ties.map((t) => t.id), ties };
    });
    const session = this.driver.session({ defaultAccessMode: "WRITE" });
    try {
      await session.executeWrite(async (tx) => {
        await tx.run(DELETE_INTERACTIONS, { ids: this.interactions });
        await tx.run(DELETE_CASES_WITH_WHAT_HANGS_OFF_THEM, { ids: this.cases });
        await tx.run(DELETE_SMES_WITHOUT_CASES, { ids: this.smes });
        for (const { a, b, keep, ties } of pairs) {
          await tx.run(
            `MATCH (:Person {id: $a})-[r:KNOWS]-(:Person {id: $b}) WITH DISTINCT r WHERE NOT elementId(r) IN $keep DELETE r`,
            { a, b, keep },
          );
          for (const tie of ties) {
            await tx.run(`MATCH ()-[r:KNOWS]->() WHERE elementId(r) = $id SET r = $props`, { id: tie.id, props: tie.props });
          }
        }
      });
    } finally {
      await session.close();
    }
    this.cases.length = 0;
    this.smes.length = 0;
    this.interactions.length = 0;
    this.tiesBefore.clear();
    await bumpTieVersion(this.db);
    if (this.pendingFile) rmSync(this.pendingFile, { force: true });
  }
}

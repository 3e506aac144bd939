import type { GraphSpec } from "./network-fixtures.js";

/**
 * The hand-built graphs of the embedding tests (network-embedding.int.test.ts, network-analytics-worker.int.test.ts):
 * one cast and one workspace, so a person is the same id and name in each (the tests assert the names in reasons).
 * Written with writeGraph (network-fixtures.ts).
 */

/** Everyone the hand-built embedding graphs use, by id: coordinators c*, go-betweens, teachers t*, role holders. */
const CAST: Readonly<Record<string, string>> = {
  c1: "Sanne Visser",
  c2: "Karim Amrani",
  a: "Anna Kok",
  b: "Bas Mol",
  d: "Dirk Bakker",
  e: "Els Smits",
  f: "Fleur Dijk",
  g: "Gert Vos",
  hub: "Hanna Hub",
  h1: "H Een",
  h2: "H Twee",
  h3: "H Drie",
  h4: "H Vier",
  t1: "Bram de Wit",
  t1b: "Eva Jansen",
  dr1: "Mila Bos",
  t2: "Teun Twee",
  t3: "Tara Drie",
  t4: "Tom Vier",
  t5: "Tijs Vijf",
  t6: "Tilly Zes",
  t7: "Tim Zeven",
  t8: "Tessa Acht",
  bm3: "Bert Bestuur",
  t9: "Tine Negen",
  t10: "Ties Tien",
  dn2: "Joost Smit",
  t15: "Thijs Vijftien",
  t11: "Timo Elf",
  dr7: "Dora Zeven",
  t12: "Teddy Twaalf",
  dr8: "Dirk Acht",
  co9: "Cor Negen",
  co10: "Cas Tien",
  bm5: "Bea Bestuur",
};

/** The people of `ids` as the cast names them; an id outside the cast is a mistake in the test. */
export function cast(...ids: string[]): Array<{ id: string; name: string }> {
  return ids.map((id) => {
    const name = CAST[id];
    if (name === undefined) throw new Error(`"${id}" is not in the embedding cast (network-embedding-fixtures.ts)`);
    return { id, name };
  });
}

/** The whole cast (network-embedding.int.test.ts's graph has them all). */
export function wholeCast(): Array<{ id: string; name: string }> {
  return cast(...Object.keys(CAST));
}

/** The workspace W = {c1, c2} of every hand-built embedding graph. */
export const EMBEDDING_WORKSPACE = { id: "ws", name: "Digitale Werkplaats", coordinators: ["c1", "c2"] };

/**
 * The analytics worker's small graph (network-analytics-worker.int.test.ts). W = {c1, c2}. HE: P1 (one route
 * c1–a–t1), P2 (through the hub; t3 only by a cold tie).
 */
export const TWO_PROGRAMME_GRAPH: GraphSpec = {
  people: cast("c1", "c2", "a", "b", "hub", "t1", "t2", "t3", "dr1", "dn2"),
  workspace: EMBEDDING_WORKSPACE,
  institutions: [{ id: "HE", name: "Hogeschool Een", shortName: "HE" }],
  programmes: [
    { id: "P1", name: "Eén Route", institution: "HE" },
    { id: "P2", name: "Via de Spil", institution: "HE" },
  ],
  courses: [
    { id: "k1", name: "Vak Een", programme: "P1" },
    { id: "k2", name: "Vak Twee", programme: "P2" },
  ],
  teaches: [
    ["t1", "k1"],
    ["t2", "k2"],
    ["t3", "k2"],
  ],
  directs: [["dr1", "P1"]],
  deans: [["dn2", "HE"]],
  ties: [
    { a: "c1", b: "a", strength: 0.8 },
    { a: "a", b: "t1", strength: 0.7 },
    { a: "a", b: "dr1", strength: 0.6 },
    { a: "c2", b: "hub", strength: 0.9 },
    { a: "hub", b: "t2", strength: 0.6 },
    { a: "c1", b: "b", strength: 0.7 },
    { a: "b", b: "t3", strength: 0.3 },
  ],
};

import { describe, expect, it } from "vitest";
import {
  buildGraphElements,
  personRole,
  ROLE_STYLE,
  PERSON_ROLES,
} from "../../client/src/modules/explorer/hooks/graphElements.js";
import type { ContactGraph, ExplorerEdge, ExplorerNode } from "../../client/src/modules/explorer/hooks/useContactGraph.js";

/** The explorer's drawing rules (#17 part 8): a colour and shape per role, a box per institution, folding. */
function graphOf(nodes: ExplorerNode[], edges: ExplorerEdge[]): ContactGraph {
  return { nodes: new Map(nodes.map((n) => [n.id, n])), edges: new Map(edges.map((e) => [e.id, e])), expanded: new Set() };
}
const role = (source: string, name: string, target: string): ExplorerEdge => ({
  id: `role:${source}:${name}:${target}`,
  source,
  target,
  kind: "role",
  role: name,
});

const graph = graphOf(
  [
    { id: "hva", kind: "institution", label: "HvA" },
    { id: "ict", kind: "programme", label: "HBO-ICT" },
    { id: "sprint", kind: "course", label: "Data Sprint" },
    { id: "tess", kind: "person", label: "Tess" },
    { id: "bram", kind: "person", label: "Bram" },
    { id: "dean", kind: "person", label: "Dean" },
    { id: "kim", kind: "person", label: "Kim" },
    { id: "ws", kind: "workspace", label: "Werkplaats" },
  ],
  [
    { id: "offered:ict:hva", source: "ict", target: "hva", kind: "role", role: "offeredBy" },
    { id: "part:sprint:ict", source: "sprint", target: "ict", kind: "role", role: "partOf" },
    role("tess", "teaches", "sprint"),
    role("bram", "coordinates", "ict"),
    role("bram", "teaches", "sprint"),
    role("dean", "deanOf", "hva"),
    role("kim", "coordinatorOf", "ws"),
    { id: "knows:kim:tess", source: "kim", target: "tess", kind: "knows", strength: 0.7 },
    { id: "knows:kim:bram", source: "kim", target: "bram", kind: "knows", strength: 0.4 },
  ],
);

describe("the explorer's graph elements", () => {
  it("gives every role its own colour and shape, the most senior role winning", () => {
    expect(new Set(PERSON_ROLES.map((r) => ROLE_STYLE[r].color)).size).toBe(PERSON_ROLES.length);
    const roles = ["tess", "bram", "dean", "kim"].map((id) => personRole(graph, id, new Set(["kim"])));
    expect(roles).toEqual(["teacher", "coordinator", "dean", "workspaceCoordinator"]);
  });

  it("puts what belongs to an institution in its box, and a person of the workspace outside", () => {
    const { elements, groups } = buildGraphElements(graph, new Set(["kim"]), new Set());
    expect(groups).toEqual([{ institutionId: "hva", label: "HvA", members: 6, collapsed: false }]);
    const parent = (id: string) => elements.find((e) => e.data.id === id)?.data.parent;
    expect(["hva", "ict", "sprint", "tess", "bram", "dean"].map(parent)).toEqual(Array(6).fill("group:hva"));
    expect(parent("kim")).toBeUndefined();
  });

  it("folds an institution into one node with its count and its outside edges only", () => {
    const { elements } = buildGraphElements(graph, new Set(["kim"]), new Set(["hva"]));
    const nodes = elements.filter((e) => e.group === "nodes").map((e) => e.data.id);
    expect(nodes.sort()).toEqual(["group:hva", "kim", "ws"]);
    expect(elements.find((e) => e.data.id === "group:hva")?.data).toMatchObject({ kind: "collapsed", label: "HvA (6)" });
    const edges = elements.filter((e) => e.group === "edges").map((e) => [e.data.source, e.data.target, e.data.kind]);
    expect(edges).toEqual([
      ["kim", "ws", "role"],
      ["kim", "group:hva", "knows"],
    ]);
  });
});

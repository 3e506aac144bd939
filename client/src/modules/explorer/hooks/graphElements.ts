import type { ContactGraph, ExplorerNode } from "./useContactGraph";

/**
 * What the explorer draws for the graph it holds (#17 part 8): a role per person (its colour and shape,
 * GraphLegend names them), a compound box per institution around what belongs to it, and an institution
 * folded into one node with a count and its outside edges. Pure: tests/unit/explorer-graph-elements.test.ts.
 */

/** A person's role, by precedence when they hold several: the most senior / most relevant to a broker first. */
export const PERSON_ROLES = [
  "workspaceCoordinator",
  "board",
  "dean",
  "director",
  "coordinator",
  "teacher",
  "partner",
  "smeContact",
  "person",
] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** The role edge (useContactGraph's `role`) that makes a person this role. */
const roleOfEdge: Record<string, PersonRole> = {
  coordinatorOf: "workspaceCoordinator",
  boardMemberOf: "board",
  deanOf: "dean",
  directs: "director",
  coordinates: "coordinator",
  teaches: "teacher",
  worksAt: "partner",
  contactFor: "smeContact",
};

/** Colour and Cytoscape shape per role: distinct hues for people, muted greys for the organisations they sit in. */
export const ROLE_STYLE: Record<PersonRole, { color: string; shape: string }> = {
  workspaceCoordinator: { color: "#7c3aed", shape: "round-diamond" },
  board: { color: "#be185d", shape: "octagon" },
  dean: { color: "#dc2626", shape: "star" },
  director: { color: "#ea580c", shape: "pentagon" },
  coordinator: { color: "#059669", shape: "triangle" },
  teacher: { color: "#2563eb", shape: "ellipse" },
  partner: { color: "#ca8a04", shape: "barrel" },
  smeContact: { color: "#92400e", shape: "round-tag" },
  person: { color: "#94a3b8", shape: "ellipse" },
};

export const ORGANISATION_STYLE = {
  institution: { color: "#334155", shape: "round-rectangle" },
  programme: { color: "#64748b", shape: "round-rectangle" },
  course: { color: "#94a3b8", shape: "diamond" },
  workspace: { color: "#7c3aed", shape: "hexagon" },
  partner: { color: "#a16207", shape: "tag" },
  sme: { color: "#a16207", shape: "tag" },
  group: { color: "#334155", shape: "round-rectangle" },
} as const;

export function personRole(graph: ContactGraph, id: string, coordinators: ReadonlySet<string>): PersonRole {
  const held = new Set<PersonRole>();
  if (coordinators.has(id)) held.add("workspaceCoordinator");
  for (const e of graph.edges.values()) {
    if (e.kind !== "role" || e.source !== id || !e.role) continue;
    const role = roleOfEdge[e.role];
    if (role) held.add(role);
  }
  return PERSON_ROLES.find((r) => held.has(r)) ?? "person";
}

/**
 * The institution each node belongs to, as far as the drawn graph shows it: an institution to itself, a
 * programme to the one offering it, a course to its programmes' institution, a person to the one institution
 * all their roles lie in (a person at two institutions, or at none, belongs to no box).
 */
export function institutionOfNodes(graph: ContactGraph): Map<string, string> {
  const owner = new Map<string, string>();
  for (const n of graph.nodes.values()) if (n.kind === "institution") owner.set(n.id, n.id);
  const edges = [...graph.edges.values()];
  for (const e of edges) if (e.role === "offeredBy" && graph.nodes.has(e.target)) owner.set(e.source, e.target);
  for (const e of edges) {
    if (e.role !== "partOf") continue;
    const inst = owner.get(e.target);
    if (inst && !owner.has(e.source)) owner.set(e.source, inst);
  }
  const personOrgs = new Map<string, Set<string>>();
  for (const e of edges) {
    if (e.kind !== "role" || graph.nodes.get(e.source)?.kind !== "person") continue;
    const inst = owner.get(e.target);
    const set = personOrgs.get(e.source) ?? new Set<string>();
    // A role outside any institution (a workspace, a partner) keeps the person out of the boxes.
    set.add(inst ?? `outside:${e.target}`);
    personOrgs.set(e.source, set);
  }
  for (const [person, orgs] of personOrgs) {
    const [only] = [...orgs];
    if (orgs.size === 1 && only && !only.startsWith("outside:")) owner.set(person, only);
  }
  return owner;
}

export interface OrganisationGroup {
  institutionId: string;
  label: string;
  /** Nodes inside the box, the institution itself included. */
  members: number;
  collapsed: boolean;
}

export interface GraphElement {
  group: "nodes" | "edges";
  data: Record<string, string | number | undefined>;
}

export const groupId = (institutionId: string): string => `group:${institutionId}`;

/**
 * The Cytoscape elements: nodes with `kind`, `role`, `color`, `shape` and `parent` (the institution's box);
 * an institution in `collapsed` becomes one node `group:<id>` labelled with its name and count, carrying the
 * edges between its members and the rest (one per outside node and kind), its inside edges left out.
 */
export function buildGraphElements(
  graph: ContactGraph,
  coordinators: ReadonlySet<string>,
  collapsed: ReadonlySet<string>,
): { elements: GraphElement[]; groups: OrganisationGroup[] } {
  const owner = institutionOfNodes(graph);
  const counts = new Map<string, number>();
  for (const [node, inst] of owner) if (graph.nodes.has(node)) counts.set(inst, (counts.get(inst) ?? 0) + 1);
  const groups: OrganisationGroup[] = [...counts]
    .filter(([inst, members]) => members > 1 && graph.nodes.has(inst))
    .map(([inst, members]) => ({
      institutionId: inst,
      label: graph.nodes.get(inst)?.label ?? inst,
      members,
      collapsed: collapsed.has(inst),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const boxed = new Set(groups.map((g) => g.institutionId));
  /** Where a node is drawn: itself, or the folded box it is in. */
  const drawnAs = (id: string): string => {
    const inst = owner.get(id);
    return inst && boxed.has(inst) && collapsed.has(inst) ? groupId(inst) : id;
  };

  const elements: GraphElement[] = [];
  for (const g of groups) {
    const style = ORGANISATION_STYLE.group;
    elements.push({
      group: "nodes",
      data: g.collapsed
        ? {
            id: groupId(g.institutionId),
            label: `${g.label} (${g.members})`,
            kind: "collapsed",
            color: style.color,
            shape: style.shape,
            members: g.members,
            institution: g.institutionId,
          }
        : { id: groupId(g.institutionId), label: g.label, kind: "group", institution: g.institutionId },
    });
  }
  for (const n of graph.nodes.values()) {
    if (drawnAs(n.id) !== n.id) continue;
    const inst = owner.get(n.id);
    elements.push({
      group: "nodes",
      data: nodeData(graph, n, coordinators, inst && boxed.has(inst) ? groupId(inst) : undefined),
    });
  }
  const seen = new Set<string>();
  for (const e of graph.edges.values()) {
    if (!graph.nodes.has(e.source) || !graph.nodes.has(e.target)) continue;
    const source = drawnAs(e.source);
    const target = drawnAs(e.target);
    if (source === target) continue;
    const folded = source !== e.source || target !== e.target;
    const id = folded ? `folded:${e.kind}:${[source, target].sort().join("|")}` : e.id;
    if (seen.has(id)) continue;
    seen.add(id);
    elements.push({ group: "edges", data: { id, source, target, kind: e.kind, strength: e.strength ?? 0.5 } });
  }
  return { elements, groups };
}

function nodeData(graph: ContactGraph, n: ExplorerNode, coordinators: ReadonlySet<string>, parent: string | undefined) {
  if (n.kind === "person") {
    const role = personRole(graph, n.id, coordinators);
    const style = ROLE_STYLE[role];
    // `coordinator` kind kept for the workspace's coordinators: the warm-path panels and e2e name it so.
    const kind = role === "workspaceCoordinator" ? "coordinator" : "person";
    return { id: n.id, label: n.label, kind, role, color: style.color, shape: style.shape, ...(parent ? { parent } : {}) };
  }
  const style = ORGANISATION_STYLE[n.kind];
  return {
    id: n.id,
    label: n.label,
    kind: n.kind,
    role: n.kind,
    color: style.color,
    shape: style.shape,
    ...(parent ? { parent } : {}),
  };
}

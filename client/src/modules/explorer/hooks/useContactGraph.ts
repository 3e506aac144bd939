import { useCallback, useState } from "react";
import { useClient } from "urql";
import {
  courseNeighbourhoodQuery,
  institutionNeighbourhoodQuery,
  personNeighbourhoodQuery,
  programmeNeighbourhoodQuery,
} from "../graphql/neighbourhoodQueries";
import { tieEdgeId } from "./tieEdgeId";
import { personName } from "../../../ui/personName";

export type NodeKind = "person" | "institution" | "programme" | "course" | "workspace" | "partner" | "sme";

export interface ExplorerNode {
  id: string;
  kind: NodeKind;
  label: string;
  detail?: string;
}

export interface ExplorerEdge {
  id: string;
  source: string;
  target: string;
  /** `knows` is a tie between people; the rest are roles or structure. */
  kind: "knows" | "role";
  /** Role name for role edges (teaches, coordinates, …). */
  role?: string;
  strength?: number;
  channel?: string;
  since?: string | null;
  lastContact?: string | null;
}

export interface ContactGraph {
  nodes: Map<string, ExplorerNode>;
  edges: Map<string, ExplorerEdge>;
  expanded: Set<string>;
}

/** How many ties of one person to draw at most: the strongest ones. */
const tiesPerPerson = 25;

function roleId(person: string, role: string, org: string): string {
  return `role:${person}:${role}:${org}`;
}

/**
 * The graph the explorer shows, grown one neighbourhood at a time: `expand` fetches a node's
 * neighbours through the generated API and merges them in, so clicking around never loses what is
 * already drawn. `addPath` merges nodes and ties that a warm path brought along.
 */
export function useContactGraph() {
  const client = useClient();
  const [graph, setGraph] = useState<ContactGraph>({ nodes: new Map(), edges: new Map(), expanded: new Set() });
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const merge = useCallback((nodes: ExplorerNode[], edges: ExplorerEdge[], expandedId?: string) => {
    setGraph((previous) => {
      const next: ContactGraph = {
        nodes: new Map(previous.nodes),
        edges: new Map(previous.edges),
        expanded: new Set(previous.expanded),
      };
      for (const n of nodes) {
        const known = next.nodes.get(n.id);
        next.nodes.set(n.id, known ? { ...known, ...n, detail: n.detail ?? known.detail } : n);
      }
      for (const e of edges) next.edges.set(e.id, e);
      if (expandedId) next.expanded.add(expandedId);
      return next;
    });
  }, []);

  const expand = useCallback(
    async (kind: NodeKind, id: string) => {
      setPending(id);
      setError(null);
      const nodes: ExplorerNode[] = [];
      const edges: ExplorerEdge[] = [];
      const role = (person: { id: string; name: string; jobTitle?: string | null }, name: string, org: ExplorerNode) => {
        nodes.push({
          id: person.id,
          kind: "person",
          label: personName(person.name),
          ...(person.jobTitle ? { detail: person.jobTitle } : {}),
        });
        nodes.push(org);
        edges.push({ id: roleId(person.id, name, org.id), source: person.id, target: org.id, kind: "role", role: name });
      };
      try {
        if (kind === "person") {
          const result = await client.query(personNeighbourhoodQuery, { id, ties: tiesPerPerson }).toPromise();
          if (result.error) throw result.error;
          const p = result.data?.people[0];
          if (!p) throw new Error("not found");
          const self = { id: p.id, name: p.name, jobTitle: p.jobTitle ?? null };
          nodes.push({ id: p.id, kind: "person", label: personName(p.name), ...(p.jobTitle ? { detail: p.jobTitle } : {}) });
          for (const edge of p.knowsConnection.edges) {
            const other = edge.node;
            nodes.push({
              id: other.id,
              kind: "person",
              label: personName(other.name),
              ...(other.jobTitle ? { detail: other.jobTitle } : {}),
            });
            edges.push({
              id: tieEdgeId(p.id, other.id),
              source: p.id,
              target: other.id,
              kind: "knows",
              strength: edge.properties.strength,
              channel: edge.properties.channel,
              since: edge.properties.since ?? null,
              lastContact: edge.properties.lastContact ?? null,
            });
          }
          for (const c of p.teaches) role(self, "teaches", { id: c.id, kind: "course", label: c.name });
          for (const c of p.coordinates) role(self, "coordinates", { id: c.id, kind: "programme", label: c.name });
          for (const c of p.directs) role(self, "directs", { id: c.id, kind: "programme", label: c.name });
          for (const c of p.deanOf) role(self, "deanOf", { id: c.id, kind: "institution", label: c.name });
          for (const c of p.boardMemberOf) role(self, "boardMemberOf", { id: c.id, kind: "institution", label: c.name });
          for (const c of p.coordinatorOf) role(self, "coordinatorOf", { id: c.id, kind: "workspace", label: c.name });
          for (const c of p.worksAt) role(self, "worksAt", { id: c.id, kind: "partner", label: c.name });
          for (const c of p.contactFor) role(self, "contactFor", { id: c.id, kind: "sme", label: c.name });
        } else if (kind === "course") {
          const result = await client.query(courseNeighbourhoodQuery, { id }).toPromise();
          if (result.error) throw result.error;
          const c = result.data?.courses[0];
          if (!c) throw new Error("not found");
          const self: ExplorerNode = { id: c.id, kind: "course", label: c.name };
          nodes.push(self);
          for (const p of c.programme) {
            nodes.push({ id: p.id, kind: "programme", label: p.name });
            edges.push({ id: `part:${c.id}:${p.id}`, source: c.id, target: p.id, kind: "role", role: "partOf" });
          }
          for (const t of c.teachers) role(t, "teaches", self);
        } else if (kind === "programme") {
          const result = await client.query(programmeNeighbourhoodQuery, { id }).toPromise();
          if (result.error) throw result.error;
          const p = result.data?.programmes[0];
          if (!p) throw new Error("not found");
          const self: ExplorerNode = { id: p.id, kind: "programme", label: p.name };
          nodes.push(self);
          for (const i of p.institution) {
            nodes.push({ id: i.id, kind: "institution", label: i.name });
            edges.push({ id: `offered:${p.id}:${i.id}`, source: p.id, target: i.id, kind: "role", role: "offeredBy" });
          }
          for (const c of p.courses) {
            nodes.push({ id: c.id, kind: "course", label: c.name });
            edges.push({ id: `part:${c.id}:${p.id}`, source: c.id, target: p.id, kind: "role", role: "partOf" });
          }
          for (const person of p.coordinators) role(person, "coordinates", self);
          for (const person of p.directors) role(person, "directs", self);
        } else if (kind === "institution") {
          const result = await client.query(institutionNeighbourhoodQuery, { id }).toPromise();
          if (result.error) throw result.error;
          const i = result.data?.institutions[0];
          if (!i) throw new Error("not found");
          const self: ExplorerNode = { id: i.id, kind: "institution", label: i.name, detail: i.kind };
          nodes.push(self);
          for (const p of i.programmes) {
            nodes.push({ id: p.id, kind: "programme", label: p.name });
            edges.push({ id: `offered:${p.id}:${i.id}`, source: p.id, target: i.id, kind: "role", role: "offeredBy" });
          }
          for (const person of i.deans) role(person, "deanOf", self);
          for (const person of i.boardMembers) role(person, "boardMemberOf", self);
        } else {
          // Workspaces, partners and SMEs are drawn but not expanded: the explorer is about reaching education.
          setPending(null);
          return;
        }
        merge(nodes, edges, id);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        setPending(null);
      }
    },
    [client, merge],
  );

  /** Starts over from one node. */
  const reset = useCallback(
    async (kind: NodeKind, id: string) => {
      setGraph({ nodes: new Map(), edges: new Map(), expanded: new Set() });
      await expand(kind, id);
    },
    [expand],
  );

  return { graph, expand, reset, merge, pending, error };
}

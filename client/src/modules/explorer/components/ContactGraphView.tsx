import cytoscape, { type Core, type ElementDefinition } from "cytoscape";
import { useEffect, useRef } from "react";
import type { ContactGraph } from "../hooks/useContactGraph";

/** Shapes say what a node is: people are circles, organisations are boxes of their own shape. */
const nodeStyles: cytoscape.StylesheetJson = [
  {
    selector: "node",
    style: {
      label: "data(label)",
      "font-size": 10,
      "text-valign": "bottom",
      "text-margin-y": 4,
      "text-wrap": "ellipsis",
      "text-max-width": "120px",
      color: "#1f2933",
      width: 26,
      height: 26,
      "border-width": 2,
      "border-color": "#ffffff",
    },
  },
  { selector: 'node[kind = "person"]', style: { shape: "ellipse", "background-color": "#3b82c4" } },
  { selector: 'node[kind = "coordinator"]', style: { shape: "ellipse", "background-color": "#7c3aed" } },
  {
    selector: 'node[kind = "institution"]',
    style: { shape: "round-rectangle", "background-color": "#1f2933", width: 40, height: 28 },
  },
  {
    selector: 'node[kind = "programme"]',
    style: { shape: "round-rectangle", "background-color": "#0f766e", width: 34, height: 24 },
  },
  { selector: 'node[kind = "course"]', style: { shape: "diamond", "background-color": "#16a34a", width: 28, height: 28 } },
  { selector: 'node[kind = "workspace"]', style: { shape: "hexagon", "background-color": "#7c3aed", width: 34, height: 30 } },
  { selector: 'node[kind = "partner"], node[kind = "sme"]', style: { shape: "tag", "background-color": "#a16207" } },
  {
    selector: "edge",
    style: { "curve-style": "bezier", "line-color": "#9aa5b1", width: 1, opacity: 0.8 },
  },
  // Tie strength as line weight: 1 px for a faint tie, 8 px for a close colleague.
  { selector: 'edge[kind = "knows"]', style: { width: "mapData(strength, 0, 1, 1, 8)", "line-color": "#64748b" } },
  { selector: 'edge[kind = "role"]', style: { "line-style": "dashed", "line-color": "#cbd2d9", width: 1.5 } },
  { selector: "node.selected", style: { "border-color": "#f59e0b", "border-width": 4 } },
  { selector: "node.target", style: { "border-color": "#dc2626", "border-width": 4 } },
  { selector: ".dimmed", style: { opacity: 0.2 } },
  { selector: "node.on-path", style: { "border-color": "#ea580c", "border-width": 4, opacity: 1 } },
  { selector: "edge.on-path", style: { "line-color": "#ea580c", opacity: 1, "z-index": 10 } },
];

function toElements(graph: ContactGraph, coordinators: Set<string>): ElementDefinition[] {
  const elements: ElementDefinition[] = [];
  for (const n of graph.nodes.values()) {
    const kind = n.kind === "person" && coordinators.has(n.id) ? "coordinator" : n.kind;
    elements.push({ group: "nodes", data: { id: n.id, label: n.label, kind } });
  }
  for (const e of graph.edges.values()) {
    if (!graph.nodes.has(e.source) || !graph.nodes.has(e.target)) continue;
    elements.push({
      group: "edges",
      data: { id: e.id, source: e.source, target: e.target, kind: e.kind, strength: e.strength ?? 0.5 },
    });
  }
  return elements;
}

/**
 * The contact graph drawn with Cytoscape. Clicking a node selects it (the page expands it); the
 * highlighted path dims everything else. The canvas is not keyboard-reachable, so the page lists
 * the same nodes as buttons beside it.
 */
export function ContactGraphView({
  graph,
  coordinators,
  selected,
  target,
  highlight,
  label,
  onSelect,
  dimOthers = true,
}: {
  graph: ContactGraph;
  coordinators: Set<string>;
  selected: string | null;
  target: string | null;
  /** Node and edge ids of the highlighted warm path; empty for none. */
  highlight: { nodes: string[]; edges: string[] };
  label: string;
  onSelect: (id: string) => void;
  /** Fade what is not highlighted (a path); off to only mark nodes (single points of failure). */
  dimOthers?: boolean;
}) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    if (!container.current) return;
    const instance = cytoscape({
      container: container.current,
      style: nodeStyles,
      minZoom: 0.2,
      maxZoom: 3,
    });
    instance.on("tap", "node", (event) => onSelectRef.current(event.target.id() as string));
    cy.current = instance;
    return () => {
      instance.destroy();
      cy.current = null;
    };
  }, []);

  // Add what is new, remove what is gone, and lay out again only when the elements changed.
  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    const wanted = toElements(graph, coordinators);
    const wantedIds = new Set(wanted.map((e) => e.data.id as string));
    const present = new Set(instance.elements().map((e) => e.id()));
    const added = wanted.filter((e) => !present.has(e.data.id as string));
    const removed = instance.elements().filter((e) => !wantedIds.has(e.id()));
    if (added.length === 0 && removed.length === 0) {
      // Kinds may change (a person found to be a coordinator).
      for (const e of wanted) instance.getElementById(e.data.id as string).data(e.data);
      return;
    }
    instance.batch(() => {
      removed.remove();
      instance.add(added);
      for (const e of wanted) instance.getElementById(e.data.id as string).data(e.data);
    });
    instance
      .layout({
        name: "cose",
        animate: false,
        randomize: present.size === 0,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 80,
        padding: 30,
        fit: true,
      } as cytoscape.LayoutOptions)
      .run();
    // A handful of nodes would be fitted at a giant zoom; keep labels at a readable size.
    if (instance.zoom() > 1.2) {
      instance.zoom(1.2);
      instance.center();
    }
  }, [graph, coordinators]);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    instance.batch(() => {
      instance.elements().removeClass("selected target on-path dimmed");
      if (selected) instance.getElementById(selected).addClass("selected");
      if (target) instance.getElementById(target).addClass("target");
      if (highlight.nodes.length > 0) {
        if (dimOthers) instance.elements().addClass("dimmed");
        for (const id of [...highlight.nodes, ...highlight.edges])
          instance.getElementById(id).removeClass("dimmed").addClass("on-path");
        if (target) instance.getElementById(target).removeClass("dimmed");
      }
    });
  }, [selected, target, highlight, graph, dimOthers]);

  return <div className="graph-canvas" ref={container} role="img" aria-label={label} data-testid="contact-graph" />;
}

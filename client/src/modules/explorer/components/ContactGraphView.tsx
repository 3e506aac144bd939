import cytoscape, { type Core, type ElementDefinition } from "cytoscape";
import fcose, { type FcoseLayoutOptions } from "cytoscape-fcose";
import { useEffect, useRef } from "react";
import type { ContactGraph } from "../hooks/useContactGraph";
import { buildGraphElements } from "../hooks/graphElements";

// The force layout with compound (institution) support, registered once for the page's Cytoscape.
cytoscape.use(fcose);

/**
 * Colour and shape come from each node's data (graphElements.ts: per person role, per organisation kind), so the
 * legend and the drawing share one table. Labels sit on a light background, wrap at 110 px and are hidden below a
 * readable size when zoomed out (min-zoomed-font-size) instead of piling up.
 */
const nodeStyles: cytoscape.StylesheetJson = [
  {
    selector: "node",
    style: {
      label: "data(label)",
      "font-size": 11,
      "text-valign": "bottom",
      "text-margin-y": 4,
      "text-wrap": "ellipsis",
      "text-max-width": "110px",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.85,
      "text-background-padding": "2px",
      "text-background-shape": "roundrectangle",
      "min-zoomed-font-size": 7,
      color: "#1f2933",
      width: 26,
      height: 26,
      "border-width": 2,
      "border-color": "#ffffff",
      "background-color": "data(color)",
      shape: "data(shape)" as never,
    },
  },
  { selector: 'node[kind = "institution"]', style: { width: 40, height: 28 } },
  { selector: 'node[kind = "programme"]', style: { width: 34, height: 24 } },
  { selector: 'node[kind = "workspace"]', style: { width: 34, height: 30 } },
  // An institution's box: its name on top, what belongs to it inside.
  {
    selector: 'node[kind = "group"]',
    style: {
      shape: "round-rectangle",
      "background-color": "#f1f5f9",
      "background-opacity": 0.6,
      "border-color": "#94a3b8",
      "border-width": 1,
      "border-style": "dashed",
      "text-valign": "top",
      "text-halign": "center",
      "text-margin-y": -4,
      "font-weight": "bold",
      padding: "14px",
    },
  },
  // A folded institution: one bigger node named with its count.
  { selector: 'node[kind = "collapsed"]', style: { width: 46, height: 34, "border-color": "#1f2933", "border-width": 3 } },
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

const NOTHING_FOLDED: ReadonlySet<string> = new Set();

/** fcose: labels count in a node's size, ties a little longer than role lines, compounds kept tight. */
function layoutOptions(randomize: boolean): FcoseLayoutOptions {
  return {
    name: "fcose",
    quality: "proof",
    randomize,
    animate: false,
    fit: true,
    padding: 30,
    nodeDimensionsIncludeLabels: true,
    uniformNodeDimensions: false,
    packComponents: true,
    nodeRepulsion: () => 12000,
    idealEdgeLength: (edge: cytoscape.EdgeSingular) => (edge.data("kind") === "knows" ? 110 : 70),
    edgeElasticity: () => 0.45,
    nestingFactor: 0.1,
    gravity: 0.25,
    gravityCompound: 1.0,
    gravityRangeCompound: 1.5,
    numIter: 2500,
    tile: true,
    tilingPaddingVertical: 20,
    tilingPaddingHorizontal: 20,
  } as FcoseLayoutOptions;
}

/**
 * The contact graph drawn with Cytoscape and laid out by fcose. Clicking a node selects it (the page expands it);
 * clicking a folded institution unfolds it. The highlighted path dims everything else. The canvas is not
 * keyboard-reachable, so the page lists the same nodes (and the fold toggles) as buttons beside it.
 */
export function ContactGraphView({
  graph,
  coordinators,
  collapsed = NOTHING_FOLDED,
  selected,
  target,
  highlight,
  label,
  onSelect,
  onToggleGroup,
  dimOthers = true,
}: {
  graph: ContactGraph;
  coordinators: Set<string>;
  /** Institutions drawn folded into one node (none by default). */
  collapsed?: ReadonlySet<string>;
  selected: string | null;
  target: string | null;
  /** Node and edge ids of the highlighted warm path; empty for none. */
  highlight: { nodes: string[]; edges: string[] };
  label: string;
  onSelect: (id: string) => void;
  onToggleGroup?: (institutionId: string) => void;
  /** Fade what is not highlighted (a path); off to only mark nodes (single points of failure). */
  dimOthers?: boolean;
}) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const onToggleRef = useRef(onToggleGroup);
  onToggleRef.current = onToggleGroup;

  useEffect(() => {
    if (!container.current) return;
    const instance = cytoscape({
      container: container.current,
      style: nodeStyles,
      minZoom: 0.2,
      maxZoom: 3,
    });
    instance.on("tap", "node", (event) => {
      const node = event.target as cytoscape.NodeSingular;
      const kind = node.data("kind") as string;
      if (kind === "collapsed") onToggleRef.current?.(node.data("institution") as string);
      else if (kind !== "group") onSelectRef.current(node.id());
    });
    cy.current = instance;
    return () => {
      instance.destroy();
      cy.current = null;
    };
  }, []);

  // Rebuild when the graph or the folding changes: elements keep the positions they had, so fcose refines
  // the drawing instead of starting over (a node's box can change, which Cytoscape cannot do in place).
  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    const { elements } = buildGraphElements(graph, coordinators, collapsed);
    const signature = (list: Array<{ data: Record<string, unknown> }>) =>
      list
        .map((e) => `${String(e.data.id)}>${String(e.data.parent ?? "")}`)
        .sort()
        .join(",");
    const before = signature(instance.elements().map((e) => ({ data: e.data() as Record<string, unknown> })));
    if (before === signature(elements)) {
      // Same elements and boxes: only data (a role found later) changes.
      for (const e of elements) instance.getElementById(String(e.data.id)).data(e.data);
      return;
    }
    const positions = new Map(instance.nodes().map((n) => [n.id(), { ...n.position() }] as const));
    const hadNodes = positions.size > 0;
    // A new node starts beside a neighbour already drawn (not all at the origin), so the incremental layout
    // only has to settle it there.
    if (hadNodes) {
      for (const e of elements) {
        if (e.group !== "edges") continue;
        const [a, b] = [String(e.data.source), String(e.data.target)];
        for (const [fresh, known] of [
          [a, b],
          [b, a],
        ] as const) {
          const at = positions.get(known);
          if (at && !positions.has(fresh))
            positions.set(fresh, { x: at.x + (Math.random() - 0.5) * 80, y: at.y + (Math.random() - 0.5) * 80 });
        }
      }
    }
    instance.batch(() => {
      instance.elements().remove();
      instance.add(
        elements.map((e): ElementDefinition => {
          const at = positions.get(String(e.data.id));
          return {
            group: e.group,
            data: e.data as ElementDefinition["data"],
            ...(at && e.group === "nodes" ? { position: at } : {}),
          };
        }),
      );
    });
    instance.layout(layoutOptions(!hadNodes) as unknown as cytoscape.LayoutOptions).run();
    // A handful of nodes would be fitted at a giant zoom; keep labels at a readable size.
    if (instance.zoom() > 1.2) {
      instance.zoom(1.2);
      instance.center();
    }
  }, [graph, coordinators, collapsed]);

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
  }, [selected, target, highlight, graph, dimOthers, collapsed]);

  return <div className="graph-canvas" ref={container} role="img" aria-label={label} data-testid="contact-graph" />;
}

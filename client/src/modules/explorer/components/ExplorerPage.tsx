import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useQuery } from "urql";
import { PageHeader } from "../../../ui/PageHeader";
import { Loading } from "../../../ui/Loading";
import { ErrorMessage } from "../../../ui/ErrorMessage";
import { workspaceCoordinatorsQuery } from "../graphql/workspaceCoordinatorsQuery";
import { useContactGraph, type ExplorerEdge, type ExplorerNode, type NodeKind } from "../hooks/useContactGraph";
import { buildGraphElements } from "../hooks/graphElements";
import { ContactGraphView } from "./ContactGraphView";
import { ExplorerSearch } from "./ExplorerSearch";
import { GraphLegend } from "./GraphLegend";
import { ImpactIfGonePanel } from "./ImpactIfGonePanel";
import { NodeList } from "./NodeList";
import { WarmPathsPanel, type PathHighlight } from "./WarmPathsPanel";
import { CoordinatorTiesPanel } from "./CoordinatorTiesPanel";
import { PersonLink } from "../../people/components/PersonLink";
import { OrganisationLink } from "../../organisations/components/OrganisationLink";

const kinds: NodeKind[] = ["person", "institution", "programme", "course", "workspace", "partner", "sme"];
const expandable = new Set<NodeKind>(["person", "institution", "programme", "course"]);

function parseFocus(value: string | null): { kind: NodeKind; id: string } | null {
  if (!value) return null;
  const at = value.indexOf(":");
  const kind = value.slice(0, at) as NodeKind;
  const id = value.slice(at + 1);
  return at > 0 && kinds.includes(kind) && id ? { kind, id } : null;
}

/**
 * The contact-graph explorer: start from the workspace's coordinators or a search hit, expand
 * nodes by clicking, pick a target and see the warm paths to it highlighted. `?focus=kind:id`
 * opens it on one node (the case page links here).
 */
export function ExplorerPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const focus = parseFocus(params.get("focus"));
  const { graph, expand, reset, merge, pending, error } = useContactGraph();
  const [selected, setSelected] = useState<string | null>(focus?.id ?? null);
  const [target, setTarget] = useState<ExplorerNode | null>(null);
  const [highlight, setHighlight] = useState<PathHighlight>({ nodes: [], edges: [] });
  const [workspace] = useQuery({ query: workspaceCoordinatorsQuery });
  // Institutions folded into one node (#17 part 8): a toggle per institution, beside the graph and on its node.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const toggleGroup = (institutionId: string) =>
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (next.has(institutionId)) next.delete(institutionId);
      else next.add(institutionId);
      return next;
    });

  const coordinators = useMemo(
    () => new Set((workspace.data?.workspaces ?? []).flatMap((w) => w.coordinators.map((c) => c.id))),
    [workspace.data],
  );

  // Start: the focused node, or the workspace with its coordinators.
  const focusKey = params.get("focus");
  useEffect(() => {
    if (focus) {
      void reset(focus.kind, focus.id);
      setSelected(focus.id);
      setTarget(null);
      setHighlight({ nodes: [], edges: [] });
    }
    // Only when the URL's focus changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- focus is parsed from focusKey
  }, [focusKey]);

  useEffect(() => {
    if (focus || !workspace.data || graph.nodes.size > 0) return;
    const nodes: ExplorerNode[] = [];
    const edges: ExplorerEdge[] = [];
    for (const w of workspace.data.workspaces) {
      nodes.push({ id: w.id, kind: "workspace", label: w.name });
      for (const c of w.coordinators) {
        nodes.push({ id: c.id, kind: "person", label: c.name, ...(c.jobTitle ? { detail: c.jobTitle } : {}) });
        edges.push({ id: `role:${c.id}:coordinatorOf:${w.id}`, source: c.id, target: w.id, kind: "role", role: "coordinatorOf" });
      }
    }
    merge(nodes, edges);
  }, [workspace.data, focus, graph.nodes.size, merge]);

  const groups = useMemo(() => buildGraphElements(graph, coordinators, collapsed).groups, [graph, coordinators, collapsed]);
  const selectedNode = selected ? graph.nodes.get(selected) : undefined;
  // One meaning of warm: the workspace's threshold is the paths' default minimum strength (0.5 when unset).
  const warmThreshold = workspace.data ? (workspace.data.workspaces[0]?.warmThreshold ?? 0.5) : workspace.error ? 0.5 : null;

  function select(id: string) {
    setSelected(id);
    const node = graph.nodes.get(id);
    if (node && expandable.has(node.kind) && !graph.expanded.has(id)) void expand(node.kind, id);
  }

  return (
    <section className="explorer">
      <PageHeader title={t("explorer.title")} />
      <div className="explorer-grid">
        <aside className="panel explorer-side">
          <ExplorerSearch onPick={(hit) => setParams({ focus: `${hit.kind}:${hit.id}` })} />
          {selectedNode ? (
            <div className="selected-node" aria-live="polite">
              <h2>
                {selectedNode.kind === "person" ? (
                  <PersonLink id={selectedNode.id} name={selectedNode.label} />
                ) : selectedNode.kind === "institution" || selectedNode.kind === "programme" ? (
                  <OrganisationLink
                    kind={selectedNode.kind === "institution" ? "INSTITUTION" : "PROGRAMME"}
                    id={selectedNode.id}
                    name={selectedNode.label}
                  />
                ) : (
                  selectedNode.label
                )}
              </h2>
              <p className="muted">
                {t(`explorer.kind.${selectedNode.kind}`)}
                {selectedNode.detail ? ` · ${selectedNode.detail}` : ""}
                {coordinators.has(selectedNode.id) ? ` · ${t("explorer.coordinator")}` : ""}
              </p>
              <div className="button-row">
                {expandable.has(selectedNode.kind) ? (
                  <button
                    type="button"
                    onClick={() => void expand(selectedNode.kind, selectedNode.id)}
                    disabled={pending === selectedNode.id}
                  >
                    {graph.expanded.has(selectedNode.id) ? t("explorer.refresh") : t("explorer.expand")}
                  </button>
                ) : null}
                {selectedNode.kind !== "workspace" &&
                !coordinators.has(selectedNode.id) &&
                selectedNode.kind !== "partner" &&
                selectedNode.kind !== "sme" ? (
                  <button type="button" className="primary" onClick={() => setTarget(selectedNode)}>
                    {t("explorer.setTarget")}
                  </button>
                ) : null}
              </div>
              {selectedNode.kind === "person" && !coordinators.has(selectedNode.id) ? (
                <CoordinatorTiesPanel personId={selectedNode.id} />
              ) : null}
              {selectedNode.kind === "person" ? <ImpactIfGonePanel personId={selectedNode.id} /> : null}
            </div>
          ) : (
            <p className="muted">{t("explorer.hint")}</p>
          )}
          {pending ? <Loading label={t("explorer.expanding")} /> : null}
          {error ? (
            <p className="error-box" role="alert">
              {t("explorer.expandFailed", { error })}
            </p>
          ) : null}
          {groups.length > 0 ? (
            <section aria-labelledby="explorer-groups">
              <h2 id="explorer-groups" className="small-heading">
                {t("explorer.groups.title")}
              </h2>
              <ul className="group-toggles">
                {groups.map((g) => (
                  <li key={g.institutionId}>
                    <span>
                      {g.label} <span className="muted">· {t("explorer.groups.members", { count: g.members })}</span>
                    </span>
                    <button
                      type="button"
                      aria-pressed={g.collapsed}
                      aria-label={t("explorer.groups.toggle", { name: g.label })}
                      onClick={() => toggleGroup(g.institutionId)}
                    >
                      {g.collapsed ? t("explorer.groups.unfold") : t("explorer.groups.fold")}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <NodeList graph={graph} selected={selected} onSelect={select} />
        </aside>
        <div className="explorer-main">
          {workspace.error ? <ErrorMessage error={workspace.error} /> : null}
          <ContactGraphView
            graph={graph}
            coordinators={coordinators}
            collapsed={collapsed}
            onToggleGroup={toggleGroup}
            selected={selected}
            target={target?.id ?? null}
            highlight={highlight}
            label={t("explorer.graphLabel", { nodes: graph.nodes.size, edges: graph.edges.size })}
            onSelect={select}
          />
          <GraphLegend />
        </div>
        <aside className="panel explorer-paths">
          <WarmPathsPanel target={target} warmThreshold={warmThreshold} onHighlight={setHighlight} onPathLoaded={merge} />
        </aside>
      </div>
    </section>
  );
}

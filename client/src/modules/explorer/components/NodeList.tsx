import { useTranslation } from "react-i18next";
import type { ContactGraph } from "../hooks/useContactGraph";

/** The drawn nodes as buttons: the keyboard route into the graph, which a canvas cannot offer. */
export function NodeList({
  graph,
  selected,
  onSelect,
}: {
  graph: ContactGraph;
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const nodes = [...graph.nodes.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label));
  if (nodes.length === 0) return null;
  return (
    <details className="node-list">
      <summary>{t("explorer.nodesInView", { count: nodes.length })}</summary>
      <ul>
        {nodes.map((n) => (
          <li key={n.id}>
            <button
              type="button"
              className="link-button"
              aria-current={selected === n.id ? "true" : undefined}
              onClick={() => onSelect(n.id)}
            >
              <span className={`kind-dot kind-${n.kind}`} aria-hidden="true" />
              {n.label}
              {graph.expanded.has(n.id) ? "" : " …"}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { EmbeddingDetailQuery } from "../../../generated/graphql";
import { ContactGraphView } from "../../explorer/components/ContactGraphView";
import type { ContactGraph, ExplorerEdge, ExplorerNode } from "../../explorer/hooks/useContactGraph";
import { tieEdgeId } from "../../explorer/hooks/tieEdgeId";

type Thread = EmbeddingDetailQuery["embedding"]["threadPaths"][number];

/**
 * The threads drawn: each disjoint warm route from a coordinator to a role holder, with the
 * single points of failure marked. Read-only: clicking a node does nothing here.
 */
export function ThreadsGraph({ threads, singlePoints }: { threads: Thread[]; singlePoints: string[] }) {
  const { t } = useTranslation();
  const { graph, coordinators } = useMemo(() => {
    const nodes = new Map<string, ExplorerNode>();
    const edges = new Map<string, ExplorerEdge>();
    const starts = new Set<string>();
    for (const thread of threads) {
      thread.people.forEach((person, i) => {
        nodes.set(person.id, { id: person.id, kind: "person", label: person.name });
        if (i === 0) starts.add(person.id);
        const previous = thread.people[i - 1];
        if (previous) {
          const id = tieEdgeId(previous.id, person.id);
          edges.set(id, { id, source: previous.id, target: person.id, kind: "knows", strength: 0.8 });
        }
      });
    }
    const drawn: ContactGraph = { nodes, edges, expanded: new Set() };
    return { graph: drawn, coordinators: starts };
  }, [threads]);
  const highlight = useMemo(() => ({ nodes: singlePoints, edges: [] as string[] }), [singlePoints]);
  if (threads.length === 0) return <p className="muted">{t("embedding.detail.noThreads")}</p>;
  return (
    <div className="threads-graph">
      <ContactGraphView
        graph={graph}
        coordinators={coordinators}
        selected={null}
        target={null}
        highlight={highlight}
        label={t("embedding.detail.threadsLabel", { count: threads.length })}
        onSelect={() => {}}
        dimOthers={false}
      />
      <p className="muted small">{t("embedding.detail.threadsLegend")}</p>
    </div>
  );
}

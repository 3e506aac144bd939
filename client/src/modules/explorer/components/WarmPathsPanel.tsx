import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import type { WarmPathsQuery } from "../../../generated/graphql";
import { QueryState } from "../../../ui/QueryState";
import { useFormat } from "../../../ui/useFormat";
import { warmPathsQuery } from "../graphql/warmPathsQuery";
import type { ExplorerEdge, ExplorerNode } from "../hooks/useContactGraph";
import { tieEdgeId } from "../hooks/tieEdgeId";
import { useMyPerson } from "../../auth/hooks/useMyPerson";

export interface PathHighlight {
  nodes: string[];
  edges: string[];
}

type WarmPath = WarmPathsQuery["warmPaths"][number];

function highlightOf(path: WarmPath): PathHighlight {
  const ids = path.steps.map((s) => s.person.id);
  return { nodes: ids, edges: ids.slice(1).map((id, i) => tieEdgeId(ids[i] as string, id)) };
}

/**
 * Warm paths from the coordinators (or from me alone: "who can introduce me?") to the chosen target,
 * best first, each with its explanation. The minimum strength starts at the workspace's warm
 * threshold, so the explorer and the embedding mean the same by warm. The paths' people and ties are
 * added to the graph; the chosen path is highlighted there.
 */
export function WarmPathsPanel({
  target,
  warmThreshold,
  onHighlight,
  onPathLoaded,
}: {
  target: ExplorerNode | null;
  /** The workspace's warm threshold; null while it loads. */
  warmThreshold: number | null;
  onHighlight: (highlight: PathHighlight) => void;
  onPathLoaded: (nodes: ExplorerNode[], edges: ExplorerEdge[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const me = useMyPerson();
  const [k, setK] = useState(3);
  const [maxHops, setMaxHops] = useState(4);
  // Shown as the language writes decimals (0,5 in Dutch); apply() reads either.
  const written = (n: number) => (i18n.language === "en" ? String(n) : String(n).replace(".", ","));
  const [minStrength, setMinStrength] = useState(written(warmThreshold ?? 0.5));
  const [fromMe, setFromMe] = useState(false);
  const [params, setParams] = useState({ k: 3, maxHops: 4, minStrength: warmThreshold ?? 0.5, fromMe: false });
  // The workspace's threshold arrives after the first render: it becomes the default until the user applies their own.
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (warmThreshold === null || touched) return;
    setMinStrength(written(warmThreshold));
    setParams((p) => ({ ...p, minStrength: warmThreshold }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `written` follows the language, read when the threshold arrives
  }, [warmThreshold, touched]);
  const [chosen, setChosen] = useState(0);
  const [strengthError, setStrengthError] = useState(false);
  const [result, refetch] = useQuery({
    query: warmPathsQuery,
    variables: { to: target?.id ?? "", ...params },
    pause: !target || warmThreshold === null,
  });
  const paths = target ? (result.data?.warmPaths ?? []) : [];

  // New paths: put their people and ties in the graph and highlight the best one. Runs on new data
  // only; the callbacks are the page's stable setters.
  useEffect(() => {
    setChosen(0);
    if (!target || !result.data) {
      onHighlight({ nodes: [], edges: [] });
      return;
    }
    const nodes: ExplorerNode[] = [];
    const edges: ExplorerEdge[] = [];
    for (const path of result.data.warmPaths) {
      path.steps.forEach((step, i) => {
        nodes.push({
          id: step.person.id,
          kind: "person",
          label: step.person.name,
          ...(step.person.jobTitle ? { detail: step.person.jobTitle } : {}),
        });
        const previous = path.steps[i - 1];
        if (previous && step.tie) {
          edges.push({
            id: tieEdgeId(previous.person.id, step.person.id),
            source: previous.person.id,
            target: step.person.id,
            kind: "knows",
            strength: step.tie.strength,
            ...(step.tie.channel ? { channel: step.tie.channel } : {}),
            since: step.tie.since ?? null,
            lastContact: step.tie.lastContact ?? null,
          });
        }
      });
      // An organisation target: link the last person to it by their role there.
      const last = path.steps[path.steps.length - 1];
      if (last && target.kind !== "person" && last.person.id !== target.id) {
        nodes.push(target);
        edges.push({
          id: `role:${last.person.id}:target:${target.id}`,
          source: last.person.id,
          target: target.id,
          kind: "role",
          role: "target",
        });
      }
    }
    onPathLoaded(nodes, edges);
    const best = result.data.warmPaths[0];
    onHighlight(best ? highlightOf(best) : { nodes: [], edges: [] });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [result.data, target?.id]);

  function apply(event: FormEvent) {
    event.preventDefault();
    const strength = Number(minStrength.replace(",", "."));
    if (!Number.isFinite(strength) || strength < 0 || strength > 1) {
      setStrengthError(true);
      return;
    }
    setStrengthError(false);
    setTouched(true);
    setParams({ k, maxHops, minStrength: strength, fromMe: fromMe && me !== null });
  }

  function choose(index: number) {
    setChosen(index);
    const path = paths[index];
    if (path) onHighlight(highlightOf(path));
  }

  return (
    <div className="warm-paths" data-testid="warm-paths">
      <h2>{t("explorer.paths.title")}</h2>
      {target ? (
        <p>
          {t("explorer.paths.to", { name: target.label })}
          {params.fromMe ? ` · ${t("explorer.paths.fromMeActive")}` : ""}
        </p>
      ) : (
        <p className="muted">{t("explorer.paths.pickTarget")}</p>
      )}
      <form className="path-params" onSubmit={apply} aria-label={t("explorer.paths.params")}>
        <label>
          {t("explorer.paths.k")}
          <select value={k} onChange={(e) => setK(Number(e.target.value))}>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("explorer.paths.maxHops")}
          <select value={maxHops} onChange={(e) => setMaxHops(Number(e.target.value))}>
            {[1, 2, 3, 4, 5, 6].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("explorer.paths.minStrength")}
          <input
            inputMode="decimal"
            value={minStrength}
            onChange={(e) => setMinStrength(e.target.value)}
            aria-invalid={strengthError || undefined}
            aria-describedby={strengthError ? "min-strength-error" : undefined}
          />
        </label>
        {me ? (
          <label>
            <input type="checkbox" checked={fromMe} onChange={(e) => setFromMe(e.target.checked)} />
            {t("explorer.paths.fromMe")}
          </label>
        ) : null}
        <button type="submit">{t("explorer.paths.apply")}</button>
        {strengthError ? (
          <p className="field-error" id="min-strength-error">
            {t("explorer.paths.strengthRange")}
          </p>
        ) : null}
      </form>
      {target ? (
        <QueryState
          fetching={result.fetching}
          error={result.error}
          hasData={Boolean(result.data)}
          onRetry={() => refetch({ requestPolicy: "network-only" })}
        >
          {paths.length === 0 ? (
            <p className="notice" role="status">
              {t("explorer.paths.none")}
            </p>
          ) : (
            <ol className="path-list" aria-label={t("explorer.paths.list")}>
              {paths.map((path, index) => (
                <li
                  key={path.steps.map((s) => s.person.id).join(">")}
                  className="path-card"
                  aria-current={index === chosen ? "true" : undefined}
                  data-testid="warm-path"
                >
                  <div className="path-head">
                    <strong>
                      {t("explorer.paths.path", { n: index + 1 })} · {t("explorer.paths.score", { score: f.score(path.score) })} ·{" "}
                      {t("explorer.paths.hops", { count: path.hops })}
                    </strong>
                    <button type="button" className="link-button" onClick={() => choose(index)} aria-pressed={index === chosen}>
                      {t("explorer.paths.show")}
                    </button>
                  </div>
                  <p className="path-explanation">{i18n.language === "en" ? path.explanationEn : path.explanationNl}</p>
                  <ol className="path-steps">
                    {path.steps.map((step) => (
                      <li key={step.person.id}>
                        {step.tie ? (
                          <span className="muted">
                            ↳ {f.score(step.tie.strength)}
                            {step.tie.channel
                              ? ` · ${t(`enums.tieChannel.${step.tie.channel}`, { defaultValue: step.tie.channel })}`
                              : ""}{" "}
                            ·{" "}
                          </span>
                        ) : null}
                        <strong>{step.person.name}</strong>
                        {step.person.roles[0] ? (
                          <span className="muted">
                            {" "}
                            ({i18n.language === "en" ? step.person.roles[0].labelEn : step.person.roles[0].labelNl},{" "}
                            {step.person.roles[0].organisation})
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ol>
                </li>
              ))}
            </ol>
          )}
        </QueryState>
      ) : null}
    </div>
  );
}

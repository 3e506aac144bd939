import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { QueryState } from "../../../ui/QueryState";
import { explorerSearchQuery } from "../graphql/explorerSearchQuery";
import { nameVariants } from "../hooks/nameVariants";
import type { NodeKind } from "../hooks/useContactGraph";

export interface SearchHit {
  id: string;
  kind: NodeKind;
  label: string;
}

/** Search people and organisations by name; picking a hit starts the graph there. */
export function ExplorerSearch({ onPick }: { onPick: (hit: SearchHit) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [submitted, setSubmitted] = useState("");
  const [result, retry] = useQuery({
    query: explorerSearchQuery,
    variables: nameVariants(submitted),
    pause: submitted.trim().length < 2,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(text);
  }

  const data = result.data;
  const hits: Array<SearchHit & { detail?: string }> = data
    ? [
        ...data.people.map((p) => ({
          id: p.id,
          kind: "person" as const,
          label: p.name,
          ...(p.jobTitle ? { detail: p.jobTitle } : {}),
        })),
        ...data.institutions.map((i) => ({ id: i.id, kind: "institution" as const, label: i.name, detail: i.kind })),
        ...data.programmes.map((p) => ({
          id: p.id,
          kind: "programme" as const,
          label: p.name,
          detail: p.institution.map((i) => i.shortName ?? i.name).join(", "),
        })),
        ...data.courses.map((c) => ({
          id: c.id,
          kind: "course" as const,
          label: c.name,
          detail: c.programme.map((p) => p.name).join(", "),
        })),
      ]
    : [];

  return (
    <div className="explorer-search">
      <form onSubmit={submit} role="search">
        <label htmlFor="explorer-search">{t("explorer.searchLabel")}</label>
        <div className="inline-form">
          <input
            id="explorer-search"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t("explorer.searchPlaceholder")}
          />
          <button type="submit">{t("explorer.search")}</button>
        </div>
      </form>
      {submitted.trim().length >= 2 ? (
        <QueryState
          fetching={result.fetching}
          error={result.error}
          hasData={Boolean(data)}
          onRetry={() => retry({ requestPolicy: "network-only" })}
        >
          {hits.length === 0 ? (
            <p className="muted">{t("explorer.noHits")}</p>
          ) : (
            <ul className="hit-list" aria-label={t("explorer.hits")}>
              {hits.map((h) => (
                <li key={`${h.kind}:${h.id}`}>
                  <button type="button" className="hit" onClick={() => onPick(h)}>
                    <span className={`kind-dot kind-${h.kind}`} aria-hidden="true" />
                    <span>
                      <strong>{h.label}</strong>
                      <span className="muted">
                        {" "}
                        · {t(`explorer.kind.${h.kind}`)}
                        {h.detail ? ` · ${h.detail}` : ""}
                      </span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      ) : null}
    </div>
  );
}

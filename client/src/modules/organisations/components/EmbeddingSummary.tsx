import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { ErrorMessage } from "../../../ui/ErrorMessage";
import { RagBadge } from "../../../ui/RagBadge";
import { organisationEmbeddingQuery } from "../graphql/organisationQueries";

/**
 * How deep the workspace is embedded, in the embedding query's own words: the level, the
 * institution's verdict and its reason, or a programme's ladder (each rung held or not, and why),
 * with a link to the route up (the next best contacts on the embedding detail page).
 */
export function EmbeddingSummary({ kind, id }: { kind: "INSTITUTION" | "PROGRAMME"; id: string }) {
  const [result, refetch] = useQuery({
    query: organisationEmbeddingQuery,
    variables: kind === "INSTITUTION" ? { institution: id } : { programme: id },
  });
  const found = result.data?.embedding;
  const embedding = found
    ? {
        ...found,
        ...(found.__typename === "InstitutionEmbedding" ? {} : { verdict: null }),
        rungs: found.__typename === "ProgrammeEmbedding" ? found.rungs : undefined,
      }
    : null;
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const detail = kind === "INSTITUTION" ? `/embedding/institutions/${id}` : `/embedding/programmes/${id}`;
  return (
    <section className="panel" aria-labelledby="org-embedding" data-testid="org-embedding">
      <h2 id="org-embedding">{t("organisations.embedding")}</h2>
      {result.error ? <ErrorMessage error={result.error} onRetry={() => refetch({ requestPolicy: "network-only" })} /> : null}
      {!embedding ? (
        <p className="muted">{result.fetching ? t("common.loading") : t("organisations.noEmbedding")}</p>
      ) : (
        <>
          <p>
            <RagBadge rag={embedding.colour as "RED" | "AMBER" | "GREEN"} />{" "}
            {t("organisations.level", { level: embedding.level })}{" "}
            <strong>{en ? embedding.levelNameEn : embedding.levelNameNl}</strong>
            <span className="muted"> · {t("organisations.threads", { count: embedding.threads })}</span>
          </p>
          {embedding.verdict ? (
            <p data-testid="embedding-verdict">
              <strong>{t("organisations.verdict")}</strong> <RagBadge rag={embedding.verdict as "RED" | "AMBER" | "GREEN"} />{" "}
              {en ? embedding.verdictReasonEn : embedding.verdictReasonNl}
            </p>
          ) : null}
          {embedding.rungs ? (
            <ol className="plain-list rungs">
              {embedding.rungs.map((r) => (
                <li key={r.level} className={r.holds ? "rung-holds" : "rung-open"}>
                  <span aria-hidden="true">{r.holds ? "✓" : "○"}</span> <strong>{en ? r.nameEn : r.nameNl}</strong>
                  <span className="muted"> — {en ? r.reasonEn : r.reasonNl}</span>
                </li>
              ))}
            </ol>
          ) : null}
          <p>
            <Link to={detail}>{t("organisations.routeUp")}</Link>
          </p>
        </>
      )}
    </section>
  );
}

import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import type { CaseAction } from "../../../generated/graphql";
import { QueryState } from "../../../ui/QueryState";
import { caseSuggestionsQuery } from "../graphql/casePageQueries";
import { SuggestionCard } from "./SuggestionCard";
import { caseQueryContext } from "../hooks/caseChangeTypenames";

/** Courses ranked by fit for the case, with their reasons in the UI language. */
export function SuggestionsPanel({
  caseId,
  caseTitle,
  allowedActions,
  onDone,
}: {
  caseId: string;
  caseTitle: string;
  /** The case's allowedActions from the server: whether a suggestion may be proposed or matched. */
  allowedActions: readonly CaseAction[];
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [result, refetch] = useQuery({
    query: caseSuggestionsQuery,
    variables: { case: caseId, limit: 8, language: i18n.language === "en" ? "EN" : "NL" },
    context: caseQueryContext,
  });
  const suggestions = result.data?.caseSuggestions ?? [];
  return (
    <section aria-labelledby="suggestions" className="suggestions-panel">
      <h2 id="suggestions" tabIndex={-1}>
        {t("cases.suggestions.title")}
      </h2>
      <QueryState
        fetching={result.fetching}
        error={result.error}
        hasData={Boolean(result.data)}
        onRetry={() => refetch({ requestPolicy: "network-only" })}
      >
        {suggestions.length === 0 ? <p className="muted">{t("cases.suggestions.none")}</p> : null}
        <ol className="card-list">
          {suggestions.map((s, i) => (
            <SuggestionCard
              key={s.courseId}
              caseId={caseId}
              caseTitle={caseTitle}
              allowedActions={allowedActions}
              suggestion={s}
              rank={i + 1}
              onDone={onDone}
            />
          ))}
        </ol>
      </QueryState>
    </section>
  );
}

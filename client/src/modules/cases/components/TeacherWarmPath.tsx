import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { QueryState } from "../../../ui/QueryState";
import { useFormat } from "../../../ui/useFormat";
import { teacherWarmPathQuery } from "../graphql/teacherWarmPathQuery";

/** The best warm path from the coordinators to a teacher, read out step by step. */
export function TeacherWarmPath({ teacherId }: { teacherId: string }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const [result, refetch] = useQuery({ query: teacherWarmPathQuery, variables: { to: teacherId } });
  const path = result.data?.warmPaths[0];
  return (
    <div className="notice teacher-path" data-testid="teacher-warm-path">
      <QueryState
        fetching={result.fetching}
        error={result.error}
        hasData={Boolean(result.data)}
        onRetry={() => refetch({ requestPolicy: "network-only" })}
      >
        {path ? (
          <>
            <p className="path-explanation">{i18n.language === "en" ? path.explanationEn : path.explanationNl}</p>
            <p className="muted small">
              {path.steps.map((s) => s.person.name).join(" → ")} · {t("explorer.paths.score", { score: f.score(path.score) })}
            </p>
          </>
        ) : (
          <p>{t("explorer.paths.none")}</p>
        )}
        <Link to={`/explorer?focus=person:${teacherId}`}>{t("cases.suggestions.inExplorer")}</Link>
      </QueryState>
    </div>
  );
}

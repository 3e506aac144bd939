import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { PageHeader } from "../../../ui/PageHeader";
import { QueryState } from "../../../ui/QueryState";
import { useFormat } from "../../../ui/useFormat";
import { caseQueryContext } from "../../cases/hooks/caseChangeTypenames";
import { coordinatorTodoQuery } from "../graphql/mailQueries";

function Section({ title, count, empty, children }: { title: string; count: number; empty: string; children: ReactNode }) {
  return (
    <div className="panel todo-section">
      <h2>
        {title} <span className="badge">{count}</span>
      </h2>
      {count === 0 ? <p className="muted small">{empty}</p> : <ul className="plain-list todo-list">{children}</ul>}
    </div>
  );
}

/**
 * The coordinator's to-do list (docs/mail.md): proposals about to expire, answers to act on, follow-ups
 * wanted after sprints, failed messages, teachers no message reaches, and the cases waiting longest.
 */
export function TodoPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [everyone, setEveryone] = useState(false);
  const [result, refetch] = useQuery({ query: coordinatorTodoQuery, variables: { everyone }, context: caseQueryContext });
  const todo = result.data?.coordinatorTodo;
  const caseLink = (id: string | null | undefined, title: string | null | undefined) =>
    id ? <Link to={`/cases/${id}`}>{title ?? id}</Link> : <span>{title}</span>;

  return (
    <section>
      <PageHeader title={t("todo.title")}>
        <div className="segmented" role="group" aria-label={t("todo.whose")}>
          <button type="button" aria-pressed={!everyone} onClick={() => setEveryone(false)}>
            {t("todo.mine")}
          </button>
          <button type="button" aria-pressed={everyone} onClick={() => setEveryone(true)}>
            {t("todo.everyone")}
          </button>
        </div>
      </PageHeader>
      <QueryState
        fetching={result.fetching}
        error={result.error}
        hasData={Boolean(todo)}
        onRetry={() => refetch({ requestPolicy: "network-only" })}
      >
        {todo ? (
          <div className="todo-grid">
            <Section title={t("todo.expiring")} count={todo.expiringProposals.length} empty={t("todo.none")}>
              {todo.expiringProposals.map((i) => (
                <li key={i.proposalId}>
                  {caseLink(i.caseId, i.caseTitle)} → {i.who}
                  <span className="muted small">
                    {" "}
                    · {t("todo.expiresOn", { date: f.date(i.at) })}
                    {i.detail === "REMINDED" ? ` · ${t("todo.reminded")}` : ""}
                  </span>
                </li>
              ))}
            </Section>
            <Section title={t("todo.expired")} count={todo.expiredProposals.length} empty={t("todo.none")}>
              {todo.expiredProposals.map((i) => (
                <li key={i.proposalId}>
                  {caseLink(i.caseId, i.caseTitle)} → {i.who}
                  <span className="muted small"> · {t("todo.expiredOn", { date: f.date(i.at) })}</span>
                </li>
              ))}
            </Section>
            <Section title={t("todo.answers")} count={todo.answersToActOn.length} empty={t("todo.none")}>
              {todo.answersToActOn.map((i) => (
                <li key={i.proposalId}>
                  {caseLink(i.caseId, i.caseTitle)} — {t("todo.interested", { who: i.who })}
                  <span className="muted small">
                    {" "}
                    · {i.detail} · {f.date(i.at)}
                  </span>
                </li>
              ))}
            </Section>
            <Section title={t("todo.claims")} count={todo.claimsToConfirm.length} empty={t("todo.none")}>
              {todo.claimsToConfirm.map((i) => (
                <li key={i.proposalId} data-testid="todo-claim">
                  {caseLink(i.caseId, i.caseTitle)} — {t("todo.claimedBy", { who: i.who, course: i.detail ?? "—" })}
                  <span className="muted small"> · {f.date(i.at)}</span>
                </li>
              ))}
            </Section>
            <Section title={t("todo.followUps")} count={todo.followUpsWanted.length} empty={t("todo.none")}>
              {todo.followUpsWanted.map((i) => (
                <li key={i.caseId}>
                  {caseLink(i.caseId, i.caseTitle)}{" "}
                  <span className="muted small">
                    · {i.who} · {f.date(i.at)}
                  </span>
                </li>
              ))}
            </Section>
            <Section title={t("todo.failed")} count={todo.failedMessages.length} empty={t("todo.none")}>
              {todo.failedMessages.map((i) => (
                <li key={i.messageId}>
                  <Link to="/outbox">{i.who}</Link> <span className="muted small">· {i.detail}</span>
                </li>
              ))}
            </Section>
            <Section title={t("todo.unreachable")} count={todo.unreachableTeachers.length} empty={t("todo.none")}>
              {todo.unreachableTeachers.map((i, n) => (
                <li key={`${i.who}-${n}`}>
                  {i.who} <span className="muted small">· {t(`todo.why.${i.detail ?? "NO_EMAIL"}`)}</span>
                </li>
              ))}
            </Section>
            <Section title={t("todo.waiting")} count={todo.longestWaiting.length} empty={t("todo.none")}>
              {todo.longestWaiting.map((i) => (
                <li key={`${i.detail}-${i.caseId}`}>
                  <span className="muted small">{t(`enums.caseStatus.${i.detail}`)} · </span>
                  {caseLink(i.caseId, i.caseTitle)}{" "}
                  <span className="muted small">· {t("todo.days", { count: i.days ?? 0 })}</span>
                </li>
              ))}
            </Section>
          </div>
        ) : null}
      </QueryState>
    </section>
  );
}

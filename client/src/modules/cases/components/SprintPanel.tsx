import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { useAccess } from "../../../app/access";
import { describeError } from "../../../ui/describeError";
import { ErrorMessage } from "../../../ui/ErrorMessage";
import { QueryState } from "../../../ui/QueryState";
import { useFormat } from "../../../ui/useFormat";
import { sprintRecordQuery } from "../graphql/casePageQueries";
import { addMilestoneMutation, completeMilestoneMutation } from "../graphql/caseWorkflowMutations";
import { caseChangeTypenames, caseQueryContext } from "../hooks/caseChangeTypenames";
import { PersonLink } from "../../people/components/PersonLink";

/** One sprint: course, period, team, supervisor, milestones (add, tick off), and how it ended. */
export function SprintPanel({ sprintId }: { sprintId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const access = useAccess();
  const [result, refetch] = useQuery({
    query: sprintRecordQuery,
    variables: { sprint: sprintId, caseText: access.caseText },
    context: caseQueryContext,
  });
  const [adding, add] = useMutation(addMilestoneMutation);
  const [completing, complete] = useMutation(completeMilestoneMutation);
  const [title, setTitle] = useState("");
  const [due, setDue] = useState("");
  const [titleMissing, setTitleMissing] = useState(false);
  const sprint = result.data?.sprintRecord;
  // Milestones are added and ticked off by those who work the case (CASE_WORK); others only read them.
  const open = sprint ? access.caseWork && (sprint.status === "PLANNED" || sprint.status === "RUNNING") : false;
  const addErrors = adding.error ? describeError(adding.error) : [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) {
      setTitleMissing(true);
      return;
    }
    const answer = await add(
      { sprint: sprintId, title: title.trim(), due: due || null },
      { additionalTypenames: caseChangeTypenames },
    );
    if (answer.data) {
      setTitle("");
      setDue("");
    }
  }

  return (
    <section className="panel" aria-labelledby={`sprint-${sprintId}`} data-testid="sprint">
      <QueryState
        fetching={result.fetching}
        error={result.error}
        hasData={Boolean(result.data)}
        onRetry={() => refetch({ requestPolicy: "network-only" })}
      >
        {sprint ? (
          <>
            <h2 id={`sprint-${sprintId}`}>
              {t("cases.sprint.title")}{" "}
              <span className={`badge sprint-${sprint.status}`}>{t(`enums.sprintStatus.${sprint.status}`)}</span>
            </h2>
            <dl className="facts">
              <dt>{t("cases.sprint.course")}</dt>
              <dd>{sprint.courseName ?? "—"}</dd>
              <dt>{t("cases.sprint.period")}</dt>
              <dd>
                {sprint.periodName ?? "—"}
                {sprint.startDate ? ` (${f.date(sprint.startDate)} – ${f.date(sprint.endDate)})` : ""}
              </dd>
              <dt>{t("cases.sprint.team")}</dt>
              <dd>
                {sprint.teamSize ? t("cases.sprint.teamSize", { count: sprint.teamSize }) : "—"}
                {sprint.teamLevel ? ` · ${sprint.teamLevel}` : ""}
              </dd>
              <dt>{t("cases.sprint.supervisor")}</dt>
              <dd>{sprint.supervisorName ? <PersonLink id={sprint.supervisorId} name={sprint.supervisorName} /> : "—"}</dd>
              {sprint.outcome ? (
                <>
                  <dt>{t("cases.sprint.outcome")}</dt>
                  <dd>{sprint.outcome}</dd>
                </>
              ) : null}
              {sprint.smeRating ? (
                <>
                  <dt>{t("cases.sprint.rating")}</dt>
                  <dd aria-label={t("cases.sprint.ratingValue", { rating: sprint.smeRating })}>
                    {"★".repeat(sprint.smeRating)}
                    {"☆".repeat(5 - sprint.smeRating)}
                  </dd>
                </>
              ) : null}
              {sprint.smeFeedback ? (
                <>
                  <dt>{t("cases.sprint.smeFeedback")}</dt>
                  <dd>{sprint.smeFeedback}</dd>
                </>
              ) : null}
              {sprint.teacherFeedback ? (
                <>
                  <dt>{t("cases.sprint.teacherFeedback")}</dt>
                  <dd>{sprint.teacherFeedback}</dd>
                </>
              ) : null}
              {sprint.followUpWanted !== null && sprint.followUpWanted !== undefined ? (
                <>
                  <dt>{t("cases.sprint.followUp")}</dt>
                  <dd>{sprint.followUpWanted ? t("common.yes") : t("common.no")}</dd>
                </>
              ) : null}
            </dl>
            <h3>{t("cases.sprint.milestones")}</h3>
            {sprint.milestones.length === 0 ? <p className="muted">{t("cases.sprint.noMilestones")}</p> : null}
            <ul className="plain-list milestones">
              {sprint.milestones.map((m) => (
                <li key={m.id}>
                  <span aria-hidden="true">{m.done ? "✔" : "○"}</span> {m.title}
                  {m.due ? <span className="muted"> · {f.date(m.due)}</span> : null}
                  {!m.done && open ? (
                    <button
                      type="button"
                      className="link-button"
                      disabled={completing.fetching}
                      onClick={() => void complete({ milestone: m.id }, { additionalTypenames: caseChangeTypenames })}
                      aria-label={t("cases.sprint.markDoneFor", { title: m.title })}
                    >
                      {t("cases.sprint.markDone")}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
            {completing.error ? <ErrorMessage error={completing.error} /> : null}
            {open ? (
              <form
                className="inline-form milestone-form"
                onSubmit={(e) => void submit(e)}
                noValidate
                aria-label={t("cases.sprint.addMilestone")}
              >
                <label className="visually-hidden" htmlFor={`milestone-title-${sprintId}`}>
                  {t("cases.sprint.milestoneTitle")}
                </label>
                <input
                  id={`milestone-title-${sprintId}`}
                  placeholder={t("cases.sprint.milestoneTitle")}
                  value={title}
                  aria-invalid={titleMissing || undefined}
                  onChange={(e) => {
                    setTitle(e.target.value);
                    setTitleMissing(false);
                  }}
                />
                <label className="visually-hidden" htmlFor={`milestone-due-${sprintId}`}>
                  {t("cases.sprint.milestoneDue")}
                </label>
                <input id={`milestone-due-${sprintId}`} type="date" value={due} onChange={(e) => setDue(e.target.value)} />
                <button type="submit" disabled={adding.fetching}>
                  {t("cases.sprint.addMilestone")}
                </button>
              </form>
            ) : null}
            {titleMissing ? <p className="field-error">{t("cases.sprint.milestoneTitleRequired")}</p> : null}
            {adding.error ? <p className="field-error">{addErrors[0]?.message}</p> : null}
          </>
        ) : (
          <p className="muted">{t("cases.sprint.notFound")}</p>
        )}
      </QueryState>
    </section>
  );
}

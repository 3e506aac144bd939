import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CaseAction, CaseSuggestionsQuery } from "../../../generated/graphql";
import { useFormat } from "../../../ui/useFormat";
import { VerdictBadge } from "../../../ui/VerdictBadge";
import { MatchCaseDialog } from "./MatchCaseDialog";
import { ProposeDialog } from "./ProposeDialog";
import { TeacherWarmPath } from "./TeacherWarmPath";
import { PersonLink } from "../../people/components/PersonLink";
import { OrganisationLink } from "../../organisations/components/OrganisationLink";

export type Suggestion = CaseSuggestionsQuery["caseSuggestions"][number];

/**
 * One suggested course: verdict and score, why, the factor breakdown as bars (each bar is the
 * factor's contribution to the total), the warm path to the teacher, and the moves from here.
 */
export function SuggestionCard({
  caseId,
  caseTitle,
  allowedActions,
  suggestion: s,
  rank,
  onDone,
}: {
  caseId: string;
  caseTitle: string;
  /** The case's allowedActions from the server (the status is not worked out here). */
  allowedActions: readonly CaseAction[];
  suggestion: Suggestion;
  rank: number;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [dialog, setDialog] = useState<"propose" | "match" | null>(null);
  const [showPath, setShowPath] = useState(false);
  const canPropose = allowedActions.includes("PROPOSE") && s.teacherId;
  const canMatch = allowedActions.includes("MATCH");
  // Bars are scaled to the heaviest factor, so the longest grey bar is the full width.
  const maxWeight = Math.max(0.0001, ...s.factors.map((factor) => factor.weight));
  const done = (message: string) => {
    setDialog(null);
    onDone(message);
  };
  return (
    <li className="panel suggestion" aria-labelledby={`suggestion-${s.courseId}`} data-testid="suggestion">
      <div className="suggestion-head">
        <span className="rank" aria-hidden="true">
          {rank}
        </span>
        <div>
          <h3 id={`suggestion-${s.courseId}`}>
            {s.courseName} <VerdictBadge verdict={s.verdict} />
          </h3>
          <p className="muted">
            {[
              s.programmeName ? (
                <OrganisationLink key="programme" kind="PROGRAMME" id={s.programmeId} name={s.programmeName} />
              ) : null,
              s.institutionName ? (
                <OrganisationLink key="institution" kind="INSTITUTION" id={s.institutionId} name={s.institutionName} />
              ) : null,
              s.courseKind ? t(`enums.courseKind.${s.courseKind}`, { defaultValue: s.courseKind }) : null,
            ]
              .filter(Boolean)
              .flatMap((part, i) => (i === 0 ? [part] : [" · ", part]))}
          </p>
        </div>
        <div className="score" aria-label={t("cases.suggestions.scoreLabel", { score: f.score(s.score) })}>
          {f.score(s.score)}
        </div>
      </div>
      <p className="reason">{s.reason}</p>
      <table className="factors">
        <caption className="visually-hidden">{t("cases.suggestions.factors")}</caption>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{t("cases.suggestions.factor")}</th>
            <th scope="col">{t("cases.suggestions.contribution")}</th>
            <th scope="col">{t("cases.suggestions.detail")}</th>
          </tr>
        </thead>
        <tbody>
          {s.factors.map((factor) => (
            <tr key={factor.factor}>
              <th scope="row">{t(`enums.factor.${factor.factor}`)}</th>
              <td className="factor-bar-cell">
                <span
                  className="factor-bar"
                  title={t("cases.suggestions.factorTitle", { score: f.score(factor.score), weight: f.score(factor.weight) })}
                >
                  <span className="factor-weight" style={{ width: `${(factor.weight / maxWeight) * 100}%` }} />
                  <span className="factor-fill" style={{ width: `${(factor.contribution / maxWeight) * 100}%` }} />
                </span>
                <span className="num factor-value">{f.score(factor.contribution)}</span>
              </td>
              <td className="muted">{factor.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="card-facts">
        <div>
          <dt>{t("cases.suggestions.teacher")}</dt>
          <dd>{s.teacherName ? <PersonLink id={s.teacherId} name={s.teacherName} /> : "—"}</dd>
        </div>
        <div>
          <dt>{t("cases.suggestions.period")}</dt>
          <dd>{s.periodName ? `${s.periodName} (${f.date(s.periodStart)})` : t("cases.suggestions.noPeriod")}</dd>
        </div>
        <div>
          <dt>{t("cases.suggestions.places")}</dt>
          <dd>{s.hasAgreement ? (s.remainingPlaces ?? t("cases.suggestions.noLimit")) : t("cases.suggestions.noAgreement")}</dd>
        </div>
        <div>
          <dt>{t("cases.suggestions.warmPath")}</dt>
          <dd>
            {s.warmPathStrength !== null && s.warmPathStrength !== undefined
              ? t("cases.suggestions.warmPathValue", { score: f.score(s.warmPathStrength), count: s.warmPathHops ?? 0 })
              : t("cases.suggestions.noWarmPath")}
          </dd>
        </div>
        {s.proposedToTeacher ? (
          <div>
            <dt>{t("cases.suggestions.proposed")}</dt>
            <dd>{t("common.yes")}</dd>
          </div>
        ) : null}
      </dl>
      {showPath && s.teacherId ? <TeacherWarmPath teacherId={s.teacherId} /> : null}
      <div className="button-row">
        {canPropose ? (
          <button
            type="button"
            className="primary"
            onClick={() => setDialog("propose")}
            aria-label={t("cases.suggestions.proposeFor", { course: s.courseName })}
          >
            {t("cases.suggestions.propose")}
          </button>
        ) : null}
        {canMatch ? (
          <button
            type="button"
            onClick={() => setDialog("match")}
            aria-label={t("cases.suggestions.matchFor", { course: s.courseName })}
          >
            {t("cases.suggestions.match")}
          </button>
        ) : null}
        {s.teacherId && s.warmPathStrength !== null && s.warmPathStrength !== undefined ? (
          <button type="button" aria-expanded={showPath} onClick={() => setShowPath((v) => !v)}>
            {showPath ? t("cases.suggestions.hidePath") : t("cases.suggestions.showPath")}
          </button>
        ) : null}
        {s.teacherId ? (
          <Link className="button-link" to={`/explorer?focus=person:${s.teacherId}`}>
            {t("cases.suggestions.inExplorer")}
          </Link>
        ) : null}
      </div>
      {s.teacherId ? (
        <ProposeDialog
          caseId={caseId}
          teacher={{ id: s.teacherId, name: s.teacherName ?? "" }}
          course={{ id: s.courseId, name: s.courseName }}
          open={dialog === "propose"}
          onClose={() => setDialog(null)}
          onDone={done}
        />
      ) : null}
      {canMatch ? (
        <MatchCaseDialog
          caseId={caseId}
          title={caseTitle}
          open={dialog === "match"}
          onClose={() => setDialog(null)}
          onDone={done}
          courses={[{ id: s.courseId, name: s.courseName }]}
          initialCourse={s.courseId}
          initialPeriod={s.periodId ?? null}
        />
      ) : null}
    </li>
  );
}

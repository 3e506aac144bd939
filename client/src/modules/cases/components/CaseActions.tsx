import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useClient, useMutation } from "urql";
import { useAccess } from "../../../app/access";
import type { CaseAction } from "../../../generated/graphql";
import { ErrorMessage } from "../../../ui/ErrorMessage";
import { caseSprintsQuery } from "../graphql/caseSprintsQuery";
import { qualifyCaseMutation, startSprintMutation } from "../graphql/caseWorkflowMutations";
import { caseChangeTypenames } from "../hooks/caseChangeTypenames";
import { CloseCaseDialog } from "./CloseCaseDialog";
import { CompleteSprintDialog } from "./CompleteSprintDialog";
import { MatchCaseDialog, type CourseOption } from "./MatchCaseDialog";
import { OverridePrompt, overridableRefusals } from "./OverridePrompt";
import type { MoveRequest } from "./boardMoves";

/**
 * The moves a case can make now, as the server lists them (allowedActions, from the transition
 * table the mutations enforce; never worked out from the status here), each asking for what its
 * transition needs: qualify (the server checks the case is complete), propose (on the case page,
 * from a suggestion), match (course and period), start the sprint, complete it (outcome), or close (reason).
 */
export function CaseActions({
  caseId,
  title,
  allowedActions,
  onDone,
  compact = false,
  matchCourses,
  request,
}: {
  caseId: string;
  title: string;
  allowedActions: readonly CaseAction[];
  onDone: (message: string) => void;
  /** On a board card: smaller, and proposing links to the case page. */
  compact?: boolean;
  matchCourses?: CourseOption[];
  /**
   * A move asked for elsewhere (a drop on a board column, the card's move menu): performed exactly as its button
   * would, with the same dialog and the same mutation, so a drag is never a second way around the rules.
   */
  request?: MoveRequest | null;
}) {
  const { t } = useTranslation();
  const { caseWork } = useAccess();
  const [dialog, setDialog] = useState<"close" | "match" | "complete" | null>(null);
  const [qualify, runQualify] = useMutation(qualifyCaseMutation);
  const [start, runStart] = useMutation(startSprintMutation);
  const client = useClient();
  const [sprintId, setSprintId] = useState<string | null>(null);
  const [lookupFailed, setLookupFailed] = useState(false);
  const navigate = useNavigate();

  /** The sprint the move is about (planned to start, running to complete), fetched on demand: a board has many cards. */
  async function findSprint(wanted: "PLANNED" | "RUNNING"): Promise<string | null> {
    const answer = await client.query(caseSprintsQuery, { id: caseId }, { requestPolicy: "network-only" }).toPromise();
    const found = answer.data?.cases[0]?.sprints.find((s) => s.status === wanted)?.id ?? null;
    setLookupFailed(found === null);
    setSprintId(found);
    return found;
  }
  /** Starts the planned sprint; with an override after a BEFORE_PERIOD refusal (force + the coordinator's reason). */
  async function startSprint(override: { reason: string } | null) {
    const id = override && sprintId ? sprintId : await findSprint("PLANNED");
    if (!id) return;
    const answer = await runStart(
      { sprint: id, ...(override ? { force: true, reason: override.reason } : {}) },
      { additionalTypenames: caseChangeTypenames },
    );
    if (answer.data) onDone(t("cases.actions.started", { title }));
  }
  const done = (message: string) => {
    setDialog(null);
    onDone(message);
  };

  // The server lists the moves of the case, not of the role: analysts and viewers get no buttons.
  const allows = (action: CaseAction) => caseWork && allowedActions.includes(action);

  /** What each step's button does; a drop or the move menu asks for the same through `request`. */
  async function perform(action: CaseAction) {
    if (!allows(action)) return;
    if (action === "QUALIFY") {
      const answer = await runQualify({ case: caseId }, { additionalTypenames: caseChangeTypenames });
      if (answer.data) onDone(t("cases.actions.qualified", { title }));
    } else if (action === "PROPOSE") {
      // Proposing needs a teacher and course: chosen from the suggestions on the case page, as the card's button does.
      void navigate(`/cases/${caseId}#suggestions`);
    } else if (action === "MATCH") setDialog("match");
    else if (action === "START_SPRINT") await startSprint(null);
    else if (action === "COMPLETE") {
      if (await findSprint("RUNNING")) setDialog("complete");
    } else setDialog("close");
  }
  const performRef = useRef(perform);
  performRef.current = perform;
  useEffect(() => {
    if (request && request.caseId === caseId) void performRef.current(request.action);
  }, [request, caseId]);
  if (!caseWork || allowedActions.length === 0) return null;
  const label = (key: string) => (compact ? t(`cases.actions.${key}Short`) : t(`cases.actions.${key}`));
  const aria = (key: string) => t(`cases.actions.${key}For`, { title });

  return (
    <div className={compact ? "case-actions compact" : "case-actions"}>
      {allows("QUALIFY") ? (
        <button
          type="button"
          className="primary"
          aria-label={aria("qualify")}
          disabled={qualify.fetching}
          onClick={() => void perform("QUALIFY")}
        >
          {label("qualify")}
        </button>
      ) : null}
      {allows("PROPOSE") && compact ? (
        <Link className="button-link primary" to={`/cases/${caseId}#suggestions`} aria-label={aria("propose")}>
          {label("propose")}
        </Link>
      ) : null}
      {allows("MATCH") ? (
        <button type="button" className="primary" aria-label={aria("match")} onClick={() => void perform("MATCH")}>
          {label("match")}
        </button>
      ) : null}
      {allows("START_SPRINT") ? (
        <button
          type="button"
          className="primary"
          aria-label={aria("start")}
          disabled={start.fetching}
          onClick={() => void perform("START_SPRINT")}
        >
          {label("start")}
        </button>
      ) : null}
      {allows("COMPLETE") ? (
        <button type="button" className="primary" aria-label={aria("complete")} onClick={() => void perform("COMPLETE")}>
          {label("complete")}
        </button>
      ) : null}
      {allows("CLOSE") ? (
        <button type="button" className="danger" aria-label={aria("close")} onClick={() => void perform("CLOSE")}>
          {label("close")}
        </button>
      ) : null}
      {qualify.error ? <ErrorMessage error={qualify.error} /> : null}
      {/* BEFORE_PERIOD can be overridden with a reason; any other refusal shows as usual. */}
      {allows("START_SPRINT") ? (
        <OverridePrompt error={start.error} busy={start.fetching} onConfirm={(reason) => void startSprint({ reason })} />
      ) : null}
      {start.error && overridableRefusals(start.error).length === 0 ? <ErrorMessage error={start.error} /> : null}
      {lookupFailed ? (
        <p className="field-error" role="alert">
          {t("cases.actions.noSprint")}
        </p>
      ) : null}
      {allows("CLOSE") ? (
        <CloseCaseDialog caseId={caseId} title={title} open={dialog === "close"} onClose={() => setDialog(null)} onDone={done} />
      ) : null}
      {allows("MATCH") ? (
        <MatchCaseDialog
          caseId={caseId}
          title={title}
          open={dialog === "match"}
          onClose={() => setDialog(null)}
          onDone={done}
          {...(matchCourses ? { courses: matchCourses } : {})}
        />
      ) : null}
      {sprintId && allows("COMPLETE") ? (
        <CompleteSprintDialog
          sprintId={sprintId}
          title={title}
          open={dialog === "complete"}
          onClose={() => setDialog(null)}
          onDone={done}
        />
      ) : null}
    </div>
  );
}

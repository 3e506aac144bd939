import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { useAccess } from "../../../app/access";
import { describeError } from "../../../ui/describeError";
import { Dialog } from "../../../ui/Dialog";
import { ErrorMessage } from "../../../ui/ErrorMessage";
import { FormField } from "../../../ui/FormField";
import { todayIso } from "../../../ui/todayIso";
import { useFormat } from "../../../ui/useFormat";
import { caseProposalsQuery, courseCapacityQuery, coursePeriodsQuery } from "../graphql/casePageQueries";
import { matchCaseMutation } from "../graphql/caseWorkflowMutations";
import { caseChangeTypenames } from "../hooks/caseChangeTypenames";
import { OverridePrompt } from "./OverridePrompt";

export interface CourseOption {
  id: string;
  name: string;
}

/**
 * Matching places the case in a course for a teaching period: both are needed, and the period
 * must have room under the course's agreement (the dialog shows what is left before sending).
 * Without given course options it offers the courses the case was proposed for, interested first.
 */
export function MatchCaseDialog({
  caseId,
  title,
  open,
  onClose,
  onDone,
  courses,
  initialCourse,
  initialPeriod,
}: {
  caseId: string;
  title: string;
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
  courses?: CourseOption[];
  initialCourse?: string | null;
  initialPeriod?: string | null;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [course, setCourse] = useState(initialCourse ?? "");
  const [period, setPeriod] = useState(initialPeriod ?? "");
  const [teamSize, setTeamSize] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { caseText } = useAccess();
  const [proposals] = useQuery({
    query: caseProposalsQuery,
    variables: { case: caseId, caseText },
    pause: !open || Boolean(courses),
  });
  const [periods] = useQuery({ query: coursePeriodsQuery, variables: { course }, pause: !open || !course });
  const [capacity] = useQuery({
    query: courseCapacityQuery,
    variables: { course, period },
    pause: !open || !course || !period,
    requestPolicy: "network-only",
  });
  const [state, match] = useMutation(matchCaseMutation);

  useEffect(() => {
    if (open) {
      setCourse(initialCourse ?? "");
      setPeriod(initialPeriod ?? "");
      setErrors({});
    }
  }, [open, initialCourse, initialPeriod]);

  const options: CourseOption[] =
    courses ??
    [...(proposals.data?.caseProposals ?? [])]
      .sort((a, b) => Number(b.answer === "INTERESTED") - Number(a.answer === "INTERESTED"))
      .filter((p, i, all) => p.courseId && all.findIndex((q) => q.courseId === p.courseId) === i)
      .map((p) => ({
        id: p.courseId as string,
        name: `${p.courseName ?? ""} · ${p.teacherName}${p.answer ? ` (${t(`enums.answer.${p.answer}`)})` : ""}`,
      }));

  // An overridable refusal (LEVEL_MISMATCH on course) is shown by OverridePrompt, not as a field error.
  const serverErrors = state.error ? describeError(state.error).filter((e) => !e.overridable) : [];
  const fieldError = (field: string) => errors[field] ?? serverErrors.find((e) => e.field === field)?.message;
  const capacityInfo = capacity.data?.courseCapacity;

  async function send(override: { reason: string } | null) {
    const size = teamSize.trim() ? Number(teamSize) : null;
    const answer = await match(
      { case: caseId, course, period, teamSize: size, ...(override ? { force: true, reason: override.reason } : {}) },
      { additionalTypenames: caseChangeTypenames },
    );
    if (answer.data)
      onDone(
        t("cases.match.done", {
          title,
          course: answer.data.matchCase.courseName ?? "",
          period: answer.data.matchCase.periodName ?? "",
        }),
      );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!course) found.course = t("cases.match.courseRequired");
    if (!period) found.period = t("cases.match.periodRequired");
    const size = teamSize.trim() ? Number(teamSize) : null;
    if (size !== null && (!Number.isInteger(size) || size < 1 || size > 50)) found.teamSize = t("cases.match.teamSizeRange");
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    await send(null);
  }

  return (
    <Dialog title={t("cases.match.title", { title })} open={open} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormField label={t("cases.match.course")} error={fieldError("course")} required>
          <select
            value={course}
            onChange={(e) => {
              setCourse(e.target.value);
              setPeriod("");
            }}
          >
            <option value="">{t("outreach.choose")}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t("cases.match.period")} error={fieldError("period")} required>
          <select value={period} onChange={(e) => setPeriod(e.target.value)} disabled={!course}>
            <option value="">{t("outreach.choose")}</option>
            {/* Periods already over cannot take a new sprint. */}
            {(periods.data?.courses[0]?.teachingPeriods ?? [])
              .filter((p) => p.endDate >= todayIso())
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} {p.academicYear} ({f.date(p.startDate)} – {f.date(p.endDate)})
                </option>
              ))}
          </select>
        </FormField>
        {capacityInfo ? (
          <p className={capacityInfo.remaining === 0 ? "error-box" : "notice"} role="status">
            {!capacityInfo.hasAgreement
              ? t("cases.match.noAgreement")
              : capacityInfo.remaining === null || capacityInfo.remaining === undefined
                ? t("cases.match.noLimit", { used: capacityInfo.used })
                : t("cases.match.capacity", {
                    used: capacityInfo.used,
                    count: capacityInfo.casesPerPeriod ?? 0,
                    remaining: capacityInfo.remaining,
                  })}
          </p>
        ) : null}
        <FormField label={t("cases.match.teamSize")} error={fieldError("teamSize")}>
          <input type="number" min={1} max={50} value={teamSize} onChange={(e) => setTeamSize(e.target.value)} />
        </FormField>
        <OverridePrompt error={state.error} busy={state.fetching} onConfirm={(reason) => void send({ reason })} />
        {state.error &&
        serverErrors.length > 0 &&
        !serverErrors.some((e) => e.field === "course" || e.field === "period" || e.field === "teamSize") ? (
          <ErrorMessage error={state.error} />
        ) : null}
        <div className="button-row">
          <button type="submit" className="primary" disabled={state.fetching}>
            {t("cases.match.submit")}
          </button>
          <button type="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

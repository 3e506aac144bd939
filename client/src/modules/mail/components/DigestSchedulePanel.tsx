import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { ErrorMessage } from "../../../ui/ErrorMessage";
import { useFormat } from "../../../ui/useFormat";
import { caseChangeTypenames } from "../../cases/hooks/caseChangeTypenames";
import { digestScheduleQuery, sendDueDigestsMutation, setDigestSchedulePausedMutation } from "../graphql/mailQueries";

const sentTypenames = [...caseChangeTypenames, "MailMessageRecord", "DigestScheduleState"];
// A constant: urql compares the context by identity, and a new object each render would refetch forever.
const scheduleContext = { additionalTypenames: ["DigestScheduleState"] };

/** The schedule on the digests page: running or paused (a stored switch), send the due digests now, who cannot be reached. */
export function DigestSchedulePanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const [schedule, refetch] = useQuery({ query: digestScheduleQuery, context: scheduleContext });
  const [pausing, setPaused] = useMutation(setDigestSchedulePausedMutation);
  const [sending, sendDue] = useMutation(sendDueDigestsMutation);
  const [summary, setSummary] = useState<string | null>(null);
  const s = schedule.data?.digestSchedule;
  if (!s) return null;

  async function toggle() {
    await setPaused({ paused: !s?.paused }, { additionalTypenames: ["DigestScheduleState"] });
    refetch({ requestPolicy: "network-only" });
  }
  async function sendNow() {
    const result = await sendDue({}, { additionalTypenames: sentTypenames });
    const r = result.data?.sendDueDigests;
    if (r)
      setSummary(
        r.skipped
          ? t(`mail.schedule.skipped.${r.skipped}`)
          : t("mail.schedule.summary", { ...r, unreachable: r.unreachable.length }),
      );
    refetch({ requestPolicy: "network-only" });
  }

  return (
    <div className="panel schedule-panel" data-testid="digest-schedule">
      <p>
        <strong>{s.paused ? t("mail.schedule.paused") : t("mail.schedule.running", { hours: s.workingHours })}</strong>{" "}
        <span className="muted small">
          · {t(`mail.transport.${s.transport}`)}
          {s.lastRunAt ? ` · ${t("mail.schedule.lastRun", { at: f.dateTime(s.lastRunAt) })}` : ""}
        </span>
      </p>
      <div className="button-row">
        <button type="button" onClick={() => void toggle()} disabled={pausing.fetching} aria-pressed={s.paused}>
          {s.paused ? t("mail.schedule.resume") : t("mail.schedule.pause")}
        </button>
        <button type="button" className="primary" onClick={() => void sendNow()} disabled={sending.fetching || s.paused}>
          {t("mail.schedule.sendNow")}
        </button>
        {summary ? <span role="status">{summary}</span> : null}
      </div>
      {sending.error ? <ErrorMessage error={sending.error} /> : null}
      {s.unreachable.length > 0 ? (
        <p className="small" data-testid="unreachable">
          <strong>{t("mail.schedule.unreachable", { count: s.unreachable.length })}</strong>{" "}
          {s.unreachable.map((u) => `${u.teacherName} (${t(`todo.why.${u.why}`)})`).join(", ")}
        </p>
      ) : null}
    </div>
  );
}

import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { useAccess } from "../../../app/access";
import type { Language } from "../../../generated/graphql";
import { caseChangeTypenames, caseQueryContext } from "../../cases/hooks/caseChangeTypenames";
import { ErrorMessage } from "../../../ui/ErrorMessage";
import { PageHeader } from "../../../ui/PageHeader";
import { QueryState } from "../../../ui/QueryState";
import { todayIso } from "../../../ui/todayIso";
import { useFormat } from "../../../ui/useFormat";
import { VerdictBadge } from "../../../ui/VerdictBadge";
import { digestQuery, dueDigestsQuery, markDigestSentMutation } from "../graphql/digestQueries";
import { sendDigestMutation } from "../../mail/graphql/mailQueries";
import { DigestSchedulePanel } from "../../mail/components/DigestSchedulePanel";

/**
 * The digests due on a date, one per teacher: preview the ready-to-send e-mail, copy it, choose
 * which cases go in, and mark it sent (which records a proposal per case).
 */
export function DigestsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  // Analysts and viewers see who is due and which cases, not the addresses nor the e-mail's text, and send nothing.
  const access = useAccess();
  const [date, setDate] = useState(todayIso());
  const [teacher, setTeacher] = useState<string | null>(null);
  const [language, setLanguage] = useState<Language | null>(null);
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [copied, setCopied] = useState<"ok" | "failed" | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [due, refetchDue] = useQuery({
    query: dueDigestsQuery,
    variables: { date, contactDetails: access.contactDetails },
    context: caseQueryContext,
  });
  const [digest, refetchDigest] = useQuery({
    query: digestQuery,
    variables: { teacher: teacher ?? "", date, language, contactDetails: access.contactDetails, caseText: access.caseText },
    pause: !teacher,
    context: caseQueryContext,
  });
  const [sending, markSent] = useMutation(markDigestSentMutation);
  const [mailing, sendByMail] = useMutation(sendDigestMutation);
  const list = due.data?.dueDigests ?? [];
  const preview = teacher ? digest.data?.digest : undefined;

  // Pick the first due digest when none is chosen (or the chosen one is gone).
  useEffect(() => {
    if (!due.data) return;
    if (!teacher || !due.data.dueDigests.some((d) => d.teacherId === teacher)) {
      setTeacher(due.data.dueDigests[0]?.teacherId ?? null);
      setExcluded(new Set());
      setLanguage(null);
    }
  }, [due.data, teacher]);

  async function copy() {
    if (!preview) return;
    try {
      await navigator.clipboard.writeText(`${t("digests.subject")}: ${preview.subject}\n\n${preview.body}`);
      setCopied("ok");
    } catch {
      setCopied("failed");
    }
  }

  async function send() {
    if (!preview) return;
    const cases = preview.items.map((i) => i.caseId).filter((id) => !excluded.has(id));
    const answer = await markSent({ teacher: preview.teacherId, date, cases }, { additionalTypenames: caseChangeTypenames });
    if (answer.data) {
      setMessage(t("digests.sent", { teacher: preview.teacherName, count: answer.data.markDigestSent.proposals.length }));
      setTeacher(null);
      setCopied(null);
    }
  }

  async function mail() {
    if (!preview) return;
    const cases = preview.items.map((i) => i.caseId).filter((id) => !excluded.has(id));
    const answer = await sendByMail(
      { teacher: preview.teacherId, cases },
      { additionalTypenames: [...caseChangeTypenames, "MailMessageRecord", "DigestScheduleState"] },
    );
    const r = answer.data?.sendDigest;
    if (r) {
      setMessage(t(`digests.mailed.${r.status}`, { teacher: r.teacherName, count: r.cases, error: r.error ?? "" }));
      setTeacher(null);
      setCopied(null);
    }
  }

  return (
    <section>
      <PageHeader title={t("digests.title")}>
        <label className="inline-label">
          {t("digests.date")}
          <input type="date" value={date} onChange={(e) => setDate(e.target.value || todayIso())} />
        </label>
      </PageHeader>
      {access.caseWork ? <DigestSchedulePanel /> : null}
      {message ? (
        <p className="success" role="status">
          {message}
        </p>
      ) : null}
      <QueryState
        fetching={due.fetching}
        error={due.error}
        hasData={Boolean(due.data)}
        onRetry={() => refetchDue({ requestPolicy: "network-only" })}
      >
        {list.length === 0 ? (
          <p className="notice">{t("digests.none", { date: f.date(date) })}</p>
        ) : (
          <div className="digests-grid">
            <nav className="panel digest-list" aria-label={t("digests.listLabel")}>
              <h2>{t("digests.due", { count: list.length })}</h2>
              <ul className="plain-list">
                {list.map((d) => (
                  <li key={d.teacherId}>
                    <button
                      type="button"
                      className="digest-item"
                      aria-current={d.teacherId === teacher ? "true" : undefined}
                      onClick={() => {
                        setTeacher(d.teacherId);
                        setExcluded(new Set());
                        setLanguage(null);
                        setCopied(null);
                      }}
                    >
                      <strong>{d.teacherName}</strong>
                      <span className="muted small">
                        {t("digests.items", { count: d.items.length })} · {t("digests.every", { count: d.digestEveryDays ?? 0 })}
                        {d.lastSentOn
                          ? ` · ${t("digests.lastSent", { date: f.date(d.lastSentOn) })}`
                          : ` · ${t("digests.neverSent")}`}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="panel digest-preview" aria-live="polite">
              {teacher ? (
                <QueryState
                  fetching={digest.fetching}
                  error={digest.error}
                  hasData={Boolean(preview)}
                  onRetry={() => refetchDigest({ requestPolicy: "network-only" })}
                >
                  {preview ? (
                    <>
                      <div className="digest-head">
                        <div>
                          <h2>{preview.teacherName}</h2>
                          <p className="muted">
                            {access.contactDetails ? (preview.email ?? t("digests.noEmail")) : null}
                            {preview.reachable ? "" : `${access.contactDetails ? " · " : ""}${t("digests.unreachable")}`}
                          </p>
                        </div>
                        <div className="segmented" role="group" aria-label={t("digests.emailLanguage")}>
                          {(["NL", "EN"] as const).map((l) => (
                            <button key={l} type="button" aria-pressed={preview.language === l} onClick={() => setLanguage(l)}>
                              {l}
                            </button>
                          ))}
                        </div>
                      </div>
                      <fieldset>
                        <legend>{t("digests.casesIn")}</legend>
                        <ul className="plain-list">
                          {preview.items.map((item) => (
                            <li key={item.caseId} className="digest-case">
                              <label>
                                {access.caseWork ? (
                                  <input
                                    type="checkbox"
                                    checked={!excluded.has(item.caseId)}
                                    onChange={(e) => {
                                      const next = new Set(excluded);
                                      if (e.target.checked) next.delete(item.caseId);
                                      else next.add(item.caseId);
                                      setExcluded(next);
                                    }}
                                  />
                                ) : null}{" "}
                                <strong>{item.title}</strong> <VerdictBadge verdict={item.verdict} />
                              </label>
                              <span className="muted small">
                                {item.smeName ?? ""} · {item.courseName}
                                {item.periodName ? ` · ${item.periodName}` : ""} · {item.reason}
                              </span>
                            </li>
                          ))}
                        </ul>
                      </fieldset>
                      <h3>{t("digests.preview")}</h3>
                      <div className="email" data-testid="digest-email">
                        <p>
                          <strong>{t("digests.subject")}:</strong> {preview.subject}
                        </p>
                        {access.caseText ? <pre>{preview.body}</pre> : <p className="muted">{t("digests.bodyHidden")}</p>}
                      </div>
                      {excluded.size > 0 ? (
                        <p className="notice small">{t("digests.excludedNote", { count: excluded.size })}</p>
                      ) : null}
                      {access.caseWork ? (
                        <div className="button-row">
                          <button
                            type="button"
                            className="primary"
                            disabled={mailing.fetching || !preview.reachable || excluded.size === preview.items.length}
                            onClick={() => void mail()}
                          >
                            {t("digests.sendByMail", { count: preview.items.length - excluded.size })}
                          </button>
                          <button type="button" onClick={() => void copy()}>
                            {t("digests.copy")}
                          </button>
                          <button
                            type="button"
                            disabled={sending.fetching || excluded.size === preview.items.length}
                            onClick={() => void send()}
                          >
                            {t("digests.markSent", { count: preview.items.length - excluded.size })}
                          </button>
                          {copied === "ok" ? <span role="status">{t("digests.copied")}</span> : null}
                          {copied === "failed" ? <span role="alert">{t("digests.copyFailed")}</span> : null}
                        </div>
                      ) : null}
                      {sending.error ? <ErrorMessage error={sending.error} /> : null}
                      {mailing.error ? <ErrorMessage error={mailing.error} /> : null}
                    </>
                  ) : null}
                </QueryState>
              ) : null}
            </div>
          </div>
        )}
      </QueryState>
    </section>
  );
}

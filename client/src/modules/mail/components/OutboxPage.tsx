import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { useAccess } from "../../../app/access";
import type { MailStatus } from "../../../generated/graphql";
import { PageHeader } from "../../../ui/PageHeader";
import { QueryState } from "../../../ui/QueryState";
import { useFormat } from "../../../ui/useFormat";
import { outboxMessageQuery, outboxQuery } from "../graphql/mailQueries";

const STATUSES: MailStatus[] = ["SENT" as MailStatus, "OUTBOX" as MailStatus, "FAILED" as MailStatus, "GAVE_UP" as MailStatus];
const outboxContext = { additionalTypenames: ["MailMessageRecord", "ProposalRecord", "Digest"] };

/** Saves a message as .eml: the bytes as the mail server got them (or would have). */
function downloadEml(subject: string, raw: string) {
  const url = URL.createObjectURL(new Blob([raw], { type: "message/rfc822" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = `${subject.replace(/[^\p{L}\p{N} ()-]+/gu, "_").slice(0, 80) || "message"}.eml`;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * The outbox (docs/mail.md): every digest, proposal and reminder the API sent — or, without SMTP_URL,
 * kept here as it would have gone out — with its attempts; each can be read and saved as .eml.
 */
export function OutboxPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [status, setStatus] = useState<MailStatus | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [list, refetch] = useQuery({ query: outboxQuery, variables: { status, first: 100 }, context: outboxContext });
  // The address is a contact detail and the bodies quote the cases (CASE_TEXT): asked only of roles that may read them,
  // since the API refuses the whole answer otherwise (analysts and viewers see who, what and when).
  const { contactDetails, caseText } = useAccess();
  const [one] = useQuery({
    query: outboxMessageQuery,
    variables: { id: selected ?? "", contactDetails, caseText },
    pause: !selected,
  });
  const messages = list.data?.outbox ?? [];
  const message = selected ? one.data?.outboxMessage : undefined;
  const count = (s: string) => list.data?.outboxCounts.find((c) => c.status === s)?.count ?? 0;

  return (
    <section>
      <PageHeader title={t("mail.outbox.title")}>
        <div className="segmented" role="group" aria-label={t("mail.outbox.filter")}>
          <button type="button" aria-pressed={status === null} onClick={() => setStatus(null)}>
            {t("mail.outbox.all")}
          </button>
          {STATUSES.map((s) => (
            <button key={s} type="button" aria-pressed={status === s} onClick={() => setStatus(s)}>
              {t(`mail.status.${s}`)} ({count(s)})
            </button>
          ))}
        </div>
      </PageHeader>
      <p className="muted small">{t("mail.outbox.intro")}</p>
      <QueryState
        fetching={list.fetching}
        error={list.error}
        hasData={Boolean(list.data)}
        onRetry={() => refetch({ requestPolicy: "network-only" })}
      >
        {messages.length === 0 ? (
          <p className="notice">{t("mail.outbox.empty")}</p>
        ) : (
          <div className="digests-grid">
            <nav className="panel digest-list" aria-label={t("mail.outbox.listLabel")}>
              <ul className="plain-list">
                {messages.map((m) => (
                  <li key={m.id}>
                    <button
                      type="button"
                      className="digest-item"
                      aria-current={m.id === selected ? "true" : undefined}
                      onClick={() => setSelected(m.id)}
                    >
                      <strong>{m.subject}</strong>
                      <span className="muted small">
                        {m.toName ?? ""} · {t(`mail.kind.${m.kind}`)} ·{" "}
                        <span className={`mail-status mail-status-${m.status}`}>{t(`mail.status.${m.status}`)}</span>
                        {" · "}
                        {f.dateTime(m.sentAt ?? m.createdAt)}
                      </span>
                      {m.lastError ? <span className="small error-text">{m.lastError}</span> : null}
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="panel digest-preview" aria-live="polite">
              {!selected ? (
                <p className="muted">{t("mail.outbox.choose")}</p>
              ) : message ? (
                <>
                  <div className="digest-head">
                    <div>
                      <h2>{message.subject}</h2>
                      <p className="muted">
                        {t("mail.outbox.to")}: {message.toName} &lt;{message.to ?? "—"}&gt; · {t(`mail.status.${message.status}`)}{" "}
                        · {t("mail.outbox.attempts", { count: message.attempts })}
                        {message.sentAt ? ` · ${f.dateTime(message.sentAt)}` : ""}
                      </p>
                      {message.lastError ? <p className="error-text small">{message.lastError}</p> : null}
                      {message.response ? <p className="muted small">{message.response}</p> : null}
                    </div>
                    {message.raw ? (
                      <button type="button" onClick={() => downloadEml(message.subject, message.raw ?? "")}>
                        {t("mail.outbox.download")}
                      </button>
                    ) : null}
                  </div>
                  {message.html ? (
                    <iframe className="email-frame" title={t("mail.outbox.htmlPart")} sandbox="" srcDoc={message.html} />
                  ) : (
                    <div className="email">
                      <pre>{message.text}</pre>
                    </div>
                  )}
                </>
              ) : null}
            </div>
          </div>
        )}
      </QueryState>
    </section>
  );
}

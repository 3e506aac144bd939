import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { CombinedError } from "urql";
import { describeError } from "../../../ui/describeError";
import { FormField } from "../../../ui/FormField";
import { useFormat } from "../../../ui/useFormat";

/** The refusals of matchCase/startSprint a coordinator may override (extensions.overridable: true), else none. */
export function overridableRefusals(error: CombinedError | undefined) {
  return error ? describeError(error).filter((e) => e.overridable) : [];
}

/** The facts the server gives with an overridable refusal (check-override.ts, match-case.ts, start-sprint.ts). */
function refusalFacts(error: CombinedError | undefined, code: string | undefined) {
  const extensions = error?.graphQLErrors.find((e) => e.extensions?.code === code)?.extensions ?? {};
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  return {
    wantedLevels: list(extensions.wantedLevels),
    courseLevels: list(extensions.courseLevels),
    periodStart: typeof extensions.periodStart === "string" ? extensions.periodStart : null,
  };
}

/**
 * Shows why matchCase or startSprint refused (LEVEL_MISMATCH, BEFORE_PERIOD) and offers to do it
 * anyway: the coordinator must give a reason, which the server records on the case's timeline
 * (the request is sent again with force: true and that reason). Renders nothing for other errors,
 * so the caller's usual error box shows them. A <div>, not a <form>: it sits inside the match form.
 */
export function OverridePrompt({
  error,
  busy,
  onConfirm,
}: {
  error: CombinedError | undefined;
  busy: boolean;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const refusals = overridableRefusals(error);
  if (refusals.length === 0) return null;
  // The server's own refusal of a forced request without a reason (field `reason`) shows at the field too.
  const serverReason = error ? describeError(error).find((e) => e.field === "reason" && !e.overridable)?.message : undefined;

  function confirm(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    onConfirm(reason.trim());
  }

  return (
    <div className="error-box override" role="alert" data-testid="override-prompt">
      <strong>{t("cases.override.title")}</strong>
      <ul>
        {refusals.map((e, i) => {
          // The server's message is for API users (it names `force`); the page says it in the user's words.
          const facts = refusalFacts(error, e.code);
          return (
            <li key={i}>
              {t(`cases.override.why.${e.code ?? "other"}`, {
                defaultValue: e.message,
                wanted: facts.wantedLevels.join(" / "),
                levels: facts.courseLevels.join(" / "),
                start: f.date(facts.periodStart),
              })}
              {e.code ? <span className="muted"> ({t(`enums.overrideCheck.${e.code}`, { defaultValue: e.code })})</span> : null}
            </li>
          );
        })}
      </ul>
      <p className="muted small">{t("cases.override.explain")}</p>
      <FormField label={t("cases.override.reason")} error={missing ? t("cases.override.reasonRequired") : serverReason} required>
        <textarea
          rows={2}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setMissing(false);
          }}
        />
      </FormField>
      <div className="button-row">
        <button type="button" className="danger" disabled={busy} onClick={confirm}>
          {t("cases.override.confirm")}
        </button>
      </div>
    </div>
  );
}

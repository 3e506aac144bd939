import { useTranslation } from "react-i18next";
import type { CaseAgeing, CaseDateSignal } from "../../../generated/graphql";

/** The server's deadline and ageing signals of a case (server/domains/case-workflow/case-signals.ts). */
export interface CaseSignalValues {
  daysInState: number;
  ageing?: CaseAgeing | null;
  startSignal?: CaseDateSignal | null;
  deadlineSignal?: CaseDateSignal | null;
  daysToDeadline?: number | null;
}

/**
 * Days in the state and the date signals, as the server computed them: on the board's cards and on the case page,
 * worded the same (locale `boardSignals`) so a case that waits too long reads alike in both places.
 */
export function CaseSignals({ signals, className, testId }: { signals: CaseSignalValues; className: string; testId: string }) {
  const { t } = useTranslation();
  const chips = [
    signals.ageing
      ? { key: "ageing", className: `signal signal-${signals.ageing}`, text: t(`boardSignals.ageing.${signals.ageing}`) }
      : null,
    signals.startSignal
      ? { key: "start", className: `signal signal-${signals.startSignal}`, text: t(`boardSignals.start.${signals.startSignal}`) }
      : null,
    signals.deadlineSignal
      ? {
          key: "deadline",
          className: `signal signal-${signals.deadlineSignal}`,
          text:
            signals.deadlineSignal === "PASSED"
              ? t("boardSignals.deadline.PASSED", { count: Math.abs(signals.daysToDeadline ?? 0) })
              : t("boardSignals.deadline.APPROACHING", { count: signals.daysToDeadline ?? 0 }),
        }
      : null,
  ].filter((s): s is { key: string; className: string; text: string } => s !== null);
  return (
    <p className={className} data-testid={testId}>
      <span className="muted">{t("boardSignals.daysInState", { count: signals.daysInState })}</span>
      {chips.map((s) => (
        <span key={s.key} className={s.className}>
          {s.text}
        </span>
      ))}
    </p>
  );
}

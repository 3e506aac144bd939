import { addDays, isIsoDate } from "../../platform/clock/check-iso-date.js";
import { todayIso } from "../../platform/clock/read-clock.js";
import { CaseStatus } from "../../platform/model/graph-enums.js";
import { CaseAgeing, CaseDateSignal } from "./case-enums.js";
import type { CaseStateSignals } from "./case-types.js";

/**
 * Days in a state after which a case counts as AGEING and as STALE (issue #17 part 7). A case should move
 * on from intake within a week (the SME is waiting for an answer), a qualified case should be sent out within two,
 * a proposal expires after PROPOSAL_EXPIRY_DAYS (14) so a case still PROPOSED after two weeks needs a new
 * teacher, a matched case waits for its teaching period (a month is normal), a sprint runs a period (10-20 weeks).
 * COMPLETED and CLOSED are final and never age. docs/case-workflow.md "Deadline and ageing signals".
 */
export const CASE_AGEING_DAYS: Readonly<Record<CaseStatus, { ageing: number; stale: number } | null>> = {
  [CaseStatus.INTAKE]: { ageing: 7, stale: 14 },
  [CaseStatus.QUALIFIED]: { ageing: 14, stale: 28 },
  [CaseStatus.PROPOSED]: { ageing: 14, stale: 28 },
  [CaseStatus.MATCHED]: { ageing: 30, stale: 60 },
  [CaseStatus.IN_SPRINT]: { ageing: 120, stale: 180 },
  [CaseStatus.COMPLETED]: null,
  [CaseStatus.CLOSED]: null,
};

/** Days before a date that it counts as APPROACHING: the desired start (only before a match) and the deadline. */
export const DATE_SIGNAL_DAYS = { start: 14, deadline: 14 } as const;

/** States in which the desired start still matters: no match yet, so passing it means the SME waits. */
const BEFORE_MATCH: readonly CaseStatus[] = [CaseStatus.INTAKE, CaseStatus.QUALIFIED, CaseStatus.PROPOSED];

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function dateSignal(date: string | null, today: string, within: number): CaseDateSignal | null {
  if (!date || !isIsoDate(date)) return null;
  if (date < today) return CaseDateSignal.PASSED;
  return date <= addDays(today, within) ? CaseDateSignal.APPROACHING : null;
}

/**
 * The board card's deadline and ageing signals, computed here (not in the client) from the case's status, the
 * moment it entered that state (READ_CASE_BOARD: the latest CaseEvent whose `to` is the status) and its dates.
 */
export function caseSignals(
  input: { status: CaseStatus; stateSince: string; earliestStart: string | null; deadline: string | null },
  now: Date,
): CaseStateSignals {
  const today = todayIso(now);
  const entered = todayIso(new Date(input.stateSince));
  const daysInState = Math.max(0, daysBetween(entered, today));
  const thresholds = CASE_AGEING_DAYS[input.status];
  const open = thresholds !== null;
  const ageing = !thresholds
    ? null
    : daysInState >= thresholds.stale
      ? CaseAgeing.STALE
      : daysInState >= thresholds.ageing
        ? CaseAgeing.AGEING
        : null;
  return {
    stateSince: input.stateSince,
    daysInState,
    ageing,
    startSignal: BEFORE_MATCH.includes(input.status) ? dateSignal(input.earliestStart, today, DATE_SIGNAL_DAYS.start) : null,
    deadlineSignal: open ? dateSignal(input.deadline, today, DATE_SIGNAL_DAYS.deadline) : null,
    daysToDeadline: open && input.deadline && isIsoDate(input.deadline) ? daysBetween(today, input.deadline) : null,
  };
}

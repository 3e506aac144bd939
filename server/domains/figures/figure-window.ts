import { parseDateTime, parseIsoDate } from "../../platform/validation/parse-values.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";

/** The optional date window of a figure: inclusive ISO dates, null when open. */
export type FigureWindow = {
  from: string | null;
  to: string | null;
};

export function checkWindow(from: string | null | undefined, to: string | null | undefined): FigureWindow {
  const window: FigureWindow = { from: null, to: null };
  for (const field of ["from", "to"] as const) {
    const value = field === "from" ? from : to;
    if (value === null || value === undefined || value === "") continue;
    const parsed = parseIsoDate(value);
    if (!parsed.ok) throw new DomainError(ErrorCode.BAD_USER_INPUT, `${field}: ${parsed.why}.`, field);
    window[field] = parsed.value;
  }
  if (window.from && window.to && window.from > window.to) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `from ${window.from} is after to ${window.to}.`, "from");
  }
  return window;
}

export function checkMoment(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined || value === "") return null;
  const parsed = parseDateTime(value);
  if (!parsed.ok) throw new DomainError(ErrorCode.BAD_USER_INPUT, `${field}: ${parsed.why}.`, field);
  return parsed.value;
}

/**
 * The lifecycle's main line with ranks; CLOSED is off the line. A case's furthest stage is the
 * highest rank among its current status and every status its timeline events moved it to (the
 * $rank parameter of the figures' statements).
 */
export const stageRank = { INTAKE: 0, QUALIFIED: 1, PROPOSED: 2, MATCHED: 3, IN_SPRINT: 4, COMPLETED: 5 } as const;

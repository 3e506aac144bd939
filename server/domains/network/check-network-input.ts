import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";

/** Checks of the network analytics' arguments; a refusal names the argument to blame in `field`. */

/** The hop limit every path rule shares; above 6 the half-expansions stop being cheap. */
export const MAX_HOPS_LIMIT = 6;

export function checkMaxHops(maxHops: number, field = "maxHops"): number {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS_LIMIT) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `${field} must be a whole number from 1 to ${MAX_HOPS_LIMIT}; got ${maxHops}.`, field);
  }
  return maxHops;
}

export function checkStrength(value: number, field: string): number {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `${field} must lie between 0 and 1; got ${value}.`, field);
  }
  return value;
}

export function checkAtLeastOne(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `${field} must be a whole number of at least 1; got ${value}.`, field);
  }
  return value;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date as YYYY-MM-DD that exists (2025-02-30 does not). */
export function checkIsoDate(value: string, field: string): string {
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!isoDate.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `${field} must be a date written as YYYY-MM-DD; got "${value}".`, field);
  }
  return value;
}

/** Today's date in the workspace's time zone (Amsterdam) as YYYY-MM-DD: the default "as of". */
export function today(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

/** Ids as given, without repeats and in a stable order. */
export function distinctIds(ids: readonly string[] | null | undefined): string[] {
  return [...new Set(ids ?? [])].sort();
}

export function checkOneOf(values: readonly string[], value: string, field: string): string {
  if (!values.includes(value)) throw new DomainError(ErrorCode.BAD_USER_INPUT, `${field} must be one of ${values.join(", ")}; got "${value}".`, field);
  return value;
}

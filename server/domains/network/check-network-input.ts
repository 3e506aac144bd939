import { isIsoDate } from "../../platform/clock/check-iso-date.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";

/** Checks of the network analytics' arguments; a refusal names the argument to blame in `field`. */

/** The hop limit every path rule shares; above 6 the half-expansions stop being cheap. */
export const MAX_HOPS_LIMIT = 6;

export function checkMaxHops(maxHops: number, field = "maxHops"): number {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS_LIMIT) {
    throw new DomainError(
      ErrorCode.BAD_USER_INPUT,
      `${field} must be a whole number from 1 to ${MAX_HOPS_LIMIT}; got ${maxHops}.`,
      field,
    );
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

/** A calendar date as YYYY-MM-DD that exists (2025-02-30 does not). */
export function checkIsoDate(value: string, field: string): string {
  if (!isIsoDate(value)) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `${field} must be a date written as YYYY-MM-DD; got "${value}".`, field);
  }
  return value;
}

/** Ids as given, without repeats and in a stable order. */
export function distinctIds(ids: readonly string[] | null | undefined): string[] {
  return [...new Set(ids ?? [])].sort();
}

export function checkOneOf(values: readonly string[], value: string, field: string): string {
  if (!values.includes(value))
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `${field} must be one of ${values.join(", ")}; got "${value}".`, field);
  return value;
}

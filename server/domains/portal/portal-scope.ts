import { UserStore } from "../../platform/auth/UserStore.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import type { Tx } from "../../platform/neo4j/database.js";
import { READ_PORTAL_SCOPE } from "./statements.js";

/**
 * What a portal user reaches (issue #18; docs/security.md "The institution portal"): row-level, from the roles their
 * Person holds in the graph, computed per request (READ_PORTAL_SCOPE) and never stored, so a role added or taken away
 * in the graph counts at the next request.
 */
export interface PortalScope {
  personId: string;
  personName: string;
  jobTitle: string | null;
  /** INSTITUTION_CONTACT (and ADMIN): the programmes the person coordinates, directs or is dean over, too. */
  wide: boolean;
  /** The courses the person teaches. */
  taughtCourseIds: string[];
  /** The programmes the person coordinates or directs, or whose institution they are dean of (wide only). */
  ledProgrammeIds: string[];
  /** Every course reached: taught, and (wide) every course of a led programme. */
  courseIds: string[];
  /** Every programme reached: led, and the programmes of the courses taught. */
  programmeIds: string[];
}

/** Per request (the context object), so the portal's fields and a mutation read the scope once. */
const perRequest = new WeakMap<object, Promise<PortalScope>>();

/**
 * The caller's scope. The person is the account's linked Person as the graph says now (UserStore.readPerson), not the
 * token's copy; a token of an account that is not stored (tests, services) falls back to the token's person. Without a
 * person there is nothing to reach: FORBIDDEN (field personId), as an admin must link one first (linkUserToPerson).
 */
export function portalScope(ctx: GraphQLContext): Promise<PortalScope> {
  const cached = perRequest.get(ctx);
  if (cached) return cached;
  const reading = readScopeOf(ctx);
  perRequest.set(ctx, reading);
  return reading;
}

async function readScopeOf(ctx: GraphQLContext): Promise<PortalScope> {
  const user = ctx.user;
  if (!user) throw new DomainError(ErrorCode.UNAUTHENTICATED, "Sign in first.");
  const account = await new UserStore(ctx.db).readPerson(user.id);
  const personId = account ? account.personId : (user.personId ?? null);
  if (!personId)
    throw new DomainError(
      ErrorCode.FORBIDDEN,
      "This account is not linked to a person, so the portal has nothing to show; an admin links it (linkUserToPerson).",
      "personId",
    );
  const wide = user.roles.some((role) => role === "INSTITUTION_CONTACT" || role === "ADMIN");
  const scope = await ctx.db.readTx((tx) => readPortalScope(tx, personId, wide));
  if (!scope)
    throw new DomainError(ErrorCode.FORBIDDEN, "The person this account is linked to is no longer in the graph.", "personId");
  return scope;
}

/** The scope of a person, in the caller's transaction; undefined when the person does not exist. */
export async function readPortalScope(tx: Tx, personId: string, wide: boolean): Promise<PortalScope | undefined> {
  const row = (await tx.run(READ_PORTAL_SCOPE, { personId, wide }))[0];
  if (!row) return undefined;
  const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
  return {
    personId: String(row.personId),
    personName: String(row.personName ?? ""),
    jobTitle: typeof row.jobTitle === "string" ? row.jobTitle : null,
    wide,
    taughtCourseIds: list(row.taught),
    ledProgrammeIds: list(row.ledProgrammes),
    courseIds: list(row.courseIds),
    programmeIds: list(row.programmeIds),
  };
}

import type { Role } from "./roles.js";

/**
 * THE access policy: which roles may use each family of operations and fields. Everything that
 * enforces access reads this one table — the @authentication/@authorization rules added to the
 * generated schema (apply-access-rules.ts), the `@Access` decorator on custom resolvers (which
 * sets type-graphql's @Authorized), and the guard around every root field (guard-schema.ts).
 * docs/security.md prints the same matrix; tests/integration/auth-matrix.int.test.ts checks every
 * Query and Mutation field of the served schema has a family here, and each role against each.
 */
export const accessFamilies = {
  /** Reachable without signing in. */
  PUBLIC: { roles: "anyone", description: "sign-in and the database status" },
  SIGNED_IN: {
    roles: ["ADMIN", "COORDINATOR", "ANALYST", "VIEWER", "INSTITUTION_CONTACT", "TEACHER"],
    description: "one's own account",
  },
  USERS: { roles: ["ADMIN"], description: "user accounts and roles" },
  /** The generated read API over the graph (institutions, people, cases, …), contact fields aside. */
  GRAPH_READ: { roles: ["ADMIN", "COORDINATOR", "ANALYST", "VIEWER"], description: "generated queries" },
  /** The generated create/update/delete API. */
  GRAPH_WRITE: { roles: ["ADMIN", "COORDINATOR"], description: "generated mutations" },
  /** Field level: e-mail, phone and notes about people (also read through filters and sorting). */
  CONTACT_DETAILS: { roles: ["ADMIN", "COORDINATOR"], description: "personal contact details and notes" },
  /** Field level: free text of cases, their timeline and sprints. */
  CASE_TEXT: { roles: ["ADMIN", "COORDINATOR"], description: "case free text" },
  CASE_READ: { roles: ["ADMIN", "COORDINATOR", "ANALYST", "VIEWER"], description: "case board, suggestions, digests (read)" },
  CASE_WORK: { roles: ["ADMIN", "COORDINATOR"], description: "intake, status changes, proposals, matching" },
  NETWORK_READ: {
    roles: ["ADMIN", "COORDINATOR", "ANALYST", "VIEWER"],
    description: "warm paths, embedding, next best contacts",
  },
  NETWORK_WORK: { roles: ["ADMIN", "COORDINATOR"], description: "changing ties and the network, the warm threshold" },
  OUTREACH_READ: { roles: ["ADMIN", "COORDINATOR", "ANALYST", "VIEWER"], description: "mapping table, interaction log" },
  OUTREACH_WORK: { roles: ["ADMIN", "COORDINATOR"], description: "logging interactions, mapping status, agreements" },
  FIGURES: { roles: ["ADMIN", "COORDINATOR", "ANALYST", "VIEWER"], description: "figures and analytics" },
  DATA_TRANSFER: { roles: ["ADMIN", "COORDINATOR"], description: "spreadsheet import and export" },
  PERSONAL_DATA_EXPORT: { roles: ["ADMIN", "COORDINATOR"], description: "export everything held about a person" },
  PERSONAL_DATA_ERASE: { roles: ["ADMIN"], description: "erase a person" },
  SYSTEM: { roles: ["ADMIN"], description: "backup and other operations on the whole database" },
  /**
   * The institution portal (issue #18): what the caller's own Person reaches through their roles in the graph,
   * row by row (server/domains/portal). The portal roles reach nothing else; ADMIN may look too (with a linked person).
   */
  PORTAL: {
    roles: ["ADMIN", "INSTITUTION_CONTACT", "TEACHER"],
    description: "the institution portal: one's own programmes' and courses' cases, agreements, proposals, sprints",
  },
  /** Claiming a fitting case for one's course, forwarding a case to a colleague, answering one's own proposals. */
  PORTAL_WORK: {
    roles: ["ADMIN", "INSTITUTION_CONTACT", "TEACHER"],
    description: "claiming and forwarding cases, answering one's own proposals (within one's scope)",
  },
} as const satisfies Record<string, { roles: readonly Role[] | "anyone"; description: string }>;

export type AccessFamily = keyof typeof accessFamilies;

export const ACCESS_FAMILIES = Object.keys(accessFamilies) as AccessFamily[];

export function isAccessFamily(value: unknown): value is AccessFamily {
  return typeof value === "string" && value in accessFamilies;
}

/** The roles a family allows; "anyone" includes callers who have not signed in. */
export function rolesFor(family: AccessFamily): readonly Role[] | "anyone" {
  return accessFamilies[family].roles;
}

/** Whether a caller with these roles (none: not signed in) may use the family. */
export function allows(family: AccessFamily, roles: readonly Role[] | undefined): boolean {
  const allowed = rolesFor(family);
  if (allowed === "anyone") return true;
  return (roles ?? []).some((role) => allowed.includes(role));
}

/**
 * Fields of the generated types that need more than GRAPH_READ. Read, filtered on, sorted by or
 * aggregated, they are refused to roles outside the family (a filter is a way to read).
 */
export const protectedGraphFields: Record<string, Record<string, AccessFamily>> = {
  Person: { email: "CONTACT_DETAILS", phone: "CONTACT_DETAILS", note: "CONTACT_DETAILS" },
  Knows: { note: "CONTACT_DETAILS" },
  Interaction: { note: "CONTACT_DETAILS" },
  Case: { question: "CASE_TEXT", heardOf: "CASE_TEXT" },
  CaseEvent: { note: "CASE_TEXT", reason: "CASE_TEXT" },
  Sprint: { outcome: "CASE_TEXT", smeFeedback: "CASE_TEXT", teacherFeedback: "CASE_TEXT" },
  Proposal: { declineReason: "CASE_TEXT" },
};

/**
 * Custom root fields whose family is stated here rather than by `@Access` next to their code
 * (a field with `@Access` needs no entry). databaseStatus: public, so a monitor can ask without
 * signing in; it tells only whether Neo4j answers and its version.
 */
export const customFieldFamilies: Record<string, AccessFamily> = {
  databaseStatus: "PUBLIC",
};

/**
 * What a root field without any policy gets: the two most trusted roles, never anonymous callers.
 * The matrix test fails on such a field, so this only bridges the time until `@Access` is added.
 */
export const UNLISTED_FIELD_FAMILY: AccessFamily = "GRAPH_WRITE";

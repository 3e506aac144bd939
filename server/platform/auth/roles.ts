/**
 * The roles of the product (docs/security.md has the whole matrix):
 * ADMIN manages users and may do everything; COORDINATOR does everything about cases and the
 * network; ANALYST reads analytics and structure but no contact details nor case free text;
 * VIEWER reads, without contact details or case free text, and writes nothing.
 * The two portal roles (issue #18) are people inside the institutions: INSTITUTION_CONTACT (a dean,
 * programme coordinator or director who scouts for us) and TEACHER. Their account must be linked to
 * their Person, and they see only what that person's roles in the graph reach, through the portal's
 * own fields (server/domains/portal); the generated API and every other field are refused to them.
 */
export const ROLES = ["ADMIN", "COORDINATOR", "ANALYST", "VIEWER", "INSTITUTION_CONTACT", "TEACHER"] as const;

export type Role = (typeof ROLES)[number];

/** The roles of the institution portal: an account with one of them needs a linked Person. */
export const PORTAL_ROLES = ["INSTITUTION_CONTACT", "TEACHER"] as const satisfies readonly Role[];

export type PortalRole = (typeof PORTAL_ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Whether the roles include a portal role (which needs a linked person). */
export function hasPortalRole(roles: readonly string[]): boolean {
  return roles.some((role) => (PORTAL_ROLES as readonly string[]).includes(role));
}

/** Who is asking: what the verified token says. `personId` links the account to a Person node. */
export interface RequestUser {
  id: string;
  roles: Role[];
  personId?: string;
}

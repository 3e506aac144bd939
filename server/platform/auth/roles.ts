/**
 * The four roles of the product (docs/security.md has the whole matrix):
 * ADMIN manages users and may do everything; COORDINATOR does everything about cases and the
 * network; ANALYST reads analytics and structure but no contact details nor case free text;
 * VIEWER reads, without contact details or case free text, and writes nothing.
 */
export const ROLES = ["ADMIN", "COORDINATOR", "ANALYST", "VIEWER"] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Who is asking: what the verified token says. `personId` links the account to a Person node. */
export interface RequestUser {
  id: string;
  roles: Role[];
  personId?: string;
}

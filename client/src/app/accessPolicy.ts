/**
 * What the signed-in role may read and do, for the pages: a page asks for a protected field only when the
 * role may read it (`question @include(if: $caseText)`: the API refuses the whole answer otherwise), and
 * shows a button only when the role may use it. The same families as server/platform/auth/access-policy.ts
 * (tests/unit/client-access.test.ts keeps the two equal); the server stays the one that enforces them.
 */
export interface Access {
  roles: readonly string[];
  /** CONTACT_DETAILS: e-mail, phone and notes about people. */
  contactDetails: boolean;
  /** CASE_TEXT: a case's question, timeline notes and reasons, sprint outcomes, digest bodies. */
  caseText: boolean;
  /** CASE_WORK: intake, status changes, proposals, matching, sending digests. */
  caseWork: boolean;
  /** OUTREACH_WORK: logging contacts, mapping status, agreements. */
  outreachWork: boolean;
  /** NETWORK_WORK: changing ties. */
  networkWork: boolean;
  /** DATA_TRANSFER: spreadsheet import and export. */
  dataTransfer: boolean;
  /** PORTAL: the institution portal (one's own programmes' and courses' cases, agreements, proposals, sprints). */
  portal: boolean;
  /** PERSONAL_DATA_EXPORT: everything held about a person, as a file (the person page's download). */
  personalDataExport: boolean;
}

const familyRoles = {
  contactDetails: ["ADMIN", "COORDINATOR"],
  caseText: ["ADMIN", "COORDINATOR"],
  caseWork: ["ADMIN", "COORDINATOR"],
  outreachWork: ["ADMIN", "COORDINATOR"],
  networkWork: ["ADMIN", "COORDINATOR"],
  dataTransfer: ["ADMIN", "COORDINATOR"],
  portal: ["ADMIN", "INSTITUTION_CONTACT", "TEACHER"],
  personalDataExport: ["ADMIN", "COORDINATOR"],
} as const satisfies Record<Exclude<keyof Access, "roles">, readonly string[]>;

/** The families of access-policy.ts that each Access flag stands for (checked by the unit test). */
export const accessFlagFamilies = {
  contactDetails: "CONTACT_DETAILS",
  caseText: "CASE_TEXT",
  caseWork: "CASE_WORK",
  outreachWork: "OUTREACH_WORK",
  networkWork: "NETWORK_WORK",
  dataTransfer: "DATA_TRANSFER",
  portal: "PORTAL",
  personalDataExport: "PERSONAL_DATA_EXPORT",
} as const satisfies Record<keyof typeof familyRoles, string>;

export function accessFor(roles: readonly string[]): Access {
  const may = (allowed: readonly string[]): boolean => roles.some((r) => allowed.includes(r));
  return {
    roles,
    contactDetails: may(familyRoles.contactDetails),
    caseText: may(familyRoles.caseText),
    caseWork: may(familyRoles.caseWork),
    outreachWork: may(familyRoles.outreachWork),
    networkWork: may(familyRoles.networkWork),
    dataTransfer: may(familyRoles.dataTransfer),
    portal: may(familyRoles.portal),
    personalDataExport: may(familyRoles.personalDataExport),
  };
}

/** The institution portal's roles (server/platform/auth/roles.ts, PORTAL_ROLES): their accounts see only the portal page. */
export const PORTAL_ROLES = ["INSTITUTION_CONTACT", "TEACHER"] as const;

/** True for an account whose every role is a portal role: the navigation shows only the portal, and "/" opens it. */
export function isPortalOnly(roles: readonly string[]): boolean {
  return roles.length > 0 && roles.every((r) => (PORTAL_ROLES as readonly string[]).includes(r));
}

/**
 * Ids of synthetic nodes, derived from their index so that the same seed gives the same ids:
 * "p-000123" is person 123. The width is fixed per label so ids also sort in index order.
 */
const pad = (prefix: string, width: number) => (index: number) => `${prefix}${String(index).padStart(width, "0")}`;

export const workspaceId = "ws-synthetic";
export const personId = pad("p-", 6);
export const institutionId = pad("inst-", 4);
export const programmeId = pad("prog-", 5);
export const courseId = pad("course-", 6);
export const partnerId = pad("partner-", 3);
export const smeId = pad("sme-", 6);
export const caseId = pad("case-", 6);
export const sprintId = pad("sprint-", 6);

export function teachingPeriodId(institution: number, period: number): string {
  return `${institutionId(institution)}-tp${period + 1}`;
}

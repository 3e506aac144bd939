/**
 * What a valid value is, per field of the graph model (schema/graph.graphql). The generated
 * create/update mutations are checked against these before they run (validate-graph-input.ts);
 * docs/security.md lists them. Fields not named here still get the defaults: `name`/`title` are
 * required single lines, other strings are text up to MAX_TEXT, with no control characters.
 */
export const MAX_LINE = 200;
export const MAX_TEXT = 10_000;
export const MAX_LABELS = 50;
export const MAX_LABEL_LENGTH = 100;
export const MAX_ID_LENGTH = 200;

export type FieldRule =
  | { kind: "name"; max: number }
  | { kind: "line"; max: number }
  | { kind: "text"; max: number }
  | { kind: "email" }
  | { kind: "phone" }
  | { kind: "url" }
  | { kind: "kvk" }
  | { kind: "academicYear" }
  | { kind: "int"; min: number; max: number }
  | { kind: "float"; minExclusive?: number; min?: number; max: number }
  | { kind: "labels"; maxItems: number; maxLength: number };

const line = (max = MAX_LINE): FieldRule => ({ kind: "line", max });
const labels: FieldRule = { kind: "labels", maxItems: MAX_LABELS, maxLength: MAX_LABEL_LENGTH };

export const fieldRules: Record<string, Record<string, FieldRule>> = {
  Workspace: { region: line(100) },
  Institution: { shortName: line(50), city: line(100), website: { kind: "url" } },
  TeachingPeriod: { academicYear: { kind: "academicYear" } },
  Course: { studyYear: { kind: "int", min: 1, max: 8 }, themes: labels },
  Sme: { kvkNumber: { kind: "kvk" }, sector: line(100), city: line(100) },
  Person: {
    email: { kind: "email" },
    phone: { kind: "phone" },
    jobTitle: line(),
    digestEveryDays: { kind: "int", min: 1, max: 365 },
  },
  Knows: { strength: { kind: "float", minExclusive: 0, max: 1 } },
  Case: { topics: labels },
  CaseEvent: { by: line(MAX_ID_LENGTH) },
  Agreement: { casesPerPeriod: { kind: "int", min: 0, max: 1000 } },
  Sprint: { teamSize: { kind: "int", min: 1, max: 100 }, smeRating: { kind: "int", min: 1, max: 5 } },
};

/** The rule for a field: the table, else the defaults by name and type. */
export function ruleFor(typeName: string, fieldName: string, scalar: string): FieldRule | undefined {
  const explicit = fieldRules[typeName]?.[fieldName];
  if (explicit) return explicit;
  if (scalar !== "String") return undefined;
  if (fieldName === "name" || fieldName === "title") return { kind: "name", max: MAX_LINE };
  return { kind: "text", max: MAX_TEXT };
}

/** Pairs of fields where the first may not come after the second. */
export const dateOrder: Record<string, Array<{ start: string; end: string; message: string }>> = {
  Case: [{ start: "earliestStart", end: "deadline", message: "The deadline is before the earliest start." }],
  TeachingPeriod: [{ start: "startDate", end: "endDate", message: "The period ends before it starts." }],
  Agreement: [{ start: "validFrom", end: "validTo", message: "The agreement ends (validTo) before it starts (validFrom)." }],
  Sprint: [{ start: "startDate", end: "endDate", message: "The sprint ends before it starts." }],
  Proposal: [{ start: "sentAt", end: "expiresAt", message: "The proposal expires before it was sent." }],
};

import {
  AgreementScope,
  CaseStatus,
  CourseKind,
  EducationLevel,
  Effort,
  InteractionChannel,
  InteractionResult,
  MappingStatus,
  PartnerKind,
  ProgrammeLevel,
  SmeSize,
  TieChannel,
} from "../../platform/model/graph-enums.js";

/**
 * The spreadsheet formats the import reads, one per file, in the order they are read (a row may
 * refer to ids from earlier files or already in the database). docs/spreadsheets.md documents the
 * same columns; tests/unit/spreadsheets-formats.test.ts keeps the two in step.
 */
export type ColumnType =
  | "id"
  | "text"
  | "integer"
  | "number"
  | "boolean"
  | "date"
  | "datetime"
  | "enum"
  | "list"
  | "enumList"
  | "idList"
  | "kvk"
  | "email";

/** The labels a reference column can point at. */
export type RefLabel = "Institution" | "TeachingPeriod" | "Partner" | "Programme" | "Course" | "Person" | "Workspace" | "Sme";

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  required?: boolean;
  values?: readonly string[];
  /** For id and idList columns that point at other nodes. */
  refersTo?: RefLabel;
  /** Inclusive bounds for integer and number columns; `minExclusive` for strength's (0, 1]. */
  min?: number;
  max?: number;
  minExclusive?: boolean;
}

export type FileName =
  | "institutions.csv"
  | "teaching-periods.csv"
  | "partners.csv"
  | "programmes.csv"
  | "courses.csv"
  | "people.csv"
  | "agreements.csv"
  | "interactions.csv"
  | "ties.csv"
  | "smes.csv"
  | "cases.csv";

export interface FileSpec {
  file: FileName;
  columns: ColumnSpec[];
}

/** The statuses a case may have when the import creates it (later states need proposals and sprints). */
export const IMPORTABLE_CASE_STATUSES = [CaseStatus.INTAKE, CaseStatus.QUALIFIED, CaseStatus.CLOSED] as const;

export const fileSpecs: FileSpec[] = [
  {
    file: "institutions.csv",
    columns: [
      { name: "id", type: "id", required: true },
      { name: "name", type: "text", required: true },
      { name: "kind", type: "enum", required: true, values: Object.values(EducationLevel) },
      { name: "shortName", type: "text" },
      { name: "city", type: "text" },
      { name: "website", type: "text" },
    ],
  },
  {
    file: "teaching-periods.csv",
    columns: [
      { name: "id", type: "id", required: true },
      { name: "institutionId", type: "id", required: true, refersTo: "Institution" },
      { name: "name", type: "text", required: true },
      { name: "academicYear", type: "text", required: true },
      { name: "startDate", type: "date", required: true },
      { name: "endDate", type: "date", required: true },
    ],
  },
  {
    file: "partners.csv",
    columns: [
      { name: "id", type: "id", required: true },
      { name: "name", type: "text", required: true },
      { name: "kind", type: "enum", required: true, values: Object.values(PartnerKind) },
    ],
  },
  {
    file: "programmes.csv",
    columns: [
      { name: "id", type: "id", required: true },
      { name: "name", type: "text", required: true },
      { name: "level", type: "enum", required: true, values: Object.values(ProgrammeLevel) },
      { name: "institutionId", type: "id", required: true, refersTo: "Institution" },
      { name: "mappingStatus", type: "enum", values: Object.values(MappingStatus) },
    ],
  },
  {
    file: "courses.csv",
    columns: [
      { name: "id", type: "id", required: true },
      { name: "name", type: "text", required: true },
      { name: "kind", type: "enum", required: true, values: Object.values(CourseKind) },
      { name: "programmeId", type: "id", required: true, refersTo: "Programme" },
      { name: "studyYear", type: "integer", min: 1, max: 6 },
      { name: "themes", type: "list" },
      { name: "periodIds", type: "idList", refersTo: "TeachingPeriod" },
      { name: "mappingStatus", type: "enum", values: Object.values(MappingStatus) },
    ],
  },
  {
    file: "people.csv",
    columns: [
      { name: "id", type: "id", required: true },
      { name: "name", type: "text", required: true },
      { name: "email", type: "email" },
      { name: "phone", type: "text" },
      { name: "jobTitle", type: "text" },
      { name: "note", type: "text" },
      { name: "teaches", type: "idList", refersTo: "Course" },
      { name: "coordinates", type: "idList", refersTo: "Programme" },
      { name: "directs", type: "idList", refersTo: "Programme" },
      { name: "deanOf", type: "idList", refersTo: "Institution" },
      { name: "boardMemberOf", type: "idList", refersTo: "Institution" },
      { name: "worksAt", type: "idList", refersTo: "Partner" },
      { name: "coordinatorOf", type: "idList", refersTo: "Workspace" },
    ],
  },
  // Agreements and the outreach log (#17 part 2) refer to people, courses, programmes and institutions. The log comes
  // before ties.csv, so that a tie the sheet states ends as the sheet says and a second import changes nothing.
  {
    file: "agreements.csv",
    columns: [
      { name: "id", type: "id", required: true },
      { name: "scope", type: "enum", required: true, values: Object.values(AgreementScope) },
      { name: "courses", type: "idList", refersTo: "Course" },
      { name: "programmes", type: "idList", refersTo: "Programme" },
      { name: "institutions", type: "idList", refersTo: "Institution" },
      { name: "assignmentTypes", type: "enumList", values: Object.values(CourseKind) },
      // The same bounds as the GraphQL mutations (server/platform/validation/input-rules.ts, Agreement).
      { name: "casesPerPeriod", type: "integer", min: 0, max: 1000 },
      { name: "planning", type: "text" },
      { name: "process", type: "text" },
      { name: "supervision", type: "text" },
      { name: "structural", type: "boolean" },
      { name: "signedOn", type: "date" },
      { name: "validFrom", type: "date", required: true },
      { name: "validTo", type: "date" },
      { name: "signedBy", type: "idList", refersTo: "Person" },
      { name: "workspaceId", type: "id", refersTo: "Workspace" },
    ],
  },
  {
    file: "interactions.csv",
    columns: [
      { name: "id", type: "id", required: true },
      { name: "by", type: "id", required: true, refersTo: "Person" },
      { name: "with", type: "id", required: true, refersTo: "Person" },
      { name: "date", type: "date", required: true },
      { name: "channel", type: "enum", required: true, values: Object.values(InteractionChannel) },
      { name: "result", type: "enum", values: Object.values(InteractionResult) },
      { name: "note", type: "text" },
      { name: "aboutProgramme", type: "id", refersTo: "Programme" },
      { name: "aboutCourse", type: "id", refersTo: "Course" },
      { name: "introducedBy", type: "id", refersTo: "Person" },
    ],
  },
  {
    file: "ties.csv",
    columns: [
      { name: "personA", type: "id", required: true, refersTo: "Person" },
      { name: "personB", type: "id", required: true, refersTo: "Person" },
      { name: "strength", type: "number", required: true, min: 0, max: 1, minExclusive: true },
      { name: "channel", type: "enum", required: true, values: Object.values(TieChannel) },
      { name: "since", type: "date" },
      { name: "lastContact", type: "date" },
      { name: "note", type: "text" },
      { name: "manual", type: "boolean" },
    ],
  },
  {
    file: "smes.csv",
    columns: [
      { name: "id", type: "id" },
      { name: "name", type: "text", required: true },
      { name: "kvkNumber", type: "kvk" },
      { name: "sector", type: "text" },
      { name: "size", type: "enum", values: Object.values(SmeSize) },
      { name: "city", type: "text" },
      { name: "contactPersonId", type: "id", refersTo: "Person" },
    ],
  },
  {
    file: "cases.csv",
    columns: [
      { name: "id", type: "id", required: true },
      { name: "title", type: "text", required: true },
      { name: "smeId", type: "id", refersTo: "Sme" },
      { name: "smeKvkNumber", type: "kvk" },
      { name: "question", type: "text" },
      { name: "topics", type: "list" },
      { name: "wantedLevels", type: "enumList", values: Object.values(EducationLevel) },
      { name: "effort", type: "enum", values: Object.values(Effort) },
      { name: "earliestStart", type: "date" },
      { name: "deadline", type: "date" },
      { name: "status", type: "enum", values: Object.values(CaseStatus) },
      { name: "closeReason", type: "text" },
      { name: "created", type: "datetime" },
      { name: "coordinatorId", type: "id", refersTo: "Person" },
      // A referral belongs to the case (docs/data-model.md), so it is a column of the case's row.
      { name: "referringPartnerId", type: "id", refersTo: "Partner" },
      { name: "referralDate", type: "date" },
      { name: "referringPersonId", type: "id", refersTo: "Person" },
    ],
  },
];

export function specOf(file: FileName): FileSpec {
  const spec = fileSpecs.find((s) => s.file === file);
  if (!spec) throw new Error(`No format for ${file}`);
  return spec;
}

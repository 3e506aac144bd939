import { getMetadataStorage, registerEnumType } from "type-graphql";

/**
 * The schema's enumerations (schema/graph.graphql) as typed value lists, and their type-graphql
 * registration. tests/unit/spreadsheets-formats.test.ts checks these lists against the schema file.
 */
export const MAPPING_STATUSES = ["NOT_APPROACHED", "APPROACHED", "RESPONDED", "EXAMPLES_RECEIVED", "AGREEMENT"] as const;
export type MappingStatus = (typeof MAPPING_STATUSES)[number];

export const INTERACTION_CHANNELS = ["WARM_INTRODUCTION", "EMAIL", "PHONE", "MEETING", "WEBSITE", "LINKEDIN", "EVENT", "SPRINT"] as const;
export type InteractionChannel = (typeof INTERACTION_CHANNELS)[number];

export const INTERACTION_RESULTS = ["NO_REPLY", "REPLIED", "INTERESTED", "NOT_NOW", "DECLINED", "AGREED"] as const;
export type InteractionResult = (typeof INTERACTION_RESULTS)[number];

export const CASE_STATUSES = ["INTAKE", "QUALIFIED", "PROPOSED", "MATCHED", "IN_SPRINT", "COMPLETED", "CLOSED"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const EDUCATION_LEVELS = ["WO", "HBO", "MBO"] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const PROGRAMME_LEVELS = ["BACHELOR", "MASTER", "ASSOCIATE_DEGREE", "MBO_2", "MBO_3", "MBO_4"] as const;
export const COURSE_KINDS = ["COURSE", "PROJECT", "MINOR", "INTERNSHIP", "GRADUATION"] as const;
export const TIE_CHANNELS = ["COLLEAGUE", "WARM_INTRODUCTION", "EVENT", "WEBSITE", "LINKEDIN", "SPRINT", "OTHER"] as const;
export const PARTNER_KINDS = ["BANK", "CHAMBER_OF_COMMERCE", "EVENT", "NETWORK", "OTHER"] as const;
export const SME_SIZES = ["MICRO", "SMALL", "MEDIUM"] as const;
export const EFFORTS = ["SMALL", "SPRINT", "SEMESTER"] as const;

const exposed = {
  MappingStatus: MAPPING_STATUSES,
  InteractionChannel: INTERACTION_CHANNELS,
  InteractionResult: INTERACTION_RESULTS,
  CaseStatus: CASE_STATUSES,
  EducationLevel: EDUCATION_LEVELS,
} as const;
export type ExposedEnumName = keyof typeof exposed;

/**
 * The type-graphql enum object for one of the schema's enums. Other domains may register the same
 * GraphQL enum from their own object; two registrations of one name used in one schema make
 * graphql-js refuse it ("uniquely named types"). So we register ours only when nobody has, and the
 * field type functions (evaluated lazily, when the schema is built and every module has loaded)
 * use the last registration of that name — whoever made it. All carry the same string values.
 */
export function domainEnum(name: ExposedEnumName): object {
  const found = getMetadataStorage().enums.filter((e) => e.name === name).at(-1);
  if (found) return found.enumObj;
  const values = exposed[name];
  const enumObj: Record<string, string> = Object.fromEntries(values.map((v) => [v, v]));
  registerEnumType(enumObj, { name });
  return enumObj;
}

/** Registers our enums at import time (when no one else has), so `domainEnum` finds one at build time. */
export function registerDomainEnums(): void {
  for (const name of Object.keys(exposed) as ExposedEnumName[]) domainEnum(name);
}

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (values as readonly string[]).includes(value);
}

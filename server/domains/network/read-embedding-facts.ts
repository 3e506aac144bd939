import type { Database } from "../../platform/neo4j/database.js";
import type { EmbeddingActivity } from "./EmbeddingTypes.js";
import { READ_INSTITUTION_FACTS, READ_PROGRAMME_FACTS } from "./statements.js";

/**
 * The facts the ladder and the activity figures rest on, read per programme or institution in
 * one query (also for all of them at once, for the refresh). "Active on d": validFrom ≤ d and
 * (no validTo or validTo ≥ d). A sprint "ran in the 12 months up to d" when its status is RUNNING
 * or COMPLETED and its start (its startDate, else its teaching period's) lies in (d − 1 year, d].
 * A proposal is "open on d" when sent on or before d, not expired by d (expiresAt after d), not
 * answered by d and not withdrawn by d (its case matched or closed; withdrawnAt after d or none).
 */

export interface ProgrammeFacts {
  id: string;
  name: string;
  institutionId: string | null;
  institutionName: string | null;
  /** R(P): teachers of its courses, its coordinators and directors. */
  roleHolderIds: string[];
  /** Coordinators and directors of P with a warm tie to W (or in W themselves). */
  managementWithWarmTie: string[];
  /** Coordinators and directors of P who signed an agreement for P or one of its courses, active on asOf. */
  managementWhoSigned: string[];
  /** Structural agreements covering a course of P, active on asOf. */
  structuralAgreements: string[];
  /** Distinct teaching periods of P's sprints that ran in the 12 months up to asOf. */
  sprintPeriods: string[];
  /** Institution-level agreements of P's institution signed by its dean or a board member, active on asOf. */
  boardAgreements: string[];
  /**
   * Active institution contacts (#18): role holders of P, or deans of its institution, who claimed or forwarded a case
   * through the institution portal in the ACTIVE_CONTACT_DAYS up to asOf.
   */
  activeContacts: string[];
  /** Those of them who coordinate or direct P, or are dean of its institution (they count for rung 3). */
  activeManagementContacts: string[];
  activity: EmbeddingActivity;
  activityYearEarlier: EmbeddingActivity;
}

export interface InstitutionFacts {
  id: string;
  name: string;
  programmeIds: string[];
  /** R(I): every role at the institution, deans and board members included. */
  roleHolderIds: string[];
  activity: EmbeddingActivity;
  activityYearEarlier: EmbeddingActivity;
}

/**
 * The window of an active institution contact (#18, docs/network-analytics.md "Active institution contacts"): a claim
 * or forward through the portal at most this many days before asOf counts.
 */
export const ACTIVE_CONTACT_DAYS = 180;

const sortedIds = (value: unknown): string[] => [...new Set((value as string[] | null) ?? [])].sort();

function toActivity(value: unknown): EmbeddingActivity {
  const v = (value ?? {}) as Record<string, unknown>;
  return { sprints: Number(v.sprints ?? 0), agreements: Number(v.agreements ?? 0), openProposals: Number(v.openProposals ?? 0) };
}

/**
 * `without` (impactIfGone): the facts as if that person were detached — not a role holder, not a
 * manager with a tie or a signature, not a signer of a board agreement (pass `coordinators` without
 * them too). Agreements, sprints and proposals themselves stay, as they would after a DETACH DELETE.
 */
export async function readProgrammeFacts(
  db: Database,
  params: { programmes: string[] | null; coordinators: string[]; threshold: number; asOf: string; without?: string | null },
): Promise<ProgrammeFacts[]> {
  const without = params.without ?? null;
  const rows = await db.read(READ_PROGRAMME_FACTS, { ...params, without, activeContactDays: ACTIVE_CONTACT_DAYS });
  const ids = (value: unknown) => sortedIds(value).filter((id) => id !== without);
  return rows.map((row) => ({
    id: String(row.id),
    name: String(row.name ?? ""),
    institutionId: (row.institutionId as string | null) ?? null,
    institutionName: (row.institutionName as string | null) ?? null,
    roleHolderIds: ids(row.roleHolderIds),
    managementWithWarmTie: ids(row.managementWithWarmTie),
    managementWhoSigned: ids(row.managementWhoSigned),
    structuralAgreements: sortedIds(row.structuralAgreements),
    sprintPeriods: sortedIds(row.sprintPeriods),
    boardAgreements: sortedIds(row.boardAgreements),
    activeContacts: ids(row.activeContacts),
    activeManagementContacts: ids(row.activeManagementContacts),
    activity: toActivity(row.activity),
    activityYearEarlier: toActivity(row.activityYearEarlier),
  }));
}

export async function readInstitutionFacts(
  db: Database,
  params: { institutions: string[] | null; asOf: string; without?: string | null },
): Promise<InstitutionFacts[]> {
  const rows = await db.read(READ_INSTITUTION_FACTS, { institutions: params.institutions, asOf: params.asOf });
  return rows.map((row) => ({
    id: String(row.id),
    name: String(row.name ?? ""),
    programmeIds: sortedIds(row.programmeIds),
    roleHolderIds: sortedIds(row.roleHolderIds).filter((id) => id !== (params.without ?? null)),
    activity: toActivity(row.activity),
    activityYearEarlier: toActivity(row.activityYearEarlier),
  }));
}

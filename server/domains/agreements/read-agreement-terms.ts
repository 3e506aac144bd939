import type { Tx } from "../../platform/neo4j/database.js";
import { READ_AGREEMENT_TERMS } from "./statements.js";

/**
 * Every agreement's terms, keyed by the element id of what it covers (a course, programme or
 * institution): [validFrom, validTo, casesPerPeriod], dates as YYYY-MM-DD (null: open). Agreements
 * are few (about one per course with an agreement), so the suggestion query gets them as a map
 * parameter and looks each course's terms up instead of walking to them per course; element ids
 * are read fresh with every query, and looking them up reads no property.
 */
export type AgreementTerm = [validFrom: string | null, validTo: string | null, casesPerPeriod: number | null];
export type AgreementTerms = Record<string, AgreementTerm[]>;

export async function readAgreementTerms(tx: Tx): Promise<AgreementTerms> {
  const rows = await tx.run(READ_AGREEMENT_TERMS);
  const terms: AgreementTerms = {};
  for (const row of rows) {
    const key = String(row.key);
    (terms[key] ??= []).push([
      (row.validFrom as string | null) ?? null,
      (row.validTo as string | null) ?? null,
      row.cap === null || row.cap === undefined ? null : Number(row.cap),
    ]);
  }
  return terms;
}

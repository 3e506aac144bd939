import type { Database } from "../../platform/neo4j/database.js";
import { EXPORT_PERSON } from "./statements.js";

/**
 * Everything the graph holds about one person, for a data subject's request (GDPR art. 15/20):
 * the person's properties; every relationship other than ties (roles such as TEACHES or DEAN_OF,
 * proposals received, agreements signed, sprints supervised, …) with its properties and the other
 * end named; the ties (KNOWS, with strength, channel, dates, note) and who they are with; the
 * interactions the person initiated or was the subject of, with their notes; the cases of SMEs
 * they are a contact for and the cases they handle; case timeline entries they made; and the user
 * accounts linked to them (without password hashes); the cases they claimed or forwarded through the portal, with
 * their notes; the questions they sent through the public form (question, how they heard of us, consent). Plain
 * JSON-ready values; undefined when
 * there is no such person.
 */
export interface PersonExport {
  person: Record<string, unknown>;
  relationships: unknown[];
  ties: unknown[];
  interactions: unknown[];
  casesAsContact: unknown[];
  casesHandled: unknown[];
  caseEvents: unknown[];
  userAccounts: unknown[];
  portalProposals: unknown[];
  /** Questions the person sent through the public form (#18): the question, how they heard of us, the consent. */
  submissions: unknown[];
}

export async function exportPerson(db: Database, id: string): Promise<PersonExport | undefined> {
  const rows = await db.read(EXPORT_PERSON, { id });
  const row = rows[0];
  if (!row) return undefined;
  return {
    person: row.person as Record<string, unknown>,
    relationships: (row.relationships as unknown[]) ?? [],
    ties: (row.ties as unknown[]) ?? [],
    interactions: (row.interactions as unknown[]) ?? [],
    casesAsContact: (row.casesAsContact as unknown[]) ?? [],
    casesHandled: (row.casesHandled as unknown[]) ?? [],
    caseEvents: (row.caseEvents as unknown[]) ?? [],
    userAccounts: (row.userAccounts as unknown[]) ?? [],
    portalProposals: (row.portalProposals as unknown[]) ?? [],
    submissions: (row.submissions as unknown[]) ?? [],
  };
}

import type { Database } from "../../platform/neo4j/database.js";
import { toCsv } from "./export-cases-csv.js";
import { EXPORT_CONTACTS } from "./statements.js";

/**
 * The columns of the contact list. Personal data (name, e-mail, phone): see docs/spreadsheets.md.
 * The id and role columns are people.csv's, so the list reads back in; `roles`, `organisations`
 * and `contactFor` are for people reading it and are ignored by the import. Notes are left out.
 */
export const contactExportColumns = [
  "id",
  "name",
  "email",
  "phone",
  "jobTitle",
  "roles",
  "organisations",
  "teaches",
  "coordinates",
  "directs",
  "deanOf",
  "boardMemberOf",
  "worksAt",
  "coordinatorOf",
  "contactFor",
] as const;

/** Everyone in the graph with their roles and organisations, by name. */
export async function exportContactsCsv(db: Database): Promise<string> {
  const rows = await db.read(EXPORT_CONTACTS);
  const sorted = rows.map((r) => ({
    ...r,
    roles: (r.roles as string[]).join(", "),
    organisations: [...(r.organisations as string[])].sort((a, b) => a.localeCompare(b)),
    teaches: [...(r.teaches as string[])].sort(),
    coordinates: [...(r.coordinates as string[])].sort(),
    directs: [...(r.directs as string[])].sort(),
    deanOf: [...(r.deanOf as string[])].sort(),
    boardMemberOf: [...(r.boardMemberOf as string[])].sort(),
    worksAt: [...(r.worksAt as string[])].sort(),
    coordinatorOf: [...(r.coordinatorOf as string[])].sort(),
    contactFor: [...(r.contactFor as string[])].sort(),
  }));
  return toCsv(sorted, contactExportColumns);
}

import type { Row } from "../../platform/neo4j/database.js";
import type { OutreachInteraction } from "./outreach-types.js";

const unknownPerson = { id: "", name: "(unknown)", email: null };

/** An interaction as the statements project it (INTERACTION_PROJECTION, statements.ts), in the API's shape. */
export function toOutreachInteraction(value: unknown): OutreachInteraction {
  const row = value as Row;
  return {
    id: String(row.id),
    date: String(row.date),
    channel: row.channel as OutreachInteraction["channel"],
    result: (row.result ?? null) as OutreachInteraction["result"],
    note: (row.note ?? null) as string | null,
    by: (row.by ?? unknownPerson) as OutreachInteraction["by"],
    with: (row.with ?? unknownPerson) as OutreachInteraction["with"],
    aboutProgramme: (row.aboutProgramme ?? null) as OutreachInteraction["aboutProgramme"],
    aboutCourse: (row.aboutCourse ?? null) as OutreachInteraction["aboutCourse"],
    introducedBy: (row.introducedBy ?? null) as OutreachInteraction["introducedBy"],
  };
}

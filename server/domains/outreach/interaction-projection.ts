import type { Row } from "../../platform/neo4j/database.js";
import type { OutreachInteraction } from "./outreach-types.js";

/**
 * The Cypher map projection of an interaction bound to `x`, in the shape of OutreachInteraction.
 * logInteraction records one initiator and one person contacted; should imported data hold more,
 * one of them is shown.
 */
export const interactionProjection = `x {
  .id, date: toString(x.date), .channel, .result, .note,
  by: head([(b:Person)-[:INITIATED]->(x) | b {.id, .name, .email}]),
  with: head([(x)-[:WITH]->(w:Person) | w {.id, .name, .email}]),
  aboutProgramme: head([(x)-[:ABOUT]->(ap:Programme) | ap {.id, .name}]),
  aboutCourse: head([(x)-[:ABOUT]->(ac:Course) | ac {.id, .name}])
}`;

/** Sort order of the log: newest date first; on one date, the latest logged first. */
export const interactionOrder = "x.date DESC, coalesce(x.loggedAt, datetime('1970-01-01T00:00:00Z')) DESC, x.id DESC";

const unknownPerson = { id: "", name: "(unknown)", email: null };

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
  };
}

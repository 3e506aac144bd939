import type { Database } from "../neo4j/database.js";
import { applyInteractionToTie, type TieUpdate } from "./apply-interaction-to-tie.js";
import { badUserInput, checkIsoDate, checkStrength, notFound, today } from "./check-network-input.js";

/** The schema's InteractionChannel and InteractionResult values (schema/graph.graphql). */
export const INTERACTION_CHANNEL_VALUES = ["WARM_INTRODUCTION", "EMAIL", "PHONE", "MEETING", "WEBSITE", "LINKEDIN", "EVENT", "SPRINT"] as const;
export const INTERACTION_RESULT_VALUES = ["NO_REPLY", "REPLIED", "INTERESTED", "NOT_NOW", "DECLINED", "AGREED"] as const;
export const TIE_CHANNEL_VALUES = ["COLLEAGUE", "WARM_INTRODUCTION", "EVENT", "WEBSITE", "LINKEDIN", "SPRINT", "OTHER"] as const;

export interface RecordInteractionInput {
  by: string;
  with: string;
  date: string;
  channel: string;
  result?: string | null;
  note?: string | null;
  programme?: string | null;
  course?: string | null;
  /** Reference date for recency and for "not in the future" (default today). */
  asOf?: string | null;
}

export interface RecordedInteractionView {
  interactionId: string;
  date: string;
  channel: string;
  result: string | null;
  tie: TieUpdate;
}

export function checkOneOf(values: readonly string[], value: string, field: string): string {
  if (!values.includes(value)) throw badUserInput(field, `${field} must be one of ${values.join(", ")}; got "${value}".`);
  return value;
}

/**
 * Records an interaction and applies it to the tie, in ONE write transaction: the Interaction
 * node with INITIATED/WITH (and ABOUT a programme or course when given), then
 * applyInteractionToTie. Either both are stored or neither.
 */
export async function recordInteraction(db: Database, input: RecordInteractionInput): Promise<RecordedInteractionView> {
  const asOf = input.asOf ? checkIsoDate(input.asOf, "asOf") : today();
  const date = checkIsoDate(input.date, "date");
  if (date > asOf) throw badUserInput("date", `date ${date} lies after ${asOf}; record interactions that happened.`);
  const channel = checkOneOf(INTERACTION_CHANNEL_VALUES, input.channel, "channel");
  const result = input.result ? checkOneOf(INTERACTION_RESULT_VALUES, input.result, "result") : null;
  if (input.by === input.with) throw badUserInput("with", "An interaction is between two different people.");

  return db.writeTx(async (tx) => {
    const found = (
      await tx.run(
        `OPTIONAL MATCH (b:Person {id: $by})
         OPTIONAL MATCH (w:Person {id: $with})
         OPTIONAL MATCH (p:Programme {id: $programme})
         OPTIONAL MATCH (c:Course {id: $course})
         RETURN b IS NOT NULL AS by, w IS NOT NULL AS with, p IS NOT NULL AS programme, c IS NOT NULL AS course`,
        { by: input.by, with: input.with, programme: input.programme ?? null, course: input.course ?? null },
      )
    )[0]!;
    if (!found.by) throw notFound("by", `No person has id "${input.by}".`);
    if (!found.with) throw notFound("with", `No person has id "${input.with}".`);
    if (input.programme && !found.programme) throw notFound("programme", `No programme has id "${input.programme}".`);
    if (input.course && !found.course) throw notFound("course", `No course has id "${input.course}".`);

    const created = await tx.run(
      `MATCH (b:Person {id: $by}), (w:Person {id: $with})
       CREATE (b)-[:INITIATED]->(x:Interaction {id: randomUUID(), date: date($date), channel: $channel, loggedAt: datetime()})-[:WITH]->(w)
       SET x.result = $result, x.note = $note
       WITH x
       CALL (x) { MATCH (p:Programme {id: $programme}) CREATE (x)-[:ABOUT]->(p) }
       CALL (x) { MATCH (c:Course {id: $course}) CREATE (x)-[:ABOUT]->(c) }
       RETURN x.id AS id`,
      {
        by: input.by,
        with: input.with,
        date,
        channel,
        result,
        note: input.note?.trim() ? input.note.trim() : null,
        programme: input.programme ?? null,
        course: input.course ?? null,
      },
    );
    const tie = await applyInteractionToTie(tx, input.by, input.with, date, { channel, asOf });
    return { interactionId: String(created[0]!.id), date, channel, result, tie };
  });
}

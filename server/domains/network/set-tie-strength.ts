import type { Database } from "../../platform/neo4j/database.js";
import { checkOneOf, checkStrength } from "./check-network-input.js";
import type { TieState } from "./WarmPathTypes.js";
import { TieChannel } from "../../platform/model/graph-enums.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { LOCK_PAIR, SET_TIE_STRENGTH } from "./statements.js";
import { recordDomainEdits, type EditAuthor } from "../history/index.js";

export interface SetTieStrengthInput {
  a: string;
  b: string;
  strength: number;
  channel?: string | null;
  /** Why the coordinator judges the tie so: kept as the tie's note, in the same transaction. */
  reason?: string | null;
}

/** The longest reason kept (a note, as the client's field allows). */
export const MAX_TIE_REASON = 2000;

/**
 * A coordinator's own judgement of a tie: sets the strength and marks it manual, so interactions
 * update its lastContact but no longer its strength. Creates the tie (a → b) when there is none.
 */
export async function setTieStrength(db: Database, input: SetTieStrengthInput, author?: EditAuthor): Promise<TieState> {
  const strength = checkStrength(input.strength, "strength");
  if (strength === 0)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, "strength must be more than 0; a tie of strength 0 is no tie.", "strength");
  const channel = input.channel ? checkOneOf(Object.values(TieChannel), input.channel, "channel") : null;
  if (input.a === input.b) throw new DomainError(ErrorCode.BAD_USER_INPUT, "A tie is between two different people.", "b");
  const reason = input.reason?.trim() ? input.reason.trim() : null;
  if (input.reason !== undefined && input.reason !== null && !reason)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, "reason: give the reason in words, or leave it out.", "reason");
  if (reason && reason.length > MAX_TIE_REASON)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `reason: at most ${MAX_TIE_REASON} characters.`, "reason");
  return db.writeTx(async (tx) => {
    const people = await tx.run(LOCK_PAIR, { ids: [input.a, input.b] });
    const found = new Set(people.map((r) => String(r.id)));
    if (!found.has(input.a)) throw new DomainError(ErrorCode.NOT_FOUND, `No person has id "${input.a}".`, "a");
    if (!found.has(input.b)) throw new DomainError(ErrorCode.NOT_FOUND, `No person has id "${input.b}".`, "b");
    const rows = await tx.run(SET_TIE_STRENGTH, { a: input.a, b: input.b, strength, channel, reason });
    const tie = rows[0]!;
    if (author) {
      // The history shows the judgement on a's page like a generic edit of the tie: this one link, before → after.
      const before = (tie.before as Record<string, unknown> | null) ?? null;
      const edge = (props: Record<string, unknown> | null) =>
        props
          ? {
              strength: props.strength ?? null,
              manual: props.manual ?? null,
              channel: props.channel ?? null,
              note: props.note ?? null,
            }
          : null;
      const after = {
        strength: Number(tie.strength),
        manual: true,
        channel: String(tie.channel),
        note: (tie.note as string | null) ?? null,
      };
      await recordDomainEdits(
        tx,
        [
          {
            nodeId: input.a,
            label: "Person",
            operation: "UPDATE",
            changes: [
              {
                field: "knows",
                old: before ? [{ id: input.b, edge: edge(before) }] : [],
                new: [{ id: input.b, edge: after }],
                edge: "Knows",
              },
            ],
          },
        ],
        author,
      );
    }
    return {
      a: input.a,
      b: input.b,
      created: tie.created === true,
      strength: Number(tie.strength),
      manual: tie.manual === true,
      channel: String(tie.channel),
      since: (tie.since as string | null) ?? null,
      lastContact: (tie.lastContact as string | null) ?? null,
    };
  });
}

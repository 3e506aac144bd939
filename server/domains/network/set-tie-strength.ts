import type { Database } from "../../platform/neo4j/database.js";
import { checkOneOf, checkStrength } from "./check-network-input.js";
import type { TieState } from "./WarmPathTypes.js";
import { TieChannel } from "../../platform/model/graph-enums.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { LOCK_PAIR, SET_TIE_STRENGTH } from "./statements.js";

export interface SetTieStrengthInput {
  a: string;
  b: string;
  strength: number;
  channel?: string | null;
}

/**
 * A coordinator's own judgement of a tie: sets the strength and marks it manual, so interactions
 * update its lastContact but no longer its strength. Creates the tie (a → b) when there is none.
 */
export async function setTieStrength(db: Database, input: SetTieStrengthInput): Promise<TieState> {
  const strength = checkStrength(input.strength, "strength");
  if (strength === 0)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, "strength must be more than 0; a tie of strength 0 is no tie.", "strength");
  const channel = input.channel ? checkOneOf(Object.values(TieChannel), input.channel, "channel") : null;
  if (input.a === input.b) throw new DomainError(ErrorCode.BAD_USER_INPUT, "A tie is between two different people.", "b");
  return db.writeTx(async (tx) => {
    const people = await tx.run(LOCK_PAIR, { ids: [input.a, input.b] });
    const found = new Set(people.map((r) => String(r.id)));
    if (!found.has(input.a)) throw new DomainError(ErrorCode.NOT_FOUND, `No person has id "${input.a}".`, "a");
    if (!found.has(input.b)) throw new DomainError(ErrorCode.NOT_FOUND, `No person has id "${input.b}".`, "b");
    const rows = await tx.run(SET_TIE_STRENGTH, { a: input.a, b: input.b, strength, channel });
    const tie = rows[0]!;
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

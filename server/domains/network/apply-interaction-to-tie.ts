import type { Tx } from "../../platform/neo4j/database.js";
import { todayIso } from "../../platform/clock/read-clock.js";
import { deriveTieStrength, interactionEvidence, introductionBase, type CountedInteraction } from "./derive-tie-strength.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import {
  APPLY_INTERACTION_TO_TIE,
  LOCK_PAIR,
  READ_INTERACTIONS_OF_PAIR,
  READ_INTRODUCER_TIES,
  READ_TIE_OF_PAIR,
} from "./statements.js";

/** How an interaction channel names the tie it creates (TieChannel has no EMAIL, PHONE, MEETING). */
const tieChannelOf: Record<string, string> = {
  WARM_INTRODUCTION: "WARM_INTRODUCTION",
  WEBSITE: "WEBSITE",
  LINKEDIN: "LINKEDIN",
  EVENT: "EVENT",
  SPRINT: "SPRINT",
};

export interface TieUpdate {
  fromId: string;
  toId: string;
  /** True when no tie existed and the interaction created one. */
  created: boolean;
  strength: number;
  previousStrength: number | null;
  /** A coordinator set the strength by hand; it was left as it was. */
  manual: boolean;
  baseStrength: number;
  channel: string;
  since: string | null;
  lastContact: string;
  /** Interactions between the two counted (on or before the reference date), whatever their weight. */
  interactions: number;
  evidence: number;
  /** The id of whoever introduced the two, when an introduction set the tie's base. */
  introducedBy: string | null;
}

export interface ApplyInteractionOptions {
  /** The interaction's channel, naming a tie it creates (default OTHER). */
  channel?: string | null;
  /** The reference date for recency (default today, and never before the interaction's date). */
  asOf?: string | null;
  /** A warm introduction: the person who introduced the two (must exist; see introductionBase). */
  introducedBy?: string | null;
}

/**
 * Takes the write lock on both people, in id order, so concurrent writes about one pair
 * serialise instead of deadlocking (creating an Interaction's INITIATED/WITH locks them too: take
 * this first). NOT_FOUND (field `from` / `to`) when one does not exist.
 */
export async function lockPair(tx: Tx, fromId: string, toId: string): Promise<void> {
  const locked = await tx.run(LOCK_PAIR, { ids: [...new Set([fromId, toId])].sort() });
  const found = new Set(locked.map((r) => String(r.id)));
  if (!found.has(fromId)) throw new DomainError(ErrorCode.NOT_FOUND, `No person has id "${fromId}".`, "from");
  if (!found.has(toId)) throw new DomainError(ErrorCode.NOT_FOUND, `No person has id "${toId}".`, "to");
}

/** The pair's interactions, either direction, as the formula reads them. */
export async function readPairInteractions(tx: Tx, fromId: string, toId: string): Promise<CountedInteraction[]> {
  return (await tx.run(READ_INTERACTIONS_OF_PAIR, { fromId, toId })).map((r) => ({
    date: String(r.date),
    channel: (r.channel as string | null) ?? null,
    result: (r.result as string | null) ?? null,
  }));
}

/**
 * Updates the KNOWS tie between two people after an interaction between them, inside the caller's
 * write transaction. Call it AFTER creating the (:Person)-[:INITIATED]->(:Interaction)-[:WITH]->
 * (:Person) in that transaction (and `lockPair` BEFORE creating it): the strength is derived from
 * all interactions of the pair (either direction), the new one included, each by its weight
 * (derive-tie-strength.ts has the formula). server/domains/outreach/log-interaction.ts is the one
 * caller that records interactions.
 *  - No tie yet: one is created (from → to), channel from the interaction, since = date, base 0.
 *  - lastContact becomes the later of its value and `date` (an unanswered attempt included).
 *  - A warm introduction (options.introducedBy) raises the base to introductionBase(the
 *    introducer's ties to the two) when that is higher, and then names the introducer on the tie.
 *  - strength is re-derived unless the tie is manual (a coordinator's value wins); the first time,
 *    the tie's strength until then is kept as its baseStrength.
 * Both people are locked (lockPair; a no-op when the caller already holds the locks).
 */
export async function applyInteractionToTie(
  tx: Tx,
  fromId: string,
  toId: string,
  date: string,
  options: ApplyInteractionOptions = {},
): Promise<TieUpdate> {
  await lockPair(tx, fromId, toId);

  const existing = (await tx.run(READ_TIE_OF_PAIR, { fromId, toId }))[0];
  // From the two people rather than over all interactions: the pair's few, not the whole log.
  const interactions = await readPairInteractions(tx, fromId, toId);

  const asOf = options.asOf ?? todayIso();
  const reference = date > asOf ? date : asOf;
  const counted = interactions.filter((i) => i.date <= reference);
  const evidence = interactionEvidence(counted, reference);
  const previousStrength = existing ? Number(existing.strength) : null;
  const ownBase = existing ? Number(existing.baseStrength ?? existing.strength ?? 0) : 0;
  let base = ownBase;
  let introducedBy: string | null = (existing?.introducedBy as string | null | undefined) ?? null;
  if (options.introducedBy) {
    const ties = (await tx.run(READ_INTRODUCER_TIES, { fromId, toId, introducer: options.introducedBy }))[0];
    const vouched = introductionBase(nullableNumber(ties?.toFrom), nullableNumber(ties?.toWith));
    if (vouched > ownBase || !existing) {
      base = Math.max(ownBase, vouched);
      introducedBy = options.introducedBy;
    }
  }
  const derived = deriveTieStrength(base, evidence);

  const rows = await tx.run(APPLY_INTERACTION_TO_TIE, {
    fromId,
    toId,
    date,
    base,
    derived,
    introducedBy,
    channel: tieChannelOf[options.channel ?? ""] ?? "OTHER",
  });
  const tie = rows[0]!;
  return {
    fromId,
    toId,
    created: existing === undefined,
    strength: Number(tie.strength),
    previousStrength,
    manual: tie.manual === true,
    baseStrength: Number(tie.baseStrength),
    channel: String(tie.channel),
    since: (tie.since as string | null) ?? null,
    lastContact: String(tie.lastContact),
    interactions: counted.length,
    evidence,
    introducedBy: (tie.introducedBy as string | null) ?? null,
  };
}

function nullableNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

import type { Tx } from "../neo4j/database.js";
import type { InteractionChannel } from "./domain-enums.js";

/**
 * The one place where logging an interaction touches the KNOWS tie between the two people.
 *
 * The tie rule (lastContact, and the strength by recency and frequency unless the tie is manual)
 * belongs to the network domain: `applyInteractionToTie(tx, fromId, toId, date, { channel })` in
 * server/network/apply-interaction-to-tie.ts. Until it is called here, this function applies the
 * part of the rule that does not depend on it:
 * on an existing tie between the two (either direction), lastContact moves forward to `date` —
 * never back, so logging an old interaction does not hide a newer contact. It creates no tie and
 * leaves strength alone. Returns whether a tie was there to update.
 */
export async function updateTieAfterInteraction(
  tx: Tx,
  fromId: string,
  toId: string,
  date: string,
  // The network rule names a tie it creates after the channel; this fallback creates none.
  _channel: InteractionChannel,
): Promise<boolean> {
  const rows = await tx.run(
    `MATCH (:Person {id: $fromId})-[k:KNOWS]-(:Person {id: $toId})
     WITH k LIMIT 1
     SET k.lastContact = CASE WHEN k.lastContact IS NULL OR k.lastContact < date($date) THEN date($date) ELSE k.lastContact END
     RETURN count(k) AS ties`,
    { fromId, toId, date },
  );
  return Number(rows[0]?.ties ?? 0) > 0;
}

import type { Database } from "../../platform/neo4j/database.js";
import { todayIso } from "../../platform/clock/read-clock.js";
import { InteractionChannel, InteractionResult } from "../../platform/model/graph-enums.js";
import { log } from "../../platform/log.js";
import { recordInteraction } from "../outreach/index.js";
import { CLAIM_FIRST_SIGN_IN } from "./statements.js";

/**
 * After each successful sign-in (the login mutation calls it through AuthServices.afterSignIn, in the sign-in's
 * transaction): the first sign-in of an invited account is claimed once and logged as an interaction between the
 * inviting coordinator and the person — EMAIL, REPLIED, by the outreach domain's rules (recordInteraction), so a
 * missing tie is created and the tie's strength re-derived. An invitation by an account that is no person has no
 * tie to log it on: only its firstSignInAt is set. Any other account: one indexed read, nothing written.
 */
export async function recordFirstSignIn(db: Database, user: { id: string }, now: Date): Promise<void> {
  await db.writeTx(async (tx) => {
    const row = (await tx.run(CLAIM_FIRST_SIGN_IN, { userId: user.id, now: now.toISOString() }))[0];
    if (!row) return;
    const by = typeof row.invitedBy === "string" ? row.invitedBy : null;
    const person = String(row.personId);
    if (!by || by === person) return;
    await recordInteraction(tx, {
      by,
      with: person,
      date: todayIso(now),
      channel: InteractionChannel.EMAIL,
      result: InteractionResult.REPLIED,
      note: `First sign-in to the portal, after the invitation of ${String(row.invitedOn)}.`,
    });
    log.info("First sign-in of an invited person logged", { user: user.id });
  });
}

import type { GraphQLContext } from "../graphql/context.js";
import type { Tx } from "../neo4j/database.js";
import { DomainError, ErrorCode } from "../graphql/domain-error.js";
import { READ_ACTOR } from "./statements.js";

/**
 * Who makes a change, for the timeline. The one place that decides it: a signed-in user from the
 * context wins (sign-in adds `user` later); until then an optional `actor` argument (a coordinator's
 * person id) is taken. Replace only this file when sign-in lands.
 */
export interface Actor {
  id: string | null;
  /** An argument can name anyone, so it is checked against the graph; a signed-in user is trusted. */
  needsCheck: boolean;
}

// Typed loosely on purpose: the context's `user` is being added by sign-in; only these fields are read.
type ContextWithUser = GraphQLContext & { user?: { id: string; personId?: string } };

export function resolveActor(ctx: GraphQLContext, actorArgument: string | null | undefined): Actor {
  const user = (ctx as ContextWithUser).user;
  // The account's person is who acts in the domain; an account without one is recorded by its id.
  if (user?.id) return { id: user.personId ?? user.id, needsCheck: false };
  const id = actorArgument?.trim() || null;
  return { id, needsCheck: id !== null };
}

/** Refuses an `actor` argument that names no person, inside the mutation's transaction. */
export async function checkActor(tx: Tx, actor: Actor): Promise<void> {
  if (!actor.needsCheck || actor.id === null) return;
  const rows = await tx.run(READ_ACTOR, { id: actor.id });
  if (rows.length === 0) throw new DomainError(ErrorCode.NOT_FOUND, `No person with id ${actor.id} (the actor).`, "actor");
}

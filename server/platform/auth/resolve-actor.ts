import type { GraphQLContext } from "../graphql/context.js";
import type { Tx } from "../neo4j/database.js";
import { DomainError, ErrorCode } from "../graphql/domain-error.js";
import { READ_ACTOR } from "./statements.js";
import { UserStore } from "./UserStore.js";

/**
 * Who makes a change, for the timeline, the proposals, the interactions and the case's coordinator.
 * The one place that decides it (docs/security.md "Accounts and people"):
 * - a signed-in user: the Person their account is linked to, read from the graph at each change (so an
 *   admin's `linkUserToPerson` counts at once, whatever the token says); an account without a person is
 *   recorded by its own id (the timeline shows the account's name) and names no person;
 * - a token whose account is not stored (test and service tokens) acts as the person its token names, if any;
 * - no user at all: the optional `actor` argument (a person id), checked against the graph in the transaction.
 */
export interface Actor {
  /** What events record in `by`: the person's id, else the account's id; null when nobody is known. */
  id: string | null;
  /** The person acting, when there is one: the default coordinator of an intake, the `by` of an interaction. */
  personId: string | null;
  /** An argument can name anyone, so it is checked against the graph; a signed-in user is trusted. */
  needsCheck: boolean;
}

export async function resolveActor(ctx: GraphQLContext, actorArgument: string | null | undefined): Promise<Actor> {
  const user = ctx.user;
  if (user?.id) {
    const account = await new UserStore(ctx.db).readPerson(user.id);
    const personId = account ? account.personId : (user.personId ?? null);
    return { id: personId ?? user.id, personId, needsCheck: false };
  }
  const id = actorArgument?.trim() || null;
  return { id, personId: id, needsCheck: id !== null };
}

/** Refuses an `actor` argument that names no person, inside the mutation's transaction. */
export async function checkActor(tx: Tx, actor: Actor): Promise<void> {
  if (!actor.needsCheck || actor.id === null) return;
  const rows = await tx.run(READ_ACTOR, { id: actor.id });
  if (rows.length === 0) throw new DomainError(ErrorCode.NOT_FOUND, `No person with id ${actor.id} (the actor).`, "actor");
}

import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { Access } from "../../platform/auth/Access.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { log } from "../../platform/log.js";
import { checkId } from "../../platform/validation/check-value.js";
import { erasePerson } from "./erase-person.js";
import { exportPerson } from "./export-person.js";
import { PersonDataExport, PersonErasureResult } from "./privacy-types.js";
import { DomainError, ErrorCode } from "../../platform/graphql/domain-error.js";
import { Cost } from "../../platform/limits/Cost.js";

function checkPersonId(id: string): void {
  const wrong = checkId(id);
  if (wrong) throw new DomainError(ErrorCode.BAD_USER_INPUT, `id: ${wrong}`, "id");
}

/** Personal data requests: export everything about a person, erase a person. Never logs who. */
@Resolver()
export class PrivacyResolver {
  @Query(() => PersonDataExport, { description: "Everything held about a person (COORDINATOR, ADMIN)." })
  @Access("PERSONAL_DATA_EXPORT")
  @Cost("exportPerson")
  async exportPerson(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<PersonDataExport> {
    checkPersonId(id);
    const data = await exportPerson(ctx.db, id);
    if (!data) throw new DomainError(ErrorCode.NOT_FOUND, "No person with this id.", "id");
    log.info("Personal data exported", { by: ctx.user?.id });
    return { personId: id, exportedAt: new Date().toISOString(), document: JSON.stringify(data) };
  }

  @Mutation(() => PersonErasureResult, {
    description: "Erases a person's personal data, ties and notes; keeps anonymous structure (ADMIN).",
  })
  @Access("PERSONAL_DATA_ERASE")
  @Cost("erasePerson")
  async erasePerson(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<PersonErasureResult> {
    checkPersonId(id);
    const erased = await erasePerson(ctx.db, id);
    if (!erased) throw new DomainError(ErrorCode.NOT_FOUND, "No person with this id.", "id");
    const { removedAccountIds, ...result } = erased;
    // A removed portal account's tokens are refused from the very next request, not after the cache's 5 s.
    for (const userId of removedAccountIds) ctx.auth?.accounts.invalidate(userId);
    log.info("Person erased", { by: ctx.user?.id, erasedId: result.erasedId, tiesRemoved: result.tiesRemoved });
    return result;
  }
}

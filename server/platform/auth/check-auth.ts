import type { AuthChecker } from "type-graphql";
import type { GraphQLContext } from "../graphql/context.js";
import { isRole } from "./roles.js";
import { DomainError, ErrorCode } from "../graphql/domain-error.js";

/**
 * type-graphql's check behind `@Access`/`@Authorized(roles)`: the caller must be signed in and hold
 * one of the roles. Refusals carry UNAUTHENTICATED or FORBIDDEN, like the rest of the API.
 */
export const checkAuth: AuthChecker<GraphQLContext> = ({ context, info }, roles) => {
  const user = context.user;
  if (!user)
    throw new DomainError(
      ErrorCode.UNAUTHENTICATED,
      "Sign in first (mutation login), then send the token as `Authorization: Bearer …`.",
    );
  if (roles.length === 0) return true;
  if (user.roles.some((role) => isRole(role) && (roles as readonly string[]).includes(role))) return true;
  throw new DomainError(ErrorCode.FORBIDDEN, `Your role may not use ${info.parentType.name}.${info.fieldName}.`, info.fieldName);
};

import { Authorized, Extensions } from "type-graphql";
import { rolesFor, type AccessFamily } from "./access-policy.js";

/**
 * The one decorator a custom query, mutation or object field needs: `@Access("NETWORK_READ")`.
 * It sets type-graphql's @Authorized to the family's roles from access-policy.ts (checked by
 * check-auth.ts) and records the family in the field's extensions, where the guard around every
 * root field and the authorization matrix test read it.
 */
export function Access(family: AccessFamily): MethodDecorator & PropertyDecorator {
  const roles = rolesFor(family);
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor): void => {
    // "anyone" needs no @Authorized at all: type-graphql would demand a signed-in caller.
    if (roles !== "anyone") Authorized([...roles])(target, key as string, descriptor as never);
    Extensions({ access: family })(target, key as string, descriptor as never);
  };
}

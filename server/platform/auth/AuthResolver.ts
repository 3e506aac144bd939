import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import type { GraphQLContext } from "../graphql/context.js";
import { log } from "../log.js";
import { Access } from "./Access.js";
import { checkNewPassword, decoyHash, verifyPassword } from "./hash-password.js";
import { hasPortalRole, isRole, ROLES, type Role } from "./roles.js";
import { signToken } from "./sign-token.js";
import { normaliseEmail, portalNeedsPerson, UserStore, type UserAccount } from "./UserStore.js";
import { DomainError, ErrorCode } from "../graphql/domain-error.js";
import { Cost } from "../limits/Cost.js";

/** What createUser and invitePerson accept as an e-mail address. */
export const emailPattern =
  /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

@ObjectType("AccountPerson", { description: "The Person of the graph that a user account is: who its changes name." })
export class AccountPersonType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType("UserAccount", { description: "A person who can sign in, with roles. Never carries the password hash." })
export class UserAccountType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String], {
    description: "ADMIN, COORDINATOR, ANALYST, VIEWER, INSTITUTION_CONTACT and/or TEACHER (the last two need a linked person).",
  })
  roles!: string[];

  @Field(() => Boolean)
  disabled!: boolean;

  @Field(() => String, { nullable: true, description: "The id of the Person this account is linked to, if any." })
  personId?: string;

  @Field(() => AccountPersonType, {
    nullable: true,
    description:
      'The Person this account is ("me" in the workflow): changes made with it name this person, and an intake defaults its coordinator to them. Null when not linked (or the person was erased).',
  })
  person?: AccountPersonType;
}

@ObjectType("SignIn", { description: "A signed token: send it as `Authorization: Bearer <token>`." })
export class SignIn {
  @Field(() => String)
  token!: string;

  @Field(() => String, { description: "ISO moment after which the token is refused." })
  expiresAt!: string;

  @Field(() => UserAccountType)
  user!: UserAccountType;
}

@InputType("NewUserInput")
export class NewUserInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  password!: string;

  @Field(() => [String])
  roles!: string[];

  @Field(() => String, { nullable: true })
  personId?: string;
}

@InputType("UserChangeInput")
export class UserChangeInput {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => [String], { nullable: true })
  roles?: string[];

  @Field(() => Boolean, { nullable: true })
  disabled?: boolean;
}

function checkRoles(roles: string[]): Role[] {
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length > 0 || roles.length === 0) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `Roles must be one or more of ${ROLES.join(", ")}.`, "roles");
  }
  return [...new Set(roles)] as Role[];
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 200)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, "A name needs 1 to 200 characters.", "name");
  return trimmed;
}

/** changePassword's throttle counts per account, whichever address the attempts come from. */
const ANY_ADDRESS = "any";

function services(ctx: GraphQLContext): NonNullable<GraphQLContext["auth"]> {
  if (!ctx.auth) throw new Error("Sign-in services are missing from the context (server/app/create-app.ts sets them).");
  return ctx.auth;
}

/** Sign-in, one's own account, and (for ADMIN) the user accounts. */
@Resolver()
export class AuthResolver {
  @Mutation(() => SignIn, {
    description: "Signs in with e-mail and password; the same error for an unknown e-mail and a wrong password.",
  })
  @Access("PUBLIC")
  @Cost("login")
  async login(
    @Arg("email", () => String) email: string,
    @Arg("password", () => String) password: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SignIn> {
    const { config, throttle } = services(ctx);
    const ip = ctx.ip ?? "unknown";
    const wait = throttle.retryAfterSeconds(ip, email);
    if (wait > 0) {
      throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, `Too many failed sign-ins; try again in ${wait} s.`);
    }
    const user = email.length <= 320 && password.length <= 1000 ? await new UserStore(ctx.db).findByEmail(email) : undefined;
    // Verify against a decoy when there is no such user: the answer takes as long either way.
    const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !valid || user.disabled) {
      throttle.recordFailure(ip, email);
      log.info("Sign-in refused");
      throw new DomainError(ErrorCode.UNAUTHENTICATED, "E-mail or password is not right, or the account is disabled.");
    }
    throttle.recordSuccess(ip, email);
    await services(ctx).afterSignIn?.(ctx.db, { id: user.id });
    const signed = await signToken(
      config,
      { id: user.id, roles: user.roles, ...(user.personId ? { personId: user.personId } : {}) },
      user.tokenVersion,
    );
    // Browsers keep the token in an HttpOnly cookie (session-cookie.ts); API clients use the token of the answer.
    ctx.session?.start(signed.token, signed.expiresAt);
    log.info("Signed in", { user: user.id });
    const { passwordHash: _hash, tokenVersion: _version, ...account } = user;
    return { ...signed, user: account };
  }

  @Query(() => UserAccountType, { description: "The signed-in account." })
  @Access("SIGNED_IN")
  @Cost("me")
  async me(@Ctx() ctx: GraphQLContext): Promise<UserAccount> {
    const found = ctx.user ? await new UserStore(ctx.db).findById(ctx.user.id) : undefined;
    if (!found || found.disabled)
      throw new DomainError(ErrorCode.UNAUTHENTICATED, "This account no longer exists or is disabled.");
    const { passwordHash: _hash, tokenVersion: _version, ...account } = found;
    return account;
  }

  @Mutation(() => Boolean, {
    description:
      "Changes one's own password; needs the current one. Ends every sign-in of the account, this one too: sign in again with the new password. Wrong current passwords are throttled like sign-ins.",
  })
  @Access("SIGNED_IN")
  @Cost("changePassword")
  async changePassword(
    @Arg("current", () => String) current: string,
    @Arg("next", () => String) next: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    const { passwordThrottle, accounts } = services(ctx);
    const user = ctx.user;
    if (!user) throw new DomainError(ErrorCode.UNAUTHENTICATED, "Sign in first.");
    // Per account from any address: whoever holds a token must not guess the password behind it at speed.
    const wait = passwordThrottle.retryAfterSeconds(ANY_ADDRESS, user.id);
    if (wait > 0) {
      throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, `Too many wrong passwords; try again in ${wait} s.`, "current");
    }
    const store = new UserStore(ctx.db);
    const found = await store.findById(user.id);
    const valid = current.length <= 1000 && (await verifyPassword(found?.passwordHash ?? (await decoyHash()), current));
    if (!found || !valid) {
      passwordThrottle.recordFailure(ANY_ADDRESS, user.id);
      throw new DomainError(ErrorCode.UNAUTHENTICATED, "The current password is not right.", "current");
    }
    const problem = checkNewPassword(next);
    if (problem) throw new DomainError(ErrorCode.BAD_USER_INPUT, problem, "next");
    passwordThrottle.recordSuccess(ANY_ADDRESS, user.id);
    const done = await store.setPassword(found.id, next);
    accounts.invalidate(found.id);
    log.info("Password changed; the account's tokens end", { user: found.id });
    return done;
  }

  @Mutation(() => Boolean, {
    description: "Signs out everywhere: every token of one's account stops working at once, this one too.",
  })
  @Access("SIGNED_IN")
  @Cost("signOutEverywhere")
  async signOutEverywhere(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    const { accounts } = services(ctx);
    if (!ctx.user) throw new DomainError(ErrorCode.UNAUTHENTICATED, "Sign in first.");
    const done = await new UserStore(ctx.db).revokeTokens(ctx.user.id);
    accounts.invalidate(ctx.user.id);
    ctx.session?.end();
    if (!done) throw new DomainError(ErrorCode.UNAUTHENTICATED, "This account no longer exists.");
    log.info("Signed out everywhere", { user: ctx.user.id });
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      "Signs this browser out: clears its session cookie, in every tab at once. The token itself stays valid until it expires (it was readable by no script); signOutEverywhere ends every token of the account.",
  })
  @Access("PUBLIC")
  @Cost("signOut")
  signOut(@Ctx() ctx: GraphQLContext): boolean {
    ctx.session?.end();
    if (ctx.user) log.info("Signed out", { user: ctx.user.id });
    return true;
  }

  @Query(() => [UserAccountType], { description: "All user accounts (ADMIN)." })
  @Access("USERS")
  @Cost("users")
  async users(@Ctx() ctx: GraphQLContext): Promise<UserAccount[]> {
    return new UserStore(ctx.db).list();
  }

  @Mutation(() => UserAccountType, { description: "Creates a user account (ADMIN)." })
  @Access("USERS")
  @Cost("createUser")
  async createUser(@Arg("input", () => NewUserInput) input: NewUserInput, @Ctx() ctx: GraphQLContext): Promise<UserAccount> {
    const email = normaliseEmail(input.email);
    if (email.length > 320 || !emailPattern.test(email))
      throw new DomainError(ErrorCode.BAD_USER_INPUT, "This is not an e-mail address.", "email");
    const name = checkName(input.name);
    const roles = checkRoles(input.roles);
    const problem = checkNewPassword(input.password);
    if (problem) throw new DomainError(ErrorCode.BAD_USER_INPUT, problem, "password");
    const store = new UserStore(ctx.db);
    if (await store.findByEmail(email))
      throw new DomainError(ErrorCode.CONFLICT, "A user with this e-mail already exists.", "email");
    if (hasPortalRole(roles) && !input.personId?.trim()) throw portalNeedsPerson("personId");
    if (input.personId) await store.checkPersonLinkable(input.personId);
    const created = await store.create({
      email,
      name,
      password: input.password,
      roles,
      ...(input.personId ? { personId: input.personId } : {}),
    });
    log.info("User created", { user: created.id, by: ctx.user?.id, roles });
    return created;
  }

  @Mutation(() => UserAccountType, {
    description:
      "Changes a user's name, roles or disabled flag (ADMIN). A change of roles or disabling ends the user's sign-ins.",
  })
  @Access("USERS")
  @Cost("updateUser")
  async updateUser(
    @Arg("id", () => ID) id: string,
    @Arg("change", () => UserChangeInput) change: UserChangeInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UserAccount> {
    const store = new UserStore(ctx.db);
    const roles = change.roles ? checkRoles(change.roles) : undefined;
    const existing = await store.findById(id);
    if (!existing) throw new DomainError(ErrorCode.NOT_FOUND, "No user with this id.", "id");
    // A portal role shows what the linked person reaches: link the person first (linkUserToPerson).
    if (roles && hasPortalRole(roles) && !existing.person) throw portalNeedsPerson("roles");
    // The last working admin cannot lock everyone out.
    const losesAdmin =
      existing.roles.includes("ADMIN") && !existing.disabled && ((roles && !roles.includes("ADMIN")) || change.disabled === true);
    if (losesAdmin && (await store.countAdmins()) <= 1) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        "This is the last admin: make another user ADMIN first.",
        change.disabled ? "disabled" : "roles",
      );
    }
    const updated = await store.update(id, {
      ...(change.name !== undefined && change.name !== null ? { name: checkName(change.name) } : {}),
      ...(roles ? { roles } : {}),
      ...(change.disabled !== undefined && change.disabled !== null ? { disabled: change.disabled } : {}),
    });
    if (!updated) throw new DomainError(ErrorCode.NOT_FOUND, "No user with this id.", "id");
    // A change of roles or disabling bumped the token version (UPDATE_USER): the next request of the user sees it.
    ctx.auth?.accounts.invalidate(id);
    log.info("User changed", { user: id, by: ctx.user?.id });
    return updated;
  }

  @Mutation(() => UserAccountType, {
    description:
      "Links a user account to the Person it is (ADMIN), or unlinks it with `personId: null`. From the next change on, the account's workflow changes name that person. A person can be linked to one account only; an INSTITUTION_CONTACT or TEACHER account cannot be unlinked (its portal shows what the person reaches).",
  })
  @Access("USERS")
  @Cost("linkUserToPerson")
  async linkUserToPerson(
    @Arg("userId", () => ID) userId: string,
    @Arg("personId", () => ID, { nullable: true }) personId: string | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UserAccount> {
    const person = personId?.trim() || null;
    const linked = await new UserStore(ctx.db).linkPerson(userId, person);
    log.info(person ? "User linked to a person" : "User unlinked from its person", { user: userId, by: ctx.user?.id });
    return linked;
  }

  @Mutation(() => Boolean, {
    description: "Sets another user's password (ADMIN), e.g. after they forgot theirs; ends every sign-in of that user.",
  })
  @Access("USERS")
  @Cost("setUserPassword")
  async setUserPassword(
    @Arg("id", () => ID) id: string,
    @Arg("password", () => String) password: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    const problem = checkNewPassword(password);
    if (problem) throw new DomainError(ErrorCode.BAD_USER_INPUT, problem, "password");
    const done = await new UserStore(ctx.db).setPassword(id, password);
    if (!done) throw new DomainError(ErrorCode.NOT_FOUND, "No user with this id.", "id");
    // The new password ended the user's tokens (SET_USER_PASSWORD): whoever held one signs in again.
    ctx.auth?.accounts.invalidate(id);
    log.info("User password set", { user: id, by: ctx.user?.id });
    return true;
  }
}

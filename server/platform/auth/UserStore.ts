import { randomUUID } from "node:crypto";
import type { Database } from "../neo4j/database.js";
import { hashPassword } from "./hash-password.js";
import { hasPortalRole, isRole, type Role } from "./roles.js";
import {
  BUMP_TOKEN_VERSION,
  COUNT_ACTIVE_ADMINS,
  CREATE_USER,
  READ_USER_BY_EMAIL,
  READ_USER_BY_ID,
  READ_ACCOUNT_PERSON,
  READ_LINK_TARGETS,
  READ_USERS,
  SET_USER_PASSWORD,
  SET_USER_PERSON,
  UPDATE_USER,
  USER_EMAIL_CONSTRAINT,
  USER_ID_CONSTRAINT,
  USER_PERSON_CONSTRAINT,
} from "./statements.js";
import { DomainError, ErrorCode } from "../graphql/domain-error.js";

const CONSTRAINT_FAILED = "Neo.ClientError.Schema.ConstraintValidationFailed";

/**
 * User accounts: (:User {id, email, passwordHash, roles, name, disabled, personId, created}) nodes.
 * The label is not in schema/*.graphql, so the generated API never reads or writes it (password
 * hashes included); only this store and the user mutations of AuthResolver touch it.
 *
 * `personId` links the account to the Person it is in the graph (docs/security.md "Accounts and
 * people"): at most one account per person (USER_PERSON_CONSTRAINT), set only by `linkPerson`.
 */
export interface UserAccount {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  disabled: boolean;
  personId?: string;
  /** The linked person, when it exists (a link to an erased person names no one). */
  person?: { id: string; name: string };
}

/** Who acts for an account: its name, and its person when linked to one that exists. */
export interface AccountPerson {
  name: string;
  personId: string | null;
  personName: string | null;
}

export interface StoredUser extends UserAccount {
  passwordHash: string;
  /** Tokens carry it; a token of an older version is refused (AccountStates). */
  tokenVersion: number;
}

/** E-mail addresses are compared lower-cased and trimmed. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function toAccount(row: Record<string, unknown>): StoredUser {
  const roles = Array.isArray(row.roles) ? row.roles.filter(isRole) : [];
  return {
    id: String(row.id),
    email: String(row.email),
    name: String(row.name ?? ""),
    roles,
    disabled: row.disabled === true,
    passwordHash: String(row.passwordHash ?? ""),
    tokenVersion: Number(row.tokenVersion ?? 0),
    ...(typeof row.personId === "string" ? { personId: row.personId } : {}),
    ...(typeof row.personId === "string" && typeof row.personName === "string"
      ? { person: { id: row.personId, name: row.personName } }
      : {}),
  };
}

export class UserStore {
  constructor(private readonly db: Database) {}

  /** The unique e-mail, id and person of users; idempotent, run at every start. */
  async ensureConstraints(): Promise<void> {
    await this.db.autoCommit(USER_ID_CONSTRAINT);
    await this.db.autoCommit(USER_EMAIL_CONSTRAINT);
    await this.db.autoCommit(USER_PERSON_CONSTRAINT);
  }

  async findByEmail(email: string): Promise<StoredUser | undefined> {
    const rows = await this.db.read(READ_USER_BY_EMAIL, { email: normaliseEmail(email) });
    return rows[0] ? toAccount(rows[0]) : undefined;
  }

  async findById(id: string): Promise<StoredUser | undefined> {
    const rows = await this.db.read(READ_USER_BY_ID, { id });
    return rows[0] ? toAccount(rows[0]) : undefined;
  }

  async list(): Promise<UserAccount[]> {
    const rows = await this.db.read(READ_USERS);
    return rows.map(toAccount).map(({ passwordHash: _hash, tokenVersion: _version, ...account }) => account);
  }

  async countAdmins(): Promise<number> {
    const rows = await this.db.read(COUNT_ACTIVE_ADMINS);
    return Number(rows[0]?.n ?? 0);
  }

  /** Creates a user; a duplicate e-mail fails on the constraint (the caller turns that into CONFLICT). */
  async create(input: { email: string; name: string; password: string; roles: Role[]; personId?: string }): Promise<UserAccount> {
    const passwordHash = await hashPassword(input.password);
    const rows = await this.db.write(CREATE_USER, {
      id: randomUUID(),
      email: normaliseEmail(input.email),
      name: input.name.trim(),
      roles: input.roles,
      passwordHash,
      personId: input.personId ?? null,
    });
    const { passwordHash: _hash, tokenVersion: _version, ...account } = toAccount(rows[0] ?? {});
    return account;
  }

  async update(id: string, change: { name?: string; roles?: Role[]; disabled?: boolean }): Promise<UserAccount | undefined> {
    const rows = await this.db.write(UPDATE_USER, {
      id,
      name: change.name?.trim() ?? null,
      roles: change.roles ?? null,
      disabled: change.disabled ?? null,
    });
    if (!rows[0]) return undefined;
    const { passwordHash: _hash, tokenVersion: _version, ...account } = toAccount(rows[0]);
    return account;
  }

  /**
   * Links the account to a person (or unlinks it: null), in one transaction. Refused: an unknown account
   * (NOT_FOUND, userId), an unknown person (NOT_FOUND, personId), a person linked to another account
   * (CONFLICT, personId; also when a concurrent link wins the race, through the constraint), unlinking an
   * account with a portal role (BAD_USER_INPUT, personId: the portal shows what the person reaches, issue #18).
   */
  async linkPerson(userId: string, personId: string | null): Promise<UserAccount> {
    try {
      return await this.db.writeTx(async (tx) => {
        const targets = await tx.run(READ_LINK_TARGETS, { userId, personId: personId ?? "" });
        if (personId !== null) checkLinkable(targets, personId);
        else if (hasPortalRole(stringList(targets[0]?.roles))) throw portalNeedsPerson("personId");
        const rows = await tx.run(SET_USER_PERSON, { userId, personId });
        if (!rows[0]) throw new DomainError(ErrorCode.NOT_FOUND, `No user with id ${userId}.`, "userId");
        const { passwordHash: _hash, tokenVersion: _version, ...account } = toAccount(rows[0]);
        return account;
      });
    } catch (error) {
      if ((error as { code?: string }).code === CONSTRAINT_FAILED) throw linkedElsewhere(personId);
      throw error;
    }
  }

  /** The checks of `linkPerson` without writing, for an account about to be created with a person. */
  async checkPersonLinkable(personId: string): Promise<void> {
    checkLinkable(await this.db.read(READ_LINK_TARGETS, { userId: "", personId }), personId, false);
  }

  /** Who acts for the account now; undefined when no such account is stored. */
  async readPerson(id: string): Promise<AccountPerson | undefined> {
    const rows = await this.db.read(READ_ACCOUNT_PERSON, { id });
    const row = rows[0];
    if (!row) return undefined;
    return {
      name: String(row.name ?? ""),
      personId: typeof row.personId === "string" ? row.personId : null,
      personName: typeof row.personName === "string" ? row.personName : null,
    };
  }

  /** Ends every token of the user issued so far ("sign out everywhere"); false when there is no such user. */
  async revokeTokens(id: string): Promise<boolean> {
    const rows = await this.db.write(BUMP_TOKEN_VERSION, { id });
    return rows.length === 1;
  }

  /** A new password; it also ends every token of the user issued so far. */
  async setPassword(id: string, password: string): Promise<boolean> {
    const rows = await this.db.write(SET_USER_PASSWORD, {
      id,
      hash: await hashPassword(password),
    });
    return rows.length === 1;
  }
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/**
 * An INSTITUTION_CONTACT or TEACHER account sees what its Person reaches in the graph (server/domains/portal):
 * without a person it would reach nothing, or worse be mistaken for someone; so such an account always has one.
 */
export function portalNeedsPerson(field: string): DomainError {
  return new DomainError(
    ErrorCode.BAD_USER_INPUT,
    "An INSTITUTION_CONTACT or TEACHER account needs a linked person (personId): the portal shows what that person reaches.",
    field,
  );
}

function linkedElsewhere(personId: string | null, email?: unknown): DomainError {
  const which = typeof email === "string" ? `the account ${email}` : "another account";
  return new DomainError(
    ErrorCode.CONFLICT,
    `Person ${personId ?? ""} is linked to ${which} already; unlink it first.`,
    "personId",
  );
}

function checkLinkable(rows: Record<string, unknown>[], personId: string, needsUser = true): void {
  const row = rows[0];
  if (needsUser && !row?.userId) throw new DomainError(ErrorCode.NOT_FOUND, "No user with this id.", "userId");
  if (!row?.personId) throw new DomainError(ErrorCode.NOT_FOUND, `No person with id ${personId}.`, "personId");
  if (row.linkedEmail) throw linkedElsewhere(personId, row.linkedEmail);
}

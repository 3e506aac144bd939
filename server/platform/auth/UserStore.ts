import { randomUUID } from "node:crypto";
import type { Database } from "../neo4j/database.js";
import { hashPassword } from "./hash-password.js";
import { isRole, type Role } from "./roles.js";
import {
  COUNT_ACTIVE_ADMINS,
  CREATE_USER,
  READ_USER_BY_EMAIL,
  READ_USER_BY_ID,
  READ_USERS,
  SET_USER_PASSWORD,
  UPDATE_USER,
  USER_EMAIL_CONSTRAINT,
  USER_ID_CONSTRAINT,
} from "./statements.js";

/**
 * User accounts: (:User {id, email, passwordHash, roles, name, disabled, personId, created}) nodes.
 * The label is not in schema/*.graphql, so the generated API never reads or writes it (password
 * hashes included); only this store and the user mutations of AuthResolver touch it.
 */
export interface UserAccount {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  disabled: boolean;
  personId?: string;
}

export interface StoredUser extends UserAccount {
  passwordHash: string;
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
    ...(typeof row.personId === "string" ? { personId: row.personId } : {}),
  };
}

export class UserStore {
  constructor(private readonly db: Database) {}

  /** The unique e-mail and id of users; idempotent, run at every start. */
  async ensureConstraints(): Promise<void> {
    await this.db.autoCommit(USER_ID_CONSTRAINT);
    await this.db.autoCommit(USER_EMAIL_CONSTRAINT);
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
    return rows.map(toAccount).map(({ passwordHash: _hash, ...account }) => account);
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
    const { passwordHash: _hash, ...account } = toAccount(rows[0] ?? {});
    return account;
  }

  async update(
    id: string,
    change: { name?: string; roles?: Role[]; disabled?: boolean; personId?: string | null },
  ): Promise<UserAccount | undefined> {
    const rows = await this.db.write(UPDATE_USER, {
      id,
      name: change.name?.trim() ?? null,
      roles: change.roles ?? null,
      disabled: change.disabled ?? null,
      setPerson: change.personId !== undefined,
      personId: change.personId ?? null,
    });
    if (!rows[0]) return undefined;
    const { passwordHash: _hash, ...account } = toAccount(rows[0]);
    return account;
  }

  async setPassword(id: string, password: string): Promise<boolean> {
    const rows = await this.db.write(SET_USER_PASSWORD, {
      id,
      hash: await hashPassword(password),
    });
    return rows.length === 1;
  }
}

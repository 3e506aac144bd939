import { randomUUID } from "node:crypto";
import type { Database } from "../neo4j/database.js";
import { hashPassword } from "./hash-password.js";
import { isRole, type Role } from "./roles.js";

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

const returnUser = "RETURN u.id AS id, u.email AS email, u.name AS name, u.roles AS roles, u.disabled AS disabled, u.personId AS personId, u.passwordHash AS passwordHash";

export class UserStore {
  constructor(private readonly db: Database) {}

  /** The unique e-mail and id of users; idempotent, run at every start. */
  async ensureConstraints(): Promise<void> {
    await this.db.autoCommit("CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE");
    await this.db.autoCommit("CREATE CONSTRAINT user_email IF NOT EXISTS FOR (u:User) REQUIRE u.email IS UNIQUE");
  }

  async findByEmail(email: string): Promise<StoredUser | undefined> {
    const rows = await this.db.read(`MATCH (u:User {email: $email}) ${returnUser}`, { email: normaliseEmail(email) });
    return rows[0] ? toAccount(rows[0]) : undefined;
  }

  async findById(id: string): Promise<StoredUser | undefined> {
    const rows = await this.db.read(`MATCH (u:User {id: $id}) ${returnUser}`, { id });
    return rows[0] ? toAccount(rows[0]) : undefined;
  }

  async list(): Promise<UserAccount[]> {
    const rows = await this.db.read(`MATCH (u:User) ${returnUser} ORDER BY u.email`);
    return rows.map(toAccount).map(({ passwordHash: _hash, ...account }) => account);
  }

  async countAdmins(): Promise<number> {
    const rows = await this.db.read("MATCH (u:User) WHERE 'ADMIN' IN u.roles AND NOT coalesce(u.disabled, false) RETURN count(u) AS n");
    return Number(rows[0]?.n ?? 0);
  }

  /** Creates a user; a duplicate e-mail fails on the constraint (the caller turns that into CONFLICT). */
  async create(input: { email: string; name: string; password: string; roles: Role[]; personId?: string }): Promise<UserAccount> {
    const passwordHash = await hashPassword(input.password);
    const rows = await this.db.write(
      `CREATE (u:User {id: $id, email: $email, name: $name, roles: $roles, disabled: false, passwordHash: $passwordHash,
                       personId: $personId, created: datetime()})
       ${returnUser}`,
      {
        id: randomUUID(),
        email: normaliseEmail(input.email),
        name: input.name.trim(),
        roles: input.roles,
        passwordHash,
        personId: input.personId ?? null,
      },
    );
    const { passwordHash: _hash, ...account } = toAccount(rows[0] ?? {});
    return account;
  }

  async update(id: string, change: { name?: string; roles?: Role[]; disabled?: boolean; personId?: string | null }): Promise<UserAccount | undefined> {
    const rows = await this.db.write(
      `MATCH (u:User {id: $id})
       SET u.name = coalesce($name, u.name), u.roles = coalesce($roles, u.roles), u.disabled = coalesce($disabled, u.disabled),
           u.personId = CASE WHEN $setPerson THEN $personId ELSE u.personId END
       ${returnUser}`,
      {
        id,
        name: change.name?.trim() ?? null,
        roles: change.roles ?? null,
        disabled: change.disabled ?? null,
        setPerson: change.personId !== undefined,
        personId: change.personId ?? null,
      },
    );
    if (!rows[0]) return undefined;
    const { passwordHash: _hash, ...account } = toAccount(rows[0]);
    return account;
  }

  async setPassword(id: string, password: string): Promise<boolean> {
    const rows = await this.db.write("MATCH (u:User {id: $id}) SET u.passwordHash = $hash RETURN u.id AS id", {
      id,
      hash: await hashPassword(password),
    });
    return rows.length === 1;
  }
}

import { ConfigError, type Config } from "../config.js";
import type { Database } from "../neo4j/database.js";
import { log } from "../log.js";
import { demoUsers } from "./ensure-demo-users.js";
import { checkNewPassword } from "./hash-password.js";
import { UserStore } from "./UserStore.js";

/**
 * Production: the first admin comes from ADMIN_EMAIL and ADMIN_PASSWORD, never from a default.
 * With an admin already in the graph, nothing happens (the variables may then be removed). With
 * none and the variables unset — or set to a demo password — the start is refused with one line.
 */
export async function ensureFirstAdmin(
  db: Database,
  config: Pick<Config, "ADMIN_EMAIL" | "ADMIN_PASSWORD">,
): Promise<"exists" | "created"> {
  const store = new UserStore(db);
  await store.ensureConstraints();
  if ((await store.countAdmins()) > 0) return "exists";
  if (!config.ADMIN_EMAIL || !config.ADMIN_PASSWORD) {
    throw new ConfigError([
      "Configuration: no admin account exists yet: set ADMIN_EMAIL and ADMIN_PASSWORD for the first start (docs/security.md).",
    ]);
  }
  const problem = checkNewPassword(config.ADMIN_PASSWORD);
  if (problem || demoUsers.some((u) => u.password === config.ADMIN_PASSWORD)) {
    throw new ConfigError([`Configuration: ADMIN_PASSWORD is not acceptable: ${problem ?? "it is a published demo password."}`]);
  }
  const existing = await store.findByEmail(config.ADMIN_EMAIL);
  if (existing) {
    await store.update(existing.id, { roles: [...new Set([...existing.roles, "ADMIN" as const])], disabled: false });
    await store.setPassword(existing.id, config.ADMIN_PASSWORD);
  } else {
    await store.create({ email: config.ADMIN_EMAIL, name: "Administrator", password: config.ADMIN_PASSWORD, roles: ["ADMIN"] });
  }
  log.info("First admin account set up from ADMIN_EMAIL; change its password after signing in.");
  return "created";
}

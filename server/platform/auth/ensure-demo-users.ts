import { loadConfig } from "../config.js";
import type { Database } from "../neo4j/database.js";
import { log } from "../log.js";
import type { Role } from "./roles.js";
import { UserStore } from "./UserStore.js";

/**
 * One user per role for local use with the demo data (README and docs/security.md list them).
 * FOR LOCAL USE ONLY: start.ts calls this only when NODE_ENV is not production, and the
 * production start refuses these passwords for the first admin. Idempotent: an existing account
 * (even with a changed password) is left alone.
 */
export const demoUsers: ReadonlyArray<{ email: string; name: string; password: string; roles: Role[]; personId?: string }> = [
  { email: "admin@werkplaats.example", name: "Demo Admin", password: "demo-admin-werkplaats", roles: ["ADMIN"] },
  // The demo coordinator account is linked to Fleur Bakker, one of the demo workspace's coordinators, so case
  // timelines name who did what.
  {
    email: "coordinator@werkplaats.example",
    name: "Demo Coordinator",
    password: "demo-coordinator-werkplaats",
    roles: ["COORDINATOR"],
    personId: "person-fleur-bakker",
  },
  { email: "analyst@werkplaats.example", name: "Demo Analyst", password: "demo-analyst-werkplaats", roles: ["ANALYST"] },
  { email: "viewer@werkplaats.example", name: "Demo Viewer", password: "demo-viewer-werkplaats", roles: ["VIEWER"] },
];

/** `nodeEnv` defaults to the configured NODE_ENV, so a caller cannot forget the production check. */
export async function ensureDemoUsers(db: Database, nodeEnv: string = loadConfig().NODE_ENV): Promise<number> {
  if (nodeEnv === "production") throw new Error("Demo users are for local use only; they are never created in production.");
  const store = new UserStore(db);
  await store.ensureConstraints();
  let created = 0;
  for (const user of demoUsers) {
    if (await store.findByEmail(user.email)) continue;
    await store.create(user);
    created++;
  }
  if (created > 0) log.info(`Demo users created for local use (${created}); see docs/security.md for the sign-ins.`);
  return created;
}

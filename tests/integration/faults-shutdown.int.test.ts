import { testAccounts } from "../helpers/test-accounts.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/platform/config.js";
import { listen } from "../../server/app/listen.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { connectTestDatabase, ownScope, type OwnScope } from "../helpers/neo4j.js";
import { gql, tokenFor } from "../helpers/trust-requests.js";

/** Graceful shutdown: a request in flight when the server is told to stop is answered in full. */
let db: Database;
let scope: OwnScope;
let lockedId: string;

beforeAll(async () => {
  db = await connectTestDatabase();
  scope = await ownScope(db);
  lockedId = scope.id("inst-lock");
  await db.write("CREATE (:Institution {id: $id, name: 'Locked', kind: 'WO'})", { id: lockedId });
});

afterAll(async () => {
  await scope?.clean();
  await db?.close();
});

describe("graceful shutdown", () => {
  it("drains a request in flight before it stops, and takes no new ones", async () => {
    const http = await listen(loadConfig({ NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1" }), db, { accounts: testAccounts });
    const token = await tokenFor(["COORDINATOR"]);
    // Hold a write lock on the node, so the API's update waits in flight.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const locker = db.writeTx(async (tx) => {
      await tx.run("MATCH (i:Institution {id: $id}) SET i.city = 'held'", { id: lockedId });
      locked();
      await held;
    });
    await lockTaken;
    const pending = gql(
      http.url,
      `mutation { updateInstitutions(where: { id: { eq: "${lockedId}" } }, update: { city: { set: "Zwolle" } }) { institutions { city } } }`,
      undefined,
      token,
    );
    await new Promise((r) => setTimeout(r, 1_000));

    let closed = false;
    const closing = http.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 1_000));
    expect(closed).toBe(false); // still draining: the update waits for the lock
    const refused = await fetch(`${http.url}health`).then(
      () => "answered",
      () => "refused",
    );
    expect(refused).toBe("refused");

    release();
    await locker;
    const response = await pending;
    expect(response.status).toBe(200);
    expect(response.body.data?.updateInstitutions).toEqual({ institutions: [{ city: "Zwolle" }] });
    await closing;
    expect(closed).toBe(true);
    expect((await db.read("MATCH (i:Institution {id: $id}) RETURN i.city AS city", { id: lockedId }))[0]?.city).toBe("Zwolle");
  });
});

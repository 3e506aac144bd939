import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { demoUsers } from "../../server/platform/auth/ensure-demo-users.js";
import { loadConfig } from "../../server/platform/config.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import { startProduct, type RunningProduct } from "../../server/app/start.js";
import { connectTestDatabase, resetGraph } from "../helpers/neo4j.js";
import { gql } from "../helpers/trust-requests.js";

/**
 * Causal consistency (issue #12): a user's reads start after their own last write, also when a
 * cluster sends reads to a follower (server/platform/neo4j/user-bookmarks.ts). One Neo4j cannot lag,
 * so this checks the mechanism: the app is started as `npm start` does with NEO4J_URI set (the
 * external-Neo4j path) against the run's Neo4j, every session it opens is recorded with the
 * bookmarks handed to it and those it committed, and a read session of the same user must have
 * been handed the bookmark of their last write — through custom resolvers (Database) and generated
 * fields (@neo4j/graphql) both ways — while another user's sessions carry their own.
 */
let db: Database;
let product: RunningProduct;

interface OpenedSession {
  mode: string | undefined;
  /** The user's bookmark manager the session was opened with (undefined: not chained). */
  manager: unknown;
  /** What the session asked its manager for, per transaction: the bookmarks it started after. */
  handed: string[][];
  /** The bookmarks the session ended with (its commits; for a read, what the server had applied). */
  ended: string[];
}
const opened: OpenedSession[] = [];

type SessionConfig = NonNullable<Parameters<Driver["session"]>[0]>;
type Manager = NonNullable<SessionConfig["bookmarkManager"]>;

/** Records every session the app opens, with the bookmarks handed to it and those it ended with. */
function recordSessions(driver: Driver): void {
  const open = driver.session.bind(driver);
  driver.session = ((config: SessionConfig = {}) => {
    const entry: OpenedSession = { mode: config.defaultAccessMode, manager: config.bookmarkManager, handed: [], ended: [] };
    const manager = config.bookmarkManager;
    const watched: Manager | undefined = manager
      ? {
          async getBookmarks() {
            const bookmarks = [...(await manager.getBookmarks())];
            entry.handed.push(bookmarks);
            return bookmarks;
          },
          updateBookmarks: (previous, next) => manager.updateBookmarks(previous, next),
        }
      : undefined;
    const session = open(watched ? { ...config, bookmarkManager: watched } : config);
    const close = session.close.bind(session);
    session.close = async () => {
      entry.ended.push(...session.lastBookmarks());
      return close();
    };
    opened.push(entry);
    return session;
  }) as Driver["session"];
}

async function signIn(role: "COORDINATOR" | "VIEWER"): Promise<string> {
  const user = demoUsers.find((u) => u.roles.includes(role));
  const login = await gql(product.url, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, {
    e: user?.email,
    p: user?.password,
  });
  const token = (login.body.data?.login as { token?: string } | undefined)?.token;
  if (!token) throw new Error(`demo sign-in failed: ${JSON.stringify(login.body.errors)}`);
  return token;
}

/** The chained sessions of one request, by mode. */
async function sessionsOf(
  send: () => Promise<unknown>,
): Promise<{ all: OpenedSession[]; reads: OpenedSession[]; writes: OpenedSession[] }> {
  const from = opened.length;
  await send();
  const all = opened.slice(from).filter((s) => s.manager !== undefined);
  return { all, reads: all.filter((s) => s.mode === "READ"), writes: all.filter((s) => s.mode === "WRITE") };
}

beforeAll(async () => {
  db = await connectTestDatabase();
  // npm start creates the demo users, which are per e-mail for the whole database.
  await resetGraph(db);
  // Without the demo data the demo coordinator's account has no person in the graph: the intake names one.
  await db.write(`CREATE (:Person {id: "bookmarks-coordinator", name: "Bookmark Coordinator"})`);
  const target = inject("neo4j");
  product = await startProduct(
    loadConfig({
      NODE_ENV: "test",
      PORT: "0",
      HOST: "127.0.0.1",
      NEO4J_URI: target.uri,
      NEO4J_USERNAME: target.username || "neo4j",
      NEO4J_PASSWORD: target.password || "unused",
      NEO4J_DATABASE: target.database,
      SEED_DEMO: "false",
      EMBEDDING_REFRESH_MINUTES: "0",
    }),
  );
  recordSessions(product.db.driver);
}, 120_000);

afterAll(async () => {
  await product?.stop();
  await db?.close();
});

describe("bookmarks carried across a user's requests (external Neo4j)", () => {
  it("hands a user's read sessions the bookmark of their last write, custom and generated, and not another user's", async () => {
    expect(product.embedded).toBeUndefined();
    const coordinator = await signIn("COORDINATOR");
    const viewer = await signIn("VIEWER");

    // A custom resolver writes (Database.writeTx)…
    let caseId = "";
    const intake = await sessionsOf(async () => {
      const response = await gql(
        product.url,
        `mutation { intakeCase(input: { title: "Bookmarked", wantedLevels: [HBO], sme: { name: "Bakkerij Bladwijzer" }, coordinator: "bookmarks-coordinator" }) { caseId } }`,
        undefined,
        coordinator,
      );
      expect(response.body.errors).toBeUndefined();
      caseId = (response.body.data?.intakeCase as { caseId: string }).caseId;
    });
    expect(intake.writes.length).toBeGreaterThan(0);
    const userManager = intake.writes[0]?.manager;
    expect(intake.all.every((session) => session.manager === userManager)).toBe(true);
    // Where the user's chain stands after the request (its last session, the write or a read after it).
    const afterIntake = intake.all.at(-1)?.ended ?? [];
    expect(afterIntake.length).toBe(1);

    // …and the same user's next request reads through @neo4j/graphql, starting after that write.
    const read = await sessionsOf(async () => {
      const response = await gql(
        product.url,
        `query($id: ID!) { cases(where: { id: { eq: $id } }) { title } }`,
        { id: caseId },
        coordinator,
      );
      expect(response.body.data?.cases).toEqual([{ title: "Bookmarked" }]);
    });
    expect(read.reads.length).toBeGreaterThan(0);
    expect(read.all.every((session) => session.manager === userManager)).toBe(true);
    expect(read.reads[0]?.handed[0]).toEqual(afterIntake);

    // A generated write, then a custom read (Database.read behind `me`): the same chain.
    const create = await sessionsOf(async () => {
      const response = await gql(
        product.url,
        `mutation { createInstitutions(input: [{ name: "Hogeschool Bladwijzer", kind: HBO }]) { institutions { id } } }`,
        undefined,
        coordinator,
      );
      expect(response.body.errors).toBeUndefined();
    });
    expect(create.writes.map((s) => s.manager)).toEqual([userManager]);
    expect(create.writes[0]?.handed[0]).toEqual(read.all.at(-1)?.ended);
    const afterCreate = create.all.at(-1)?.ended ?? [];
    expect(afterCreate).not.toEqual(afterIntake);
    const me = await sessionsOf(async () => {
      expect((await gql(product.url, `{ me { email } }`, undefined, coordinator)).body.errors).toBeUndefined();
    });
    expect(me.reads.length).toBeGreaterThan(0);
    expect(me.reads[0]?.manager).toBe(userManager);
    expect(me.reads[0]?.handed[0]).toEqual(afterCreate);

    // Another user has a chain of their own: nothing of the coordinator's is waited for.
    const other = await sessionsOf(async () => {
      expect((await gql(product.url, `{ institutions(limit: 1) { id } }`, undefined, viewer)).body.errors).toBeUndefined();
    });
    expect(other.reads.length).toBeGreaterThan(0);
    expect(other.reads[0]?.manager).not.toBe(userManager);
    expect(other.reads[0]?.handed[0]).toEqual([]);
  });
});

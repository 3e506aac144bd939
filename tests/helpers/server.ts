import type { Role } from "../../server/platform/auth/roles.js";
import { signToken } from "../../server/platform/auth/sign-token.js";
import { loadConfig } from "../../server/platform/config.js";
import { listen, type RunningHttp } from "../../server/app/listen.js";
import type { Database } from "../../server/platform/neo4j/database.js";
import type { MailServices } from "../../server/platform/mail/mail-services.js";
import { analyticsThreadModule } from "./processes.js";
import { noteTestAccount, testAccounts } from "./test-accounts.js";

export interface TestServer {
  http: RunningHttp;
  /** The bearer token the requests carry (undefined: anonymous). */
  token?: string;
  /** POSTs one GraphQL operation and returns the parsed body ({ data, errors }). */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>;
}

export interface TestServerOptions {
  /** The roles of the signed-in test user; null: anonymous requests. Default ADMIN + COORDINATOR. */
  roles?: Role[] | null;
  /** The person the test user's token names ("me": the board's `mine`, the actor of changes). */
  personId?: string;
  /** Extra configuration (e.g. small limits for the limit tests). */
  env?: Record<string, string>;
  /** Accept tokens only of accounts in the graph, as the real server does (default: test tokens pass too; test-accounts.ts). */
  realAccounts?: boolean;
  /** Mail services to replace (a ManualClock, a transport to a test SMTP server); see server/platform/mail. */
  mail?: Partial<MailServices>;
}

/**
 * The real HTTP app on a free loopback port, against the test database. Requests are signed in
 * (a token for a test user with ADMIN and COORDINATOR, signed with this process's secret) unless
 * `roles: null`; the rate limit is raised so that a test file's bursts do not hit it.
 */
export async function startTestServer(db: Database, options: TestServerOptions = {}): Promise<TestServer> {
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    RATE_LIMIT_PER_MINUTE: "100000",
    ANSWER_LINKS_PER_MINUTE: "100000",
    // The analytics worker on or off for a whole run (ANALYTICS_WORKER=on npx vitest run …), unless a test sets it.
    ...(process.env.ANALYTICS_WORKER ? { ANALYTICS_WORKER: process.env.ANALYTICS_WORKER } : {}),
    ...options.env,
  });
  // The analytics worker from the build's compiled module (built once per test process), not through tsx.
  const threadModule = config.ANALYTICS_WORKER === "on" ? await analyticsThreadModule() : undefined;
  const http = await listen(config, db, {
    ...(options.realAccounts ? {} : { accounts: testAccounts }),
    ...(options.mail ? { mail: options.mail } : {}),
    ...(threadModule ? { analyticsThreadModule: threadModule } : {}),
  });
  const roles = options.roles === undefined ? (["ADMIN", "COORDINATOR"] as Role[]) : options.roles;
  if (roles) noteTestAccount("test-user");
  const token = roles
    ? (await signToken(config, { id: "test-user", roles, ...(options.personId ? { personId: options.personId } : {}) })).token
    : undefined;
  return {
    http,
    ...(token ? { token } : {}),
    async graphql(query, variables) {
      const response = await fetch(`${http.url}graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as never;
    },
  };
}

import { loadConfig } from "../../server/config.js";
import { listen, type RunningHttp } from "../../server/http/listen.js";
import type { Database } from "../../server/neo4j/database.js";

export interface TestServer {
  http: RunningHttp;
  /** POSTs one GraphQL operation and returns the parsed body ({ data, errors }). */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>;
}

/** The real HTTP app on a free loopback port, against the test database. */
export async function startTestServer(db: Database): Promise<TestServer> {
  const config = loadConfig({ NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1" });
  const http = await listen(config, db);
  return {
    http,
    async graphql(query, variables) {
      const response = await fetch(`${http.url}graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as never;
    },
  };
}

import { existsSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type Express } from "express";
import type { Config } from "../config.js";
import { buildGraphQLSchema } from "../graphql/build-schema.js";
import { createContext, type GraphQLContext } from "../graphql/context.js";
import { formatError } from "../graphql/format-error.js";
import type { Database } from "../neo4j/database.js";

const clientDist = fileURLToPath(new URL("../../client/dist", import.meta.url));

export interface App {
  express: Express;
  apollo: ApolloServer<GraphQLContext>;
}

/** Express with the GraphQL endpoint at /graphql, a health endpoint, and the built client at /. */
export async function createApp(config: Config, db: Database, httpServer: Server): Promise<App> {
  const production = config.NODE_ENV === "production";
  const apollo = new ApolloServer<GraphQLContext>({
    schema: await buildGraphQLSchema(db),
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    csrfPrevention: true,
    formatError,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

  const app = express();
  app.disable("x-powered-by");

  app.get("/health", async (_req, res) => {
    try {
      const info = await db.serverInfo();
      res.json({ status: "ok", neo4j: { reachable: true, version: info.version, edition: info.edition } });
    } catch {
      res.status(503).json({ status: "degraded", neo4j: { reachable: false } });
    }
  });

  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, { context: async () => createContext(db) }),
  );

  if (existsSync(clientDist)) {
    app.use(express.static(clientDist));
    // The client routes in the browser: every other GET serves its shell.
    app.get(/^\/(?!graphql|health).*/, (_req, res) => res.sendFile(path.join(clientDist, "index.html")));
  }
  return { express: app, apollo };
}

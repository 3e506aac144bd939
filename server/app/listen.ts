import { createServer, type Server } from "node:http";
import type { Config } from "../platform/config.js";
import type { Database } from "../platform/neo4j/database.js";
import { createApp, type App, type AppOptions } from "./create-app.js";

/** A port the HTTP server could not take; `message` says what to do. */
export class HttpListenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HttpListenError";
  }
}

export interface RunningHttp {
  url: string;
  port: number;
  server: Server;
  app: App;
  /** Stops taking requests, lets those in flight finish, then stops Apollo. */
  close(): Promise<void>;
}

export async function listen(config: Config, db: Database, options: AppOptions = {}): Promise<RunningHttp> {
  const server = createServer();
  const app = await createApp(config, db, server, options);
  server.on("request", app.express);
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new HttpListenError(
              `Port ${config.PORT} on ${config.HOST} is already in use: stop what holds it or set PORT to a free port.`,
            )
          : error,
      );
    });
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const host = config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST;
  // Answer links point where the API really listens, unless PUBLIC_URL says otherwise.
  if (!config.PUBLIC_URL) app.mailer.services.publicUrl = `http://${host}:${port}/`;
  return {
    url: `http://${host}:${port}/`,
    port,
    server,
    app,
    async close() {
      await app.apollo.stop();
      app.mailer.services.transport.close();
    },
  };
}

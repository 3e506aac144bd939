import type { Database } from "../neo4j/database.js";

/** What every resolver gets: the generated ones read `sessionConfig`, the custom ones use `db`. */
export interface GraphQLContext {
  db: Database;
  sessionConfig: { database: string };
}

export function createContext(db: Database): GraphQLContext {
  return { db, sessionConfig: { database: db.name } };
}

import { createBookmarks, type Bookmarks } from "./database.js";

/**
 * Causal consistency per user: a coordinator who saves something and reloads sees it, also when a
 * Neo4j cluster sends the reads to a follower that has not applied the write yet. Each signed-in
 * user has one bookmark manager of the driver; every session of their requests (custom resolvers
 * through Database, generated fields through Database.graphqlDriver, see context.ts) starts after
 * the transactions it names and adds its own commits, so a read waits until the server it runs on
 * has the user's last write. Other users are not slowed by it. On one Neo4j (the embedded one) a
 * bookmark is always already reached and costs nothing.
 *
 * In this process's memory: one API process serves a user's requests. At most `maxUsers` are kept;
 * the manager unused longest goes first (that user's next read then waits for nothing, which on a
 * follower can show data older than their last write, once). docs/operations (README "Operations").
 */
export class UserBookmarks {
  private readonly managers = new Map<string, Bookmarks>();

  constructor(private readonly maxUsers = 10_000) {}

  /** The user's bookmark manager, made on their first request. */
  for(userId: string): Bookmarks {
    let bookmarks = this.managers.get(userId);
    if (bookmarks) this.managers.delete(userId);
    else bookmarks = createBookmarks();
    // Re-inserted: the Map's order is the order of last use.
    this.managers.set(userId, bookmarks);
    if (this.managers.size > this.maxUsers) {
      const oldest = this.managers.keys().next();
      if (!oldest.done) this.managers.delete(oldest.value);
    }
    return bookmarks;
  }
}

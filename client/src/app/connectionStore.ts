import { useSyncExternalStore } from "react";

/**
 * Whether the API answers. Fed by the urql client (every result says "reached" or "not reached")
 * and by a /health poll while the connection is lost, so the shell can show a banner instead of a
 * blank page, and hide it again by itself when the server is back.
 */
export type ConnectionState =
  | { kind: "online" }
  /** The HTTP request failed: server down, network gone. */
  | { kind: "offline"; since: number }
  /** The server answers but cannot reach its database. */
  | { kind: "degraded"; since: number };

type Listener = () => void;

let state: ConnectionState = { kind: "online" };
const listeners = new Set<Listener>();
let poll: ReturnType<typeof setInterval> | undefined;

function set(next: ConnectionState): void {
  if (next.kind === state.kind) return;
  state = next;
  for (const listener of listeners) listener();
  if (next.kind === "online") stopPolling();
  else startPolling();
}

async function checkHealth(): Promise<void> {
  try {
    const response = await fetch("/health", { cache: "no-store" });
    if (response.ok) set({ kind: "online" });
    else set({ kind: "degraded", since: Date.now() });
  } catch {
    set({ kind: "offline", since: Date.now() });
  }
}

function startPolling(): void {
  if (poll) return;
  poll = setInterval(() => void checkHealth(), 3000);
}

function stopPolling(): void {
  if (poll) clearInterval(poll);
  poll = undefined;
}

export const connectionStore = {
  get: (): ConnectionState => state,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  reached(): void {
    set({ kind: "online" });
  },
  unreachable(): void {
    set({ kind: "offline", since: Date.now() });
  },
  databaseDown(): void {
    set({ kind: "degraded", since: Date.now() });
  },
  /** Ask now (the banner's retry button). */
  retry(): Promise<void> {
    return checkHealth();
  },
};

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(connectionStore.subscribe, connectionStore.get, connectionStore.get);
}

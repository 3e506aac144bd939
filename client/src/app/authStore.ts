import { useSyncExternalStore } from "react";

/**
 * The signed-in user's token. Kept in sessionStorage: it survives a reload but not a closed
 * browser, which suits a shared office laptop. The urql client sends it as a Bearer token; an
 * UNAUTHENTICATED answer (expired or revoked token) clears it, so the login page shows, with a
 * note why when the session ran out.
 */
const key = "werkplaats.token";
type Listener = () => void;
const listeners = new Set<Listener>();

function read(): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

let token: string | null = read();
/** The last token was refused by the API: the login page says the session ended. */
let expired = false;

function emit(): void {
  for (const listener of listeners) listener();
}

export interface AuthState {
  token: string | null;
  expired: boolean;
}

let snapshot: AuthState = { token, expired };

export const authStore = {
  get: (): AuthState => snapshot,
  token: (): string | null => token,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  signIn(next: string): void {
    token = next;
    expired = false;
    try {
      sessionStorage.setItem(key, next);
    } catch {
      // Private mode: the token lives in memory only.
    }
    snapshot = { token, expired };
    emit();
  },
  signOut(): void {
    token = null;
    expired = false;
    try {
      sessionStorage.removeItem(key);
    } catch {
      // Nothing stored.
    }
    snapshot = { token, expired };
    emit();
  },
  /** The API refused a request for want of (valid) credentials. */
  unauthenticated(): void {
    if (token === null) return;
    expired = true;
    token = null;
    try {
      sessionStorage.removeItem(key);
    } catch {
      // Nothing stored.
    }
    snapshot = { token, expired };
    emit();
  },
};

export function useAuthState(): AuthState {
  return useSyncExternalStore(authStore.subscribe, authStore.get, authStore.get);
}

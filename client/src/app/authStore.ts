import { useSyncExternalStore } from "react";

/**
 * Whether this browser is signed in. The token itself lives in an HttpOnly, SameSite=Strict cookie that the
 * API sets at sign-in (server/platform/auth/session-cookie.ts): no script — ours or another site's — can read
 * it, and every tab sends it, so a new tab or a pasted link is signed in. What the client keeps is only a hint
 * in localStorage ("signed in until …", no secret): it decides whether to show the app or the login page
 * before the first answer, and it is how tabs tell each other — the `storage` event fires in every other tab
 * when one signs in or out, so signing out in one tab shows the login page in all of them. An UNAUTHENTICATED
 * answer (cookie expired, revoked or gone) clears the hint, with a note on the login page why.
 */
const key = "werkplaats.session";
type Listener = () => void;
const listeners = new Set<Listener>();

function readHint(): string | null {
  try {
    const value = localStorage.getItem(key);
    if (!value) return null;
    const until = Date.parse(value);
    return Number.isFinite(until) && until > Date.now() ? value : null;
  } catch {
    return null;
  }
}

function writeHint(value: string | null): void {
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch {
    // Private mode without storage: this tab alone knows.
  }
}

export interface AuthState {
  signedIn: boolean;
  /** The last session ended without the user signing out: the login page says why. */
  expired: boolean;
  /** Changes at every sign-in and sign-out (here or in another tab): a new urql client, so no cache crosses users. */
  generation: number;
}

let snapshot: AuthState = { signedIn: readHint() !== null, expired: false, generation: 0 };

function set(signedIn: boolean, expired: boolean): void {
  snapshot = { signedIn, expired, generation: snapshot.generation + 1 };
  for (const listener of listeners) listener();
}

// Another tab signed in (a new hint) or out (hint removed).
if (typeof window !== "undefined") {
  window.addEventListener("storage", (event) => {
    if (event.key !== key && event.key !== null) return;
    const hint = readHint();
    if (hint !== null) set(true, false);
    else if (snapshot.signedIn) set(false, false);
  });
}

export const authStore = {
  get: (): AuthState => snapshot,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** The API answered a sign-in (and set the cookie); `expiresAt` is when the token ends. */
  signIn(expiresAt: string): void {
    writeHint(expiresAt);
    set(true, false);
  },
  /** After the API's signOut cleared the cookie (or could not be reached): the login page, in every tab. */
  signOut(): void {
    writeHint(null);
    set(false, false);
  },
  /** The API refused a request for want of (valid) credentials. */
  unauthenticated(): void {
    if (!snapshot.signedIn) return;
    writeHint(null);
    set(false, true);
  },
};

export function useAuthState(): AuthState {
  return useSyncExternalStore(authStore.subscribe, authStore.get, authStore.get);
}

/** Whether client/dist is missing or older than the client's sources. */
export function clientIsStale(): boolean;
/** Builds client/dist with Vite; throws when the build fails. */
export function buildClient(): void;
/** Builds client/dist with Vite in a child process; rejects when the build fails. */
export function buildClientInBackground(): Promise<void>;

import { createHash } from "node:crypto";

/**
 * Counts failed sign-ins per IP address and e-mail in a sliding 15-minute window, so passwords
 * cannot be guessed at speed; the general per-IP rate limit (limits/) comes on top. Keys hold a
 * hash of the e-mail, not the e-mail itself. In memory: one process serves the API.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs = 15 * 60_000,
  ) {}

  private key(ip: string, email: string): string {
    return `${ip}|${createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 16)}`;
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  /** Seconds to wait before the next attempt, or 0 when one is allowed now. */
  retryAfterSeconds(ip: string, email: string, now = Date.now()): number {
    const recent = this.recent(this.key(ip, email), now);
    if (recent.length < this.maxFailures) return 0;
    const oldest = recent[0] ?? now;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  recordFailure(ip: string, email: string, now = Date.now()): void {
    const key = this.key(ip, email);
    this.failures.set(key, [...this.recent(key, now), now]);
    // Bound the memory an attacker can make us hold.
    if (this.failures.size > 100_000) {
      const first = this.failures.keys().next();
      if (!first.done) this.failures.delete(first.value);
    }
  }

  recordSuccess(ip: string, email: string): void {
    this.failures.delete(this.key(ip, email));
  }
}

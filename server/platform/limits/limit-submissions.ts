import { ipKeyGenerator } from "express-rate-limit";

/**
 * Attempts per client address in sliding windows, for doors anyone may knock on (the public question
 * form, docs/security.md "The public question form"). In memory, like the request rate limit: one
 * process serves the API. Every attempt counts, also a refused one, so probing costs the same as sending.
 */
export interface SubmissionWindow {
  /** Most attempts in the window. */
  limit: number;
  windowMs: number;
}

export type SubmissionVerdict =
  { allowed: true } | { allowed: false; retryAfterSeconds: number; limit: number; windowMs: number };

export class SubmissionLimiter {
  private readonly attempts = new Map<string, number[]>();
  private readonly longest: number;

  constructor(
    private readonly windows: readonly SubmissionWindow[],
    private readonly now: () => number = Date.now,
  ) {
    this.longest = Math.max(...windows.map((w) => w.windowMs));
  }

  /** Counts one attempt from `key` and says whether it may go on; a refused attempt counts too. */
  attempt(key: string): SubmissionVerdict {
    const now = this.now();
    const kept = (this.attempts.get(key) ?? []).filter((at) => at > now - this.longest);
    kept.push(now);
    this.attempts.set(key, kept);
    this.forgetOld(now);
    for (const window of this.windows) {
      const inWindow = kept.filter((at) => at > now - window.windowMs);
      if (inWindow.length > window.limit) {
        // The next attempt passes once at most limit - 1 attempts remain in its window: when this one leaves.
        const oldest = inWindow[inWindow.length - window.limit] ?? now;
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil((oldest + window.windowMs - now) / 1000)),
          limit: window.limit,
          windowMs: window.windowMs,
        };
      }
    }
    return { allowed: true };
  }

  /** An attempt from a client address: IPv6 addresses count per /56 network, as the request rate limit counts them. */
  attemptFrom(address: string): SubmissionVerdict {
    return this.attempt(`ip:${ipKeyGenerator(address || "unknown")}`);
  }

  /** Addresses without an attempt in the longest window are dropped, so the map stays as small as the traffic. */
  private forgetOld(now: number): void {
    if (this.attempts.size < 1_000) return;
    for (const [key, times] of this.attempts) {
      if ((times[times.length - 1] ?? 0) <= now - this.longest) this.attempts.delete(key);
    }
  }
}

/** What the public question form's resolver needs to refuse abuse, built once by the app from the configuration. */
export interface PublicFormGuard {
  limiter: SubmissionLimiter;
  /** Least seconds between the form's token and its submission (PUBLIC_FORM_MIN_FILL_SECONDS). */
  minFillSeconds: number;
}

/** The guard the configuration describes: PUBLIC_FORM_PER_10_MIN and PUBLIC_FORM_PER_DAY per address. */
export function publicFormGuard(
  config: { PUBLIC_FORM_PER_10_MIN: number; PUBLIC_FORM_PER_DAY: number; PUBLIC_FORM_MIN_FILL_SECONDS: number },
  now: () => number = Date.now,
): PublicFormGuard {
  return {
    limiter: new SubmissionLimiter(
      [
        { limit: config.PUBLIC_FORM_PER_10_MIN, windowMs: 10 * 60_000 },
        { limit: config.PUBLIC_FORM_PER_DAY, windowMs: 24 * 60 * 60_000 },
      ],
      now,
    ),
    minFillSeconds: config.PUBLIC_FORM_MIN_FILL_SECONDS,
  };
}

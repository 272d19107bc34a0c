import { ProblemError } from '../../platform/http/problem.js';

/** Limits of the public link routes per client address. */
export interface LinkLimits {
  /** Requests per window. */
  requests: number;
  /** Tokens that name no working link, per window (guessing). */
  failures: number;
  windowMs: number;
}

export const DEFAULT_LINK_LIMITS: LinkLimits = { requests: 120, failures: 20, windowMs: 10 * 60_000 };

interface Window {
  start: number;
  requests: number;
  failures: number;
}

/**
 * A fixed-window counter per client address for the routes an outside organisation calls with
 * its link, kept in the process (one per application): the token is 256 random bits, so this
 * bounds load and noise rather than guessing, which is hopeless anyway. Behind several
 * processes each counts on its own.
 */
export class LinkRateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly limits: LinkLimits = DEFAULT_LINK_LIMITS) {}

  private window(address: string, now: number): Window {
    let w = this.windows.get(address);
    if (!w || now - w.start >= this.limits.windowMs) {
      w = { start: now, requests: 0, failures: 0 };
      this.windows.set(address, w);
      if (this.windows.size > 10_000) this.prune(now);
    }
    return w;
  }

  private prune(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= this.limits.windowMs) this.windows.delete(key);
  }

  private refuse(w: Window, now: number): ProblemError {
    const retryAfter = Math.max(1, Math.ceil((w.start + this.limits.windowMs - now) / 1000));
    return new ProblemError(429, 'problem.rate_limited.title', 'problem.rate_limited.detail', { retryAfter });
  }

  /** Counts a request; 429 with Retry-After once the address is over either limit. */
  check(address: string, now = Date.now()): void {
    const w = this.window(address, now);
    w.requests++;
    if (w.requests > this.limits.requests || w.failures >= this.limits.failures) throw this.refuse(w, now);
  }

  /** Counts a token that named no working link. */
  fail(address: string, now = Date.now()): void {
    this.window(address, now).failures++;
  }
}

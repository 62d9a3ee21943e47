/**
 * Counts failed logins in memory, per account and per address, over a sliding window. One process's
 * memory is enough to slow guessing down; several processes each keep their own count.
 */
export interface ThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60 * 1000 };

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: ThrottleLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Seconds to wait before another attempt, or 0 when one is allowed now. */
  retryAfter(email: string, address: string): number {
    const checks: [string, number][] = [
      [`a:${email.trim().toLowerCase()}`, this.limits.perAccount],
      [`ip:${address}`, this.limits.perAddress],
    ];
    let wait = 0;
    for (const [key, max] of checks) {
      const times = this.recent(key);
      const oldest = times[times.length - max];
      if (times.length >= max && oldest !== undefined) {
        wait = Math.max(wait, Math.ceil((oldest + this.limits.windowMs - this.now()) / 1000));
      }
    }
    return wait;
  }

  fail(email: string, address: string) {
    for (const key of [`a:${email.trim().toLowerCase()}`, `ip:${address}`]) {
      this.failures.set(key, [...this.recent(key), this.now()]);
    }
  }

  succeed(email: string) {
    this.failures.delete(`a:${email.trim().toLowerCase()}`);
  }
}

const shared = new WeakMap<object, LoginThrottle>();

/** The one throttle of a registry in this process, so the login page and the API count together. */
export function loginThrottleOf(deps: { db: object }): LoginThrottle {
  const found = shared.get(deps.db);
  if (found) return found;
  const throttle = new LoginThrottle();
  shared.set(deps.db, throttle);
  return throttle;
}

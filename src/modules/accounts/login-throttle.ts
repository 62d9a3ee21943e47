import { AppError, type ErrorCode } from '../../errors.ts';

/**
 * Counts failed logins in memory, per account and per address, over a sliding window. One process's
 * memory is enough to slow guessing down; several processes each keep their own count. A sign-up with
 * an email taken already counts against its address only: it tells the caller that the account
 * exists, so probing for accounts that way is guessing too, and must not lock the account's owner out.
 */
export interface ThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

/** Who tried: a login names the account, a sign-up only the address. */
export interface Attempt {
  /** None for a request made in process: those count together. */
  address: string | undefined;
  email?: string;
}

/** The refusal that counts as a guess: a wrong password at login, a taken email at sign-up. */
export const refusedWith = (code: ErrorCode) => (err: unknown) =>
  err instanceof AppError && err.code === code;

const accountKey = (email: string) => `a:${email.trim().toLowerCase()}`;

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

  private counted({ email, address }: Attempt): [string, number][] {
    const keys: [string, number][] = [[`ip:${address ?? 'local'}`, this.limits.perAddress]];
    if (email !== undefined) keys.push([accountKey(email), this.limits.perAccount]);
    return keys;
  }

  /** Seconds to wait before another attempt, or 0 when one is allowed now. */
  private retryAfter(attempt: Attempt): number {
    let wait = 0;
    for (const [key, max] of this.counted(attempt)) {
      const times = this.recent(key);
      const oldest = times[times.length - max];
      if (times.length >= max && oldest !== undefined) {
        wait = Math.max(wait, Math.ceil((oldest + this.limits.windowMs - this.now()) / 1000));
      }
    }
    return wait;
  }

  private fail(attempt: Attempt) {
    for (const [key] of this.counted(attempt)) this.failures.set(key, [...this.recent(key), this.now()]);
  }

  /**
   * Runs an attempt unless its caller must wait (429 with `Retry-After`), and counts it when `failed`
   * says the refusal was a guess; a login that works forgets its account's failures.
   */
  async attempt<T>(who: Attempt, run: () => Promise<T>, failed: (err: unknown) => boolean): Promise<T> {
    const wait = this.retryAfter(who);
    if (wait > 0) throw new AppError('rate_limited', { headers: { 'Retry-After': String(wait) } });
    try {
      const done = await run();
      if (who.email !== undefined) this.failures.delete(accountKey(who.email));
      return done;
    } catch (err) {
      if (failed(err)) this.fail(who);
      throw err;
    }
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

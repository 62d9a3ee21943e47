import { createHash } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../errors.ts';
import type { Env } from './context.ts';

export interface RateLimits {
  anonymousPerMinute: number;
  tokenPerMinute: number;
  trustProxy: boolean;
}

export const DEFAULT_LIMITS = { anonymousPerMinute: 120, tokenPerMinute: 1200 } as const;
const WINDOW_S = 60;

export const RATE_LIMIT_DOCS =
  `Requests are limited per minute: ${DEFAULT_LIMITS.anonymousPerMinute} per client address without a token, ` +
  `${DEFAULT_LIMITS.tokenPerMinute} per API token (Authorization: Bearer). Every answer carries RateLimit-Policy and ` +
  'RateLimit headers (IETF draft-ietf-httpapi-ratelimit-headers); beyond the limit the answer is 429 with Retry-After. ' +
  'Counts are kept by each server process; /api/health is not counted.';

/** The client's address; none for a request made in process (tests, server-side rendering). */
export function clientAddress(c: Context<Env>, trustProxy: boolean): string | undefined {
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/**
 * Fixed one-minute windows counted in this process's memory: with several processes behind a load
 * balancer each counts its own share, so the effective limit is the per-process one times their number.
 */
export function rateLimit(limits: RateLimits, now: () => number = Date.now) {
  const windows = new Map<string, { count: number; resetAt: number }>();
  let nextSweep = 0;
  return createMiddleware<Env>(async (c, next) => {
    const t = now();
    if (t >= nextSweep) {
      for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k);
      nextSweep = t + WINDOW_S * 1000;
    }
    const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
    // Only a token that identified an account earns the token quota; made-up tokens count as anonymous.
    const byToken = !!bearer && !!c.get('user');
    const address = byToken ? undefined : clientAddress(c, limits.trustProxy);
    if (!byToken && !address) return next();
    const key = byToken ? `t:${createHash('sha256').update(bearer).digest('base64url')}` : `a:${address}`;
    const quota = byToken ? limits.tokenPerMinute : limits.anonymousPerMinute;
    let w = windows.get(key);
    if (!w || w.resetAt <= t) {
      w = { count: 0, resetAt: t + WINDOW_S * 1000 };
      windows.set(key, w);
    }
    w.count++;
    const reset = Math.max(1, Math.ceil((w.resetAt - t) / 1000));
    const policy = `"default";q=${quota};w=${WINDOW_S}`;
    const headers = {
      'RateLimit-Policy': policy,
      RateLimit: `"default";r=${Math.max(0, quota - w.count)};t=${reset}`,
    };
    if (w.count > quota)
      throw new AppError('rate_limited', { headers: { ...headers, 'Retry-After': String(reset) } });
    await next();
    for (const [k, v] of Object.entries(headers)) c.res.headers.set(k, v);
  });
}

import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../errors.ts';
import type { Env } from '../http/context.ts';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Headers that tell browsers to load nothing from elsewhere and never frame our pages; on every response. */
export const securityHeaders = () =>
  createMiddleware(async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('content-security-policy', CSP);
    h.set('x-content-type-options', 'nosniff');
    h.set('referrer-policy', 'same-origin');
    h.set('x-frame-options', 'DENY');
    h.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
  });

export const CSRF_COOKIE = 'iranmade_csrf';
export const CSRF_FIELD = '_csrf';

/**
 * The token a form must send back: the session's own, or for anonymous forms (login, signup) a random
 * value also set as a cookie (double submit), which a cross-site page can neither read nor set.
 */
export function csrfToken(c: Context<Env>): string {
  const fromSession = c.get('session')?.csrfToken;
  if (fromSession) return fromSession;
  const existing = getCookie(c, CSRF_COOKIE);
  if (existing) return existing;
  const token = randomBytes(24).toString('base64url');
  setCookie(c, CSRF_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
  return token;
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Refuses a form whose token is missing or differs from the session's (or the anonymous cookie's). */
export function checkCsrf(c: Context<Env>, form: Record<string, unknown>) {
  const expected = c.get('session')?.csrfToken ?? getCookie(c, CSRF_COOKIE);
  const sent = form[CSRF_FIELD];
  if (!expected || typeof sent !== 'string' || !same(sent, expected)) throw new AppError('csrf');
}

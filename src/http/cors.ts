import { createMiddleware } from 'hono/factory';
import type { Env } from './context.ts';

const READS = new Set(['GET', 'HEAD']);
const EXPOSED = 'RateLimit, RateLimit-Policy, Retry-After, ETag, Link, Content-Disposition, Repr-Digest';

/**
 * Any site may read the public API. Only reads are opened: writes stay same-origin, and a `*` origin
 * never lets a browser send cookies, so a cookie-authenticated request cannot be made from elsewhere.
 */
export const openReads = createMiddleware<Env>(async (c, next) => {
  if (c.req.method === 'OPTIONS') {
    const wanted = c.req.header('access-control-request-method') ?? '';
    if (!READS.has(wanted)) return c.body(null, 204);
    return c.body(null, 204, {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET, HEAD',
      'Access-Control-Allow-Headers': 'Authorization, Accept, Accept-Language, If-None-Match',
      'Access-Control-Max-Age': '86400',
    });
  }
  await next();
  if (READS.has(c.req.method)) {
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    c.res.headers.set('Access-Control-Expose-Headers', EXPOSED);
  }
});

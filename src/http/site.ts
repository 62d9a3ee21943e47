import type { Context } from 'hono';
import type { Config } from '../config.ts';
import type { Env } from './context.ts';

/**
 * The registry's address in what leaves the page: the QR code printed on packaging, commands to copy.
 * `PUBLIC_URL` when set; else the address the request came to, which only a machine of one's own may
 * trust (any client can send any `Host`).
 */
export const siteOf = (c: Context<Env>, config: Config) => config.publicUrl ?? new URL(c.req.url).origin;

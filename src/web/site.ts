import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Deps } from '../context.ts';
import { AppError } from '../errors.ts';
import type { Env } from '../http/context.ts';
import type { Lang } from '../i18n/index.ts';
import { errorPage } from './error-page.tsx';
import { problemTypePage } from './problem-type.tsx';

const LANG_COOKIE = 'lang';
export const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');
const isLang = (s: string | undefined): s is Lang => s === 'fa' || s === 'en';

const staticDir = join(dirname(fileURLToPath(import.meta.url)), 'static');
const fontDir = join(
  dirname(createRequire(import.meta.url).resolve('@fontsource/vazirmatn/package.json')),
  'files',
);
const FONT_FILE = /^vazirmatn-(arabic|latin|latin-ext)-(400|700)-normal\.woff2$/;
const STATIC_TYPES: Record<string, string> = {
  'app.css': 'text/css; charset=utf-8',
  'favicon.svg': 'image/svg+xml',
  'suggest.js': 'text/javascript; charset=utf-8',
};

/** Read once: the files are part of the release. */
const cache = new Map<string, Uint8Array<ArrayBuffer>>();
function fileBytes(path: string) {
  let bytes = cache.get(path);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(path));
    cache.set(path, bytes);
  }
  return bytes;
}

/**
 * What every page shares: the files pages load (all from this origin), the reader's language, no
 * caching of what an account sees, the workspaces' login, the problem types' pages and errors as pages.
 * The capabilities' pages are mounted on it by `app.ts`.
 */
export function site(deps: Deps, pages: readonly Hono<Env>[]) {
  const app = new Hono<Env>();

  app.get('/static/fonts/:file', (c) => {
    const file = c.req.param('file');
    if (!FONT_FILE.test(file)) throw new AppError('not_found');
    return c.body(fileBytes(join(fontDir, file)), 200, {
      'content-type': 'font/woff2',
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });
  const staticFile = (file: string) => {
    const type = STATIC_TYPES[file];
    if (!type) throw new AppError('not_found');
    return new Response(fileBytes(join(staticDir, file)), {
      headers: { 'content-type': type, 'cache-control': 'public, max-age=3600' },
    });
  };
  app.get('/static/:file', (c) => staticFile(c.req.param('file')));
  // Browsers and crawlers ask for it whatever the page links to.
  app.get('/favicon.ico', () => staticFile('favicon.svg'));

  // The page's language: ?lang= (remembered in a cookie), else the cookie, else Persian. The API keeps
  // Accept-Language, also for the 404 of a path it does not have.
  app.use('*', async (c, next) => {
    if (isApiPath(c.req.path)) return next();
    const asked = c.req.query('lang');
    if (isLang(asked)) {
      setCookie(c, LANG_COOKIE, asked, { path: '/', sameSite: 'Lax', maxAge: 365 * 24 * 3600 });
      c.set('lang', asked);
    } else {
      const remembered = getCookie(c, LANG_COOKIE);
      c.set('lang', isLang(remembered) ? remembered : 'fa');
    }
    await next();
  });

  // A page shown to an account is kept by no cache: after logging out on a shared computer, Back must
  // not bring the workspace (or the name in the header) back from the browser's memory.
  app.use('*', async (c, next) => {
    await next();
    if (c.get('user') && !isApiPath(c.req.path) && !c.res.headers.has('cache-control'))
      c.header('cache-control', 'private, no-store');
  });

  // The workspaces are for accounts: anyone else is sent to log in, whatever the id in the address.
  for (const area of ['/workspace', '/workspace/*', '/review', '/review/*', '/admin/*']) {
    app.use(area, async (c, next) => {
      if (!c.get('user')) throw new AppError('unauthenticated');
      await next();
    });
  }

  for (const p of pages) app.route('/', p);

  app.get('/problems/:type', (c) => problemTypePage(c, c.req.param('type')));

  app.onError((err, c) => {
    if (err instanceof AppError && err.code === 'unauthenticated' && c.req.method === 'GET') {
      return c.redirect(`/login?next=${encodeURIComponent(c.req.path + new URL(c.req.url).search)}`, 303);
    }
    if (!(err instanceof AppError)) deps.log.error({ err, path: c.req.path }, 'unhandled error');
    return errorPage(c, err instanceof AppError ? err : new AppError('internal'));
  });
  return app;
}

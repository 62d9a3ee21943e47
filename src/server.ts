import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { moduleApis, modulePages } from './app.ts';
import type { Deps } from './context.ts';
import { ping } from './db/health.ts';
import { AppError, problem } from './errors.ts';
import { openReads } from './http/cors.ts';
import { DEFAULT_LIMITS, RATE_LIMIT_DOCS, rateLimit } from './http/rate-limit.ts';
import { router } from './http/router.ts';
import { langFromAcceptLanguage } from './i18n/index.ts';
import { identify } from './modules/accounts/api.ts';
import { apiDocsPage } from './web/api-docs.tsx';
import { errorPage } from './web/error-page.tsx';
import { securityHeaders } from './web/security.ts';
import { isApiPath, site } from './web/site.ts';

export const API_INFO: Parameters<OpenAPIHono['getOpenAPI31Document']>[0] = {
  openapi: '3.1.0',
  info: {
    title: 'iranmade API',
    version: '1.0.0',
    description:
      'The national registry of domestically-made products: production units, products, reviews, verification. ' +
      'Errors are RFC 9457 problem details in the language of Accept-Language (fa or en); a path asked ' +
      'with a method it does not take is answered 405 with Allow. Programs authenticate with a token ' +
      '(Authorization: Bearer); a change sent with a session cookie from another site is refused (403, cross_site). ' +
      RATE_LIMIT_DOCS,
    license: { name: 'CC BY 4.0 (data)', url: 'https://creativecommons.org/licenses/by/4.0/' },
  },
  servers: [{ url: '/' }],
};

const UPLOAD_LIMIT = 10 * 1024 * 1024 + 64 * 1024;
/** No JSON request needs more; a larger body is refused before it is read whole. */
const JSON_LIMIT = 1024 * 1024;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A request authenticated by cookie must come from our own pages: browsers always send Origin on
 * cross-site writes. Token-authenticated clients carry no ambient credentials and need no check.
 */
function fromOwnOrigin(c: Context) {
  const origin = c.req.header('origin');
  if (!origin) return c.req.header('sec-fetch-site') !== 'cross-site';
  return (
    origin === new URL(c.req.url).origin ||
    origin === `${c.req.header('x-forwarded-proto') ?? 'http'}://${c.req.header('host')}`
  );
}

export function buildApp(deps: Deps) {
  const app = router();

  app.use('*', securityHeaders());
  app.use('*', async (c, next) => {
    c.set('lang', langFromAcceptLanguage(c.req.header('accept-language')));
    const started = performance.now();
    await next();
    deps.log.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
  // No text the registry keeps holds a NUL, and PostgreSQL refuses one in any query: an address with
  // one (`?q=%00`) is malformed, answered before it reaches a query.
  app.use('*', async (c, next) => {
    if (/%00/.test(new URL(c.req.url).search + c.req.path)) throw new AppError('malformed_request');
    await next();
  });
  app.use('*', identify(deps));
  app.use('/api/*', openReads);
  const limited = rateLimit({ ...DEFAULT_LIMITS, trustProxy: deps.config.trustProxy });
  // A load balancer or monitor asks for health as often as it likes: it must not be told a busy
  // address's 429 and take a healthy server out.
  app.use('/api/*', (c, next) => (c.req.path === '/api/health' ? next() : limited(c, next)));
  app.use('/api/*', async (c, next) => {
    if (UNSAFE.has(c.req.method) && c.get('session') && !fromOwnOrigin(c)) throw new AppError('cross_site');
    await next();
  });
  const tooLarge = (maxBytes: number) => () => {
    throw new AppError('too_large', { extra: { maxBytes } });
  };
  const uploadLimit = bodyLimit({ maxSize: UPLOAD_LIMIT, onError: tooLarge(10 * 1024 * 1024) });
  const jsonLimit = bodyLimit({ maxSize: JSON_LIMIT, onError: tooLarge(JSON_LIMIT) });
  app.use('/api/*', (c, next) => (c.req.path.endsWith('/documents') ? uploadLimit : jsonLimit)(c, next));

  app.get('/api/health', async (c) => {
    const up = await ping(deps.db);
    return c.json({ status: up ? 'ok' : 'unavailable', database: up ? 'up' : 'down' }, up ? 200 : 503);
  });
  for (const api of moduleApis(deps)) app.route('/api/v1', api);

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'iranmade_session',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.doc31('/api/openapi.json', API_INFO);
  app.get('/api/docs', (c) => c.html(apiDocsPage(openApiDocument(app) as Parameters<typeof apiDocsPage>[0])));
  app.route('/', site(deps, modulePages(deps)));

  const allowed = methodsOf(app);
  app.notFound((c) => {
    if (!isApiPath(c.req.path)) return errorPage(c, new AppError('not_found'));
    const methods = allowed(c.req.path);
    return respondWithProblem(
      c,
      methods.length
        ? new AppError('method_not_allowed', { headers: { allow: methods.join(', ') } })
        : new AppError('not_found'),
    );
  });
  app.onError((err, c) => {
    if (err instanceof AppError) return isPage(c) ? errorPage(c, err) : respondWithProblem(c, err);
    if (err instanceof HTTPException) {
      const code =
        err.status === 415
          ? 'unsupported_media_type'
          : err.status === 413
            ? 'too_large'
            : 'malformed_request';
      return respondWithProblem(c, new AppError(code));
    }
    deps.log.error({ err, path: c.req.path }, 'unhandled error');
    return respondWithProblem(c, new AppError('internal'));
  });
  return app;
}

export type App = ReturnType<typeof buildApp>;

/** A browser asking for a page (not the API) gets an error as a page. */
const isPage = (c: Context) => !isApiPath(c.req.path) && (c.req.header('accept') ?? '').includes('text/html');

export function openApiDocument(app: App) {
  return app.getOpenAPI31Document(API_INFO);
}

/**
 * The methods the API's routes take at a path, so that a known path asked with another method is
 * answered 405 with `Allow`, not 404. Read once the routes are all in place, at the first request.
 */
function methodsOf(app: { routes: readonly { method: string; path: string }[] }) {
  let routes: { method: string; pattern: RegExp }[] | undefined;
  return (path: string) => {
    routes ??= app.routes
      .filter((r) => r.method !== 'ALL' && isApiPath(r.path))
      .map((r) => ({ method: r.method, pattern: routePattern(r.path) }));
    const methods = new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}

/** A route's path (`/api/v1/products/:id/submit`) as a regular expression over request paths. */
const routePattern = (path: string) =>
  new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+')}$`);

function respondWithProblem(c: Context, err: AppError) {
  const body = problem(err, c.get('lang') ?? 'fa', c.req.path);
  return c.body(JSON.stringify(body), err.status, {
    'content-type': 'application/problem+json; charset=utf-8',
    'content-language': c.get('lang') ?? 'fa',
    // The title follows Accept-Language, so a cache keeps one answer a language.
    vary: 'Accept-Language',
    // A 401 says how to authenticate (RFC 9110): a program sends an API token.
    ...(err.code === 'unauthenticated' ? { 'www-authenticate': 'Bearer realm="iranmade"' } : {}),
    ...err.detail.headers,
  });
}

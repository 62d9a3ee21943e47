import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../src/i18n/index.ts';
import { logOf } from '../src/modules/log/service.ts';
import { takeSnapshot } from '../src/modules/opendata/snapshot-take.ts';
import { type App, openApiDocument } from '../src/server.ts';
import { CSRF_COOKIE } from '../src/web/security.ts';
import { newNationalId, productForm, rebarProduct, steelUnit, unitForm } from './fixtures.ts';
import { type Client, DATABASE_KINDS } from './helpers.ts';
import { ACTORS, type Actor, type Body, type Case, ROUTES, type World } from './permissions.ts';
import { openRegistry, PASSWORD, type Registry } from './registry.ts';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A route's path as a key: Hono's `:id{regex}` without the regex, OpenAPI's `{id}` as `:id`. */
function routeKey(method: string, path: string) {
  let out = '';
  for (let i = 0; i < path.length; ) {
    const param = /^:\w+/.exec(path.slice(i))?.[0];
    if (!param) {
      out += path[i++];
      continue;
    }
    out += param;
    i += param.length;
    // A parameter's pattern, which may hold braces of its own (`{[0-9a-f]{8}-…}`).
    for (let depth = 0; path[i] === '{' || depth > 0; i++) {
      if (path[i] === '{') depth++;
      else if (path[i] === '}') depth--;
    }
  }
  return `${method.toUpperCase()} ${out.replace(/\{(\w+)\}/g, ':$1')}`;
}

/** Every route the app answers, with the statuses each API operation documents. */
function routesOf(app: App) {
  const routes = new Map<string, Set<number> | undefined>();
  for (const [path, ops] of Object.entries(openApiDocument(app).paths ?? {}))
    for (const [method, op] of Object.entries(ops ?? {}))
      if (METHODS.has(method))
        routes.set(routeKey(method, path), new Set(Object.keys(op.responses ?? {}).map(Number)));
  for (const r of app.routes) {
    const key = routeKey(r.method, r.path);
    if (r.method !== 'ALL' && !routes.has(key)) routes.set(key, undefined);
  }
  return routes;
}

const casesOf = (key: string): Case[] => {
  const rule = ROUTES[key];
  return rule === undefined ? [] : Array.isArray(rule) ? rule : [rule];
};

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/**
 * What a response says of the caller's right to it: "ok" when it let them through (whatever it then
 * answered: a validation error or a conflict is the route at work), else why it refused them.
 */
async function outcomeOf(res: Response) {
  if (res.status >= 500) return 'server_error';
  const location = res.headers.get('location') ?? '';
  if (res.status === 401 || (res.status >= 300 && res.status < 400 && location.startsWith('/login')))
    return 'unauthenticated';
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const body = await res.json();
    if (
      typeof body?.code === 'string' &&
      ['forbidden', 'not_found', 'csrf', 'cross_site'].includes(body.code)
    )
      return body.code as string;
    const notMember = t('en', 'field.not_member');
    if (body?.code === 'validation' && body.errors?.some((e: { message: string }) => e.message === notMember))
      return 'not_member';
    return 'ok';
  }
  if (type.includes('html')) {
    const html = await res.text();
    for (const code of ['forbidden', 'not_found', 'csrf', 'unauthenticated'] as const)
      if (html.includes(`<h1>${escapeHtml(t('en', `problem.${code}`))}</h1>`)) return code;
    // A form sent back with the refusal beside it: the account may not, or acts for no unit or not
    // for the one named.
    if (res.status >= 400 && html.includes(escapeHtml(t('en', 'problem.forbidden')))) return 'forbidden';
    for (const key of ['field.not_member', 'web.product.need_unit'] as const)
      if (res.status >= 400 && html.includes(escapeHtml(t('en', key)))) return 'not_member';
  }
  return 'ok';
}

/** An actor with an account: its session, used by the API and the pages alike, and the pages' CSRF token. */
interface Account {
  client: Client;
  email: string;
  csrf: string;
}

/** What a request the test makes for itself answered; it must have succeeded. */
function made<T extends { status: number; body: unknown }>(res: T) {
  if (res.status >= 300)
    throw new Error(`a record could not be made: ${res.status} ${JSON.stringify(res.body)}`);
  // biome-ignore lint/suspicious/noExplicitAny: the API's answer, read field by field
  return res.body as any;
}

describe.each(DATABASE_KINDS)('who may use each route, on %s', (kind) => {
  let registry: Registry;
  let app: App;
  let world: World;
  const who = {} as Record<Exclude<Actor, 'anonymous'>, Account>;
  let fingerprintSql: string;
  let routes: ReturnType<typeof routesOf>;

  async function signedIn(client: Client): Promise<Account> {
    const { email } = made(await client.get('/api/v1/auth/me'));
    const { body: html } = await client.get('/workspace', { accept: 'text/html' });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!csrf) throw new Error(`no CSRF field for ${email}`);
    return { client, email, csrf };
  }

  const pdf = () => new File(['%PDF-1.4\n%%EOF\n'], 'certificate.pdf', { type: 'application/pdf' });

  beforeAll(async () => {
    registry = await openRegistry(kind);
    app = registry.app;
    const r = registry;
    who.admin = await signedIn(r.admin);
    who.reviewer = await signedIn(r.reviewer);
    who.member = await signedIn(await r.producer('en'));
    // The stranger is a producer too, with an approved unit of its own.
    who.stranger = await signedIn(await r.producer('en'));
    await r.unit(who.stranger.client);

    const member = who.member.client;
    const unit = await r.unit(member);
    const draftUnit = async () => {
      const id = await r.unit(member, 'draft');
      return { id, version: made(await member.get(`/api/v1/producers/${id}`)).version as number };
    };
    const draftProduct = async () => {
      const { id, version } = await r.product(member, unit);
      return { id: id as string, version: version as number };
    };
    const newDocument = async () => {
      const { id } = await draftProduct();
      const upload = new FormData();
      upload.set('file', pdf());
      return { id, documentId: made(await member.post(`/api/v1/products/${id}/documents`, upload)).id };
    };
    const newAccount = async () => {
      const { id, email } = made(await (await r.producer()).get('/api/v1/auth/me'));
      return { id: id as string, email: email as string };
    };

    const approved = await r.product(member, unit, 'approved');
    const withDocument = await newDocument();

    // This year's audit sample, drawn while the approved product is the only registration in force.
    const drawn = await app.request('/review/audit', {
      method: 'POST',
      headers: { cookie: r.reviewer.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: who.reviewer.csrf }).toString(),
    });
    const auditYear = Number(/year=(\d+)/.exec(drawn.headers.get('location') ?? '')?.[1]);

    await logOf(r.deps).signPending();
    const checkpoint: string = made(await r.anon.get('/api/v1/log/checkpoint'));
    await takeSnapshot(r.deps);
    const [snapshot] = made(await r.anon.get('/api/v1/opendata/snapshots')).items as {
      day: string;
      url: string;
    }[];
    const template: string = made(await r.anon.get('/api/v1/opendata/templates/units.csv'));

    world = {
      unit,
      product: { id: approved.id, number: approved.registrationNumber },
      draftUnit: (await draftUnit()).id,
      draft: withDocument.id,
      document: withDocument.documentId,
      pendingUnit: await r.unit(member, 'submitted'),
      pendingProduct: (await r.product(member, unit, 'submitted')).id,
      auditYear,
      logSize: Number(checkpoint.split('\n')[1]),
      snapshot: { day: snapshot?.day ?? '', name: snapshot?.url?.split('/').at(-1) ?? '' },
      importFile: new File([template], 'units.csv', { type: 'text/csv' }),
      newDraftUnit: draftUnit,
      newSubmittedUnit: () => r.unit(member, 'submitted'),
      newDraftProduct: draftProduct,
      newSubmittedProduct: async () => (await r.product(member, unit, 'submitted')).id,
      newDocument,
      newAccount,
      newMemberToken: async () => made(await member.post('/api/v1/tokens', { name: 'spare' })).id,
      accountFields: () => ({ email: r.newEmail('new'), password: PASSWORD, name: 'New' }),
      unitFields: () => ({ ...steelUnit, nationalId: newNationalId() }),
      unitForm: () => ({ ...unitForm, nationalId: newNationalId() }),
      productFields: () => ({ ...rebarProduct, producerId: unit }),
      productForm: () => ({ ...productForm, producerId: unit }),
      pdf,
      login: { email: (await newAccount()).email, password: PASSWORD },
    };

    // The registry's records as they stand: what a refused change must leave as it was. The log's
    // checkpoints and the open-data snapshots are written by timers, whoever asks; a token's last use
    // is noted by every request made with it.
    const { rows } = await sql<{ name: string }>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
        AND table_name NOT IN ('log_checkpoints', 'schema_migrations') AND table_name NOT LIKE 'opendata_snapshot%'
      ORDER BY table_name`.execute(r.deps.db);
    const row = `(to_jsonb(x) - 'last_used_at')::text`;
    fingerprintSql = rows
      .map(
        ({ name }) =>
          `SELECT '${name}' AS name, count(*)::int AS n, md5(coalesce(string_agg(${row}, ',' ORDER BY ${row}), '')) AS h FROM ${name} x`,
      )
      .join(' UNION ALL ');
    routes = routesOf(app);
  }, 180_000);

  afterAll(async () => {
    if (registry) logOf(registry.deps).stop();
    await registry?.close();
  });

  const fingerprint = async () => (await sql.raw(fingerprintSql).execute(registry.deps.db)).rows;

  /**
   * One actor's request of a route, as a program (API) or a browser (pages) makes it: its records made
   * first, and the request to send.
   */
  async function prepare(method: string, pattern: string, c: Case, actor: Actor) {
    const call = c.call ? await c.call(world) : {};
    let path = pattern.replace(/:(\w+)/g, (_, name: string) => {
      const value = call.params?.[name];
      if (value === undefined) throw new Error(`${method} ${pattern}: no value for :${name}`);
      return encodeURIComponent(String(value));
    });
    if (call.query) path += `?${call.query}`;
    const isApi = pattern.startsWith('/api/');
    const as =
      actor === 'anonymous'
        ? undefined
        : c.endsSession
          ? await signedIn(await registry.loggedIn(who[actor].email))
          : who[actor];
    const headers: Record<string, string> = {};
    let body: BodyInit | undefined;
    if (isApi) {
      headers['accept-language'] = 'en';
      // A program sends its session cookie without an Origin: not a cross-site change.
      if (as) headers.cookie = as.client.cookie;
      if (call.body instanceof FormData) body = call.body;
      else if (call.body !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(call.body);
      }
    } else {
      // A browser: its language, its session or the anonymous form token, and each form's CSRF field.
      const csrf = as?.csrf ?? 'anonymous-form-token';
      headers.accept = 'text/html';
      headers.cookie = `lang=en; ${as ? as.client.cookie : `${CSRF_COOKIE}=${csrf}`}`;
      if (method !== 'GET') body = pageForm(call.body, csrf);
    }
    return { path, send: () => app.request(path, { method, headers, body }) };
  }

  function pageForm(fields: Body | undefined, csrf: string): BodyInit {
    if (fields instanceof FormData) {
      const copy = new FormData();
      for (const [k, v] of fields) copy.append(k, v);
      copy.set('_csrf', csrf);
      return copy;
    }
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(fields ?? {})) form.set(k, String(v));
    form.set('_csrf', csrf);
    return form;
  }

  it('knows every route the app has, and the app has every route it knows', () => {
    const unknown = [...routes.keys()].filter((key) => !(key in ROUTES));
    const gone = Object.keys(ROUTES).filter((key) => !routes.has(key));
    expect({ unknown, gone }).toEqual({ unknown: [], gone: [] });
  });

  it.each(Object.keys(ROUTES))('%s: only those the table names may use it', async (key) => {
    expect(routes.has(key), `${key} is not a route of the app`).toBe(true);
    const [method = '', pattern = ''] = key.split(' ');
    const wrong: string[] = [];
    for (const [i, c] of casesOf(key).entries()) {
      const label = casesOf(key).length > 1 ? `case ${i + 1}, ` : '';
      // The refused first, so that an allowed change has not moved the record on before them.
      const order = [...ACTORS].sort((a, b) => Number(c.may.includes(a)) - Number(c.may.includes(b)));
      for (const actor of order) {
        const allowed = c.may.includes(actor);
        const { path, send } = await prepare(method, pattern, c, actor);
        const before = WRITES.has(method) && !allowed ? await fingerprint() : undefined;
        const res = await send();
        const outcome = await outcomeOf(res);
        const said = `${label}${actor}: ${method} ${path} answered ${res.status} (${outcome})`;
        if (outcome === 'server_error') wrong.push(said);
        else if (allowed) {
          if (outcome !== 'ok') wrong.push(`${said}, but may use it`);
        } else {
          // Told to log in, or, for a private record asked of a public route, that there is none.
          const refusals =
            actor === 'anonymous'
              ? ['unauthenticated', 'not_found']
              : ['forbidden', 'not_found', 'not_member'];
          const statuses = routes.get(key);
          if (!refusals.includes(outcome) || res.status < 300) wrong.push(`${said}, but may not use it`);
          else if (outcome === 'unauthenticated' && method === 'GET' && !pattern.startsWith('/api/')) {
            if (res.status !== 303 || !res.headers.get('location')?.startsWith('/login?next='))
              wrong.push(`${said}, not sent to log in`);
          } else if (statuses && !statuses.has(res.status))
            wrong.push(`${said}, a status the route does not document`);
          if (before && JSON.stringify(await fingerprint()) !== JSON.stringify(before))
            wrong.push(`${said}, and changed what the registry holds`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

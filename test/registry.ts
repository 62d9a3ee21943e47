/**
 * A registry on a fresh database for one test file, with an admin and a reviewer, and the steps by which
 * each test makes the producers, units and products it needs for itself: through the API (`openRegistry`),
 * through the pages (`openSite`), or a demo registry to read (`openDemo`).
 */

import { expect, vi } from 'vitest';
import * as accounts from '../src/modules/accounts/service.ts';
import * as catalog from '../src/modules/catalog/service.ts';
import { seedDemo } from '../src/modules/demo/seed.ts';
import { buildApp } from '../src/server.ts';
import { Browser } from './browser.ts';
import { newNationalId, productForm, rebarProduct, steelUnit, unitForm } from './fixtures.ts';
import { Client, freshDatabase, testDeps } from './helpers.ts';

type Kind = 'pglite' | 'postgres';

export const ADMIN = 'admin@example.ir';
export const REVIEWER = 'reviewer@example.ir';
/** The password of every account a test makes. */
export const PASSWORD = 'long enough secret';

async function withStaff(kind: Kind) {
  const database = await freshDatabase(kind);
  const deps = testDeps(database);
  const app = buildApp(deps);
  const { user } = await accounts.ensureAdmin(deps, { email: ADMIN, password: PASSWORD });
  await accounts.createUser(deps, user, {
    email: REVIEWER,
    password: PASSWORD,
    name: 'Reviewer',
    role: 'reviewer',
  });
  let made = 0;
  return {
    database,
    deps,
    app,
    /** An email no other account of this registry has. */
    newEmail: (who = 'maker') => `${who}-${++made}@example.ir`,
    close: () => database.drop(),
  };
}

export type Registry = Awaited<ReturnType<typeof openRegistry>>;

/** A registry driven through its API, with the admin and the reviewer logged in. */
export async function openRegistry(kind: Kind) {
  const base = await withStaff(kind);
  const { app } = base;

  async function loggedIn(email: string, password = PASSWORD, lang: 'fa' | 'en' = 'en') {
    const client = new Client(app, lang);
    expect((await client.post('/api/v1/auth/login', { email, password })).status).toBe(200);
    return client;
  }
  const admin = await loggedIn(ADMIN);
  const reviewer = await loggedIn(REVIEWER);

  /** A producer of its own, signed up and logged in, asking in Persian unless told. */
  async function producer(lang: 'fa' | 'en' = 'fa') {
    const client = new Client(app, lang);
    const email = base.newEmail();
    const res = await client.post('/api/v1/auth/signup', { email, password: PASSWORD, name: 'سازنده' });
    expect(res.status).toBe(201);
    return client;
  }

  /** A unit of `owner` with a national ID of its own, taken as far as `state`. */
  async function unit(
    owner: Client,
    state: 'draft' | 'submitted' | 'approved' = 'approved',
    fields: Record<string, unknown> = {},
  ): Promise<string> {
    const res = await owner.post('/api/v1/producers', {
      ...steelUnit,
      nationalId: newNationalId(),
      ...fields,
    });
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    if (state === 'draft') return id;
    expect((await owner.post(`/api/v1/producers/${id}/submit`)).status).toBe(200);
    if (state === 'approved')
      expect((await reviewer.post(`/api/v1/producers/${id}/decisions`, { decision: 'approve' })).status).toBe(
        200,
      );
    return id;
  }

  /** A product of `owner`'s unit, taken as far as `state`: the rebar with `fields` changed. */
  async function product(
    owner: Client,
    unitId: string,
    state: 'draft' | 'submitted' | 'approved' = 'draft',
    fields: Record<string, unknown> = {},
  ) {
    const res = await owner.post('/api/v1/products', { ...rebarProduct, producerId: unitId, ...fields });
    expect(res.status).toBe(201);
    if (state === 'draft') return res.body;
    const sent = await owner.post(`/api/v1/products/${res.body.id}/submit`);
    expect(sent.status).toBe(200);
    if (state === 'submitted') return sent.body;
    const approved = await reviewer.post(`/api/v1/products/${res.body.id}/decisions`, {
      decision: 'approve',
    });
    expect(approved.status).toBe(200);
    return approved.body;
  }

  return { ...base, admin, reviewer, anon: new Client(app), loggedIn, producer, unit, product };
}

export type Site = Awaited<ReturnType<typeof openSite>>;

/** A registry driven through its pages by browsers without JavaScript, with the admin and the reviewer logged in. */
export async function openSite(kind: Kind) {
  const base = await withStaff(kind);
  const { app } = base;

  async function loggedIn(email: string, password = PASSWORD) {
    const b = new Browser(app);
    expect((await b.submit('/login', '/login', { email, password })).status).toBe(303);
    return b;
  }
  const admin = await loggedIn(ADMIN);
  const reviewer = await loggedIn(REVIEWER);

  async function signedUp(email: string) {
    const b = new Browser(app);
    const res = await b.submit('/signup', '/signup', { name: 'Maryam', email, password: PASSWORD });
    expect(res.status).toBe(303);
    return b;
  }

  /** A producer with a unit the ministry approved. */
  async function producerWithUnit(email: string, nationalId: string) {
    const b = await signedUp(email);
    const unitId = idIn(
      (await b.submit('/workspace/units/new', '/workspace/units', { ...unitForm, nationalId })).headers.get(
        'location',
      ),
    );
    await b.submit(`/workspace/units/${unitId}`, `/workspace/units/${unitId}/submit`, {});
    await reviewer.submit(`/review/units/${unitId}`, `/review/units/${unitId}`, {
      decision: 'approve',
      reason: '',
    });
    return { b, unitId };
  }

  /** Sends the new-product form of a unit: the rebar with `fields` changed. */
  const newProduct = (b: Browser, unitId: string, fields: Record<string, string> = {}, lang = '') =>
    b.submit(`/workspace/products/new${lang}`, '/workspace/products', {
      producerId: unitId,
      ...productForm,
      ...fields,
    });

  async function draft(b: Browser, unitId: string, fields: Record<string, string> = {}) {
    const res = await newProduct(b, unitId, fields);
    expect(res.status).toBe(303);
    return idIn(res.headers.get('location'));
  }

  async function approved(b: Browser, id: string) {
    await b.submit(`/workspace/products/${id}`, `/workspace/products/${id}/submit`, {});
    const res = await reviewer.submit(`/review/products/${id}`, `/review/products/${id}`, {
      decision: 'approve',
      reason: '',
    });
    expect(res.status).toBe(303);
  }

  return {
    ...base,
    admin,
    reviewer,
    visitor: () => new Browser(app),
    loggedIn,
    signedUp,
    producerWithUnit,
    newProduct,
    draft,
    approved,
  };
}

export type Demo = Awaited<ReturnType<typeof openDemo>>;

/**
 * The demo registry (12 units, 80 products in every state, their log and accounts) with its search
 * index loaded: a catalog to read, which tests leave as they found it.
 */
export async function openDemo(kind: Kind) {
  const database = await freshDatabase(kind);
  const deps = testDeps(database);
  await seedDemo(deps, { units: 12, products: 80, seed: 7 });
  const app = buildApp(deps);
  const stop = catalog.start(deps, { pollMs: 50 });
  await vi.waitFor(() => expect(catalog.isReady(deps)).toBe(true), { timeout: 20_000 });
  return {
    database,
    deps,
    app,
    visitor: () => new Browser(app),
    /** What the API answers a visitor asking in English. */
    api: async (path: string) => (await app.request(path, { headers: { 'accept-language': 'en' } })).json(),
    close: async () => {
      await stop();
      await database.drop();
    },
  };
}

/** The id in an address a form redirected to. */
export const idIn = (location: string | null) => /([0-9a-f-]{36})/.exec(location ?? '')?.[1] ?? '';

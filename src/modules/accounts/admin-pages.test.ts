import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Browser, fieldError } from '../../../test/browser.ts';
import { Client, DATABASE_KINDS, freshDatabase, type TestDatabase, testDeps } from '../../../test/helpers.ts';
import type { Deps } from '../../context.ts';
import { t } from '../../i18n/index.ts';
import { buildApp } from '../../server.ts';
import { insertUser } from './repo.ts';
import * as accounts from './service.ts';

const PASSWORD = 'long enough secret';
const flash = (html: string) => /class="alert alert-ok" role="status">([^<]+)</.exec(html)?.[1];
const emails = (html: string) => [...html.matchAll(/<td dir="ltr">([^<]+)<\/td>/g)].map((m) => m[1]);
const nextLink = (html: string) => /<a rel="next" href="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');

describe.each(DATABASE_KINDS)("an admin's accounts pages and API on %s", (kind) => {
  let database: TestDatabase;
  let deps: Deps;
  let app: ReturnType<typeof buildApp>;
  let admin: Browser;
  let adminId: string;

  const loggedIn = async (email: string) => {
    const b = new Browser(app);
    expect((await b.submit('/login', '/login', { email, password: PASSWORD })).status).toBe(303);
    return b;
  };
  const idOf = async (email: string) => (await accounts.findByEmail(deps, email))?.id ?? '';

  // Each test lists, adds or changes accounts: each has a registry of its own.
  beforeEach(async () => {
    database = await freshDatabase(kind);
    deps = testDeps(database);
    app = buildApp(deps);
    const { user } = await accounts.ensureAdmin(deps, { email: 'admin@example.ir', password: PASSWORD });
    adminId = user.id;
    await accounts.createUser(deps, user, {
      email: 'reviewer@example.ir',
      password: PASSWORD,
      name: 'Reviewer',
      role: 'reviewer',
    });
    // Sixty producers, enough for two pages; no one logs in as them, so no password needs hashing.
    for (let i = 1; i <= 60; i++) {
      const n = String(i).padStart(2, '0');
      await insertUser(deps.db, {
        email: `maker${n}@example.ir`,
        name: i === 7 ? 'کارخانه فولاد' : `Maker ${n}`,
        passwordHash: 'x',
        role: 'producer',
      });
    }
    admin = await loggedIn('admin@example.ir');
  });
  afterEach(() => database.drop());

  it('lists the accounts fifty a page, and finds them by part of the email or the name and by role', async () => {
    const first = await admin.get('/admin/users?lang=en');
    expect(first.html).toContain(t('en', 'web.users.count', { count: '62' }));
    expect(emails(first.html)).toHaveLength(50);
    const next = nextLink(first.html) ?? '';
    expect(next).toBe('/admin/users?from=50');
    const second = await admin.get(next);
    expect(emails(second.html)).toHaveLength(12);
    expect(new Set([...emails(first.html), ...emails(second.html)]).size).toBe(62);

    const found = await admin.get('/admin/users?q=MAKER1&lang=en');
    // Accounts made within the same instant may come in either order.
    expect(emails(found.html).sort()).toEqual([...Array(10)].map((_, i) => `maker1${i}@example.ir`));
    expect(emails((await admin.get(`/admin/users?q=${encodeURIComponent('فولاد')}`)).html)).toEqual([
      'maker07@example.ir',
    ]);
    // A LIKE wildcard typed into the box is a character like any other.
    expect((await admin.get('/admin/users?q=%25&lang=en')).html).toContain(t('en', 'web.users.none'));
    const reviewers = await admin.get('/admin/users?role=reviewer');
    expect(emails(reviewers.html)).toEqual(['reviewer@example.ir']);
    expect(emails((await admin.get('/admin/users?role=nobody')).html)).toHaveLength(50);
  });

  it("changes another account's role on its page, which holds from that account's next request", async () => {
    const reviewer = await loggedIn('reviewer@example.ir');
    expect((await reviewer.get('/review')).status).toBe(200);
    const id = await idOf('reviewer@example.ir');
    const page = await admin.get(`/admin/users/${id}?lang=en`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`action="/admin/users/${id}/role"`);
    expect(page.html).toContain('<option value="reviewer" selected="">');

    const bad = await admin.submit(`/admin/users/${id}`, `/admin/users/${id}/role`, { role: 'king' });
    expect(bad.status).toBe(400);
    expect(fieldError(bad.html, 'role')).toBe(
      t('en', 'field.one_of', { values: 'producer, reviewer, admin' }),
    );

    const changed = await admin.submit(`/admin/users/${id}`, `/admin/users/${id}/role`, { role: 'producer' });
    expect(changed.status).toBe(303);
    expect(changed.headers.get('location')).toBe(`/admin/users/${id}`);
    const after = await admin.get(`/admin/users/${id}`);
    expect(flash(after.html)).toBe(t('en', 'web.done.role_changed'));
    expect(after.html).toContain('<option value="producer" selected="">');
    // Still logged in, no longer a reviewer.
    expect((await reviewer.get('/review')).status).toBe(403);
    expect((await reviewer.get('/workspace')).status).toBe(200);
  });

  it("offers no role change on the admin's own page and refuses one sent anyway", async () => {
    const own = await admin.get(`/admin/users/${adminId}?lang=en`);
    expect(own.html).toContain(t('en', 'web.users.self'));
    expect(own.html).not.toContain('/role"');
    const sent = await admin.submit(`/admin/users/${adminId}`, `/admin/users/${adminId}/role`, {
      role: 'producer',
    });
    expect(sent.status).toBe(403);
    expect((await accounts.findByEmail(deps, 'admin@example.ir'))?.role).toBe('admin');
  });

  it('answers a NUL in an address with 400, on pages and the API alike, and goes on answering', async () => {
    expect((await admin.get('/admin/users?q=a%00b')).status).toBe(400);
    const api = new Client(app);
    await api.post('/api/v1/auth/login', { email: 'admin@example.ir', password: PASSWORD });
    for (const path of [
      '/api/v1/users?q=%00',
      '/api/v1/products?mine=true&q=%00',
      '/api/v1/products?queue=true&q=%00',
    ])
      expect((await api.get(path)).status, path).toBe(400);
    expect((await api.get('/api/v1/products?mine=true&q=x')).status).toBe(200);
  });

  it('answers an unknown account with 404, and keeps the pages to admins', async () => {
    expect((await admin.get('/admin/users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const producer = new Browser(app);
    await producer.submit('/signup', '/signup', {
      name: 'Maryam',
      email: 'maryam@example.ir',
      password: PASSWORD,
    });
    expect((await producer.get('/admin/users')).status).toBe(403);
    expect((await producer.get(`/admin/users/${adminId}`)).status).toBe(403);
  });

  it('gives the same to programs: a page of accounts and a role change, for admins only', async () => {
    const api = new Client(app);
    expect(
      (await api.post('/api/v1/auth/login', { email: 'admin@example.ir', password: PASSWORD })).status,
    ).toBe(200);
    const page = await api.get('/api/v1/users?q=maker0&limit=5&offset=5');
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(9);
    const emailsOf = (items: { email: string }[]) => items.map((a) => a.email);
    const rest = await api.get('/api/v1/users?q=maker0&limit=5');
    expect([...emailsOf(rest.body.items), ...emailsOf(page.body.items)].sort()).toEqual(
      [...Array(9)].map((_, i) => `maker0${i + 1}@example.ir`),
    );
    expect(page.body.items[0]).toMatchObject({ role: 'producer', disabledAt: null });
    expect((await api.get('/api/v1/users?role=king')).status).toBe(400);

    const id = await idOf('maker01@example.ir');
    expect((await api.post(`/api/v1/users/${id}/role`, { role: 'reviewer' })).status).toBe(204);
    expect((await accounts.findByEmail(deps, 'maker01@example.ir'))?.role).toBe('reviewer');
    expect((await api.post(`/api/v1/users/${id}/role`, { role: 'king' })).status).toBe(400);
    expect((await api.post(`/api/v1/users/${adminId}/role`, { role: 'producer' })).status).toBe(403);
    expect(
      (await api.post('/api/v1/users/00000000-0000-4000-8000-000000000000/role', { role: 'admin' })).status,
    ).toBe(404);

    const other = new Client(app);
    await other.post('/api/v1/auth/signup', { email: 'omid@example.ir', password: PASSWORD, name: 'Omid' });
    expect((await other.get('/api/v1/users')).status).toBe(403);
    expect((await other.post(`/api/v1/users/${id}/role`, { role: 'admin' })).status).toBe(403);
  });
});

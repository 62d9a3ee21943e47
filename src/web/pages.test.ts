import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Browser, fieldError } from '../../test/browser.ts';
import { DATABASE_KINDS, freshDatabase, type TestDatabase, testDeps } from '../../test/helpers.ts';
import { formatRegistrationNumber } from '../domain/identifiers.ts';
import { type MessageKey, t, toPersianDigits } from '../i18n/index.ts';
import * as accounts from '../modules/accounts/service.ts';
import * as catalog from '../modules/catalog/service.ts';
import { DEMO_PASSWORD, seedDemo } from '../modules/demo/seed.ts';
import { logOf } from '../modules/log/service.ts';
import { coverage } from '../modules/products/repo.ts';
import { buildApp } from '../server.ts';
import { dateOf } from './format.ts';

const flash = (html: string) => /class="alert alert-ok" role="status">([^<]+)</.exec(html)?.[1];
const idIn = (location: string | null) => /([0-9a-f-]{36})/.exec(location ?? '')?.[1] ?? '';

const UNIT = {
  nameFa: 'فولاد سپاهان',
  nameEn: 'Sepahan Steel',
  province: 'IR-10',
  city: 'اصفهان',
  isic: '2410',
  licenceNo: '123/45678',
};
const PRODUCT = {
  nameFa: 'میلگرد آجدار A3 قطر ۱۶',
  nameEn: 'Deformed rebar A3, 16 mm',
  descriptionFa: 'میلگرد آجدار فولادی برای ساختمان',
  descriptionEn: 'Deformed steel rebar for construction',
  tariffCode: '72142000',
  brand: 'سپاهان',
  model: 'A3-16',
  unit: 'tonne',
  annualCapacity: '120000',
  exWorksPrice: '250000000',
  importedInputsCost: '40000000',
  exportMarkets: 'IQ',
};
const PASSWORD = 'long enough secret';

/** Sends the new-product form of a unit: PRODUCT with `fields` changed. */
const newProduct = (b: Browser, unitId: string, fields: Record<string, string> = {}, lang = '') =>
  b.submit(`/workspace/products/new${lang}`, '/workspace/products', {
    producerId: unitId,
    ...PRODUCT,
    ...fields,
  });

describe.each(DATABASE_KINDS)('the web pages (%s)', (kind) => {
  let database: TestDatabase;
  let app: ReturnType<typeof buildApp>;
  let admin: Browser;
  let reviewer: Browser;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    const deps = testDeps(database);
    app = buildApp(deps);
    const { user } = await accounts.ensureAdmin(deps, { email: 'admin@example.ir', password: PASSWORD });
    await accounts.createUser(deps, user, {
      email: 'reviewer@example.ir',
      password: PASSWORD,
      name: 'Reviewer',
      role: 'reviewer',
    });
    admin = await loggedIn('admin@example.ir');
    reviewer = await loggedIn('reviewer@example.ir');
  });
  afterAll(() => database.drop());

  async function loggedIn(email: string, password = PASSWORD) {
    const b = new Browser(app);
    expect((await b.submit('/login', '/login', { email, password })).status).toBe(303);
    return b;
  }

  async function signedUp(email: string) {
    const b = new Browser(app);
    expect((await b.submit('/signup', '/signup', { name: 'Maryam', email, password: PASSWORD })).status).toBe(
      303,
    );
    return b;
  }

  /** A producer with a unit the ministry approved. */
  async function producerWithUnit(email: string, nationalId: string) {
    const b = await signedUp(email);
    const unitId = idIn(
      (await b.submit('/workspace/units/new', '/workspace/units', { ...UNIT, nationalId })).headers.get(
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

  it('are Persian and right-to-left by default, English and left-to-right when asked, and remember the choice', async () => {
    const b = new Browser(app);
    const fa = await b.get('/');
    expect(fa.status).toBe(200);
    expect(fa.html).toContain('<html lang="fa" dir="rtl">');
    expect(fa.html).toContain('ایران‌ساخت');
    const en = await b.get('/products?q=steel&lang=en');
    expect(en.html).toContain('<html lang="en" dir="ltr">');
    expect(en.html).toContain('Iran-made registry');
    expect(en.html).toContain('href="/products?q=steel&amp;lang=fa"');
    expect((await b.get('/verify')).html).toContain('<html lang="en" dir="ltr">');
  });

  it('answer every response, pages and API alike, with a strict content security policy', async () => {
    for (const path of ['/', '/api/health', '/verify/1405-000001-0']) {
      const res = await app.request(path);
      expect(res.headers.get('content-security-policy'), path).toContain("script-src 'self'");
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('serve the stylesheet and the Vazirmatn font from this origin', async () => {
    const css = await app.request('/static/app.css');
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(await css.text()).toContain('url(/static/fonts/vazirmatn-arabic-400-normal.woff2)');
    const font = await app.request('/static/fonts/vazirmatn-arabic-400-normal.woff2');
    expect(font.status).toBe(200);
    expect(font.headers.get('content-type')).toBe('font/woff2');
  });

  it('show a form error beside its field, in the page language, keeping what was typed', async () => {
    const b = new Browser(app);
    const res = await b.submit('/signup', '/signup', {
      name: 'مریم احمدی',
      email: 'not-an-email',
      password: 'long enough secret',
    });
    expect(res.status).toBe(400);
    expect(fieldError(res.html, 'email')).toBe(t('fa', 'field.email'));
    expect(res.html).toContain('value="not-an-email"');
    expect(res.html).toContain('value="مریم احمدی"');
    expect(res.html).not.toContain('long enough secret');
  });

  it('refuse a form posted without its CSRF token, and change nothing', async () => {
    const b = new Browser(app);
    await b.get('/signup');
    const res = await b.post('/signup', {
      name: 'Eve',
      email: 'eve@example.ir',
      password: 'long enough secret',
    });
    expect(res.status).toBe(403);
    expect(res.html).toContain('زمان فرم گذشته است');
    const retry = await b.submit('/login', '/login', {
      email: 'eve@example.ir',
      password: 'long enough secret',
    });
    expect(retry.status).toBe(401);
  });

  it('point a registration number the catalog does not show to its status on /verify', async () => {
    const number = formatRegistrationNumber(1405, 987654);
    const page = await new Browser(app).get(`/products?q=${encodeURIComponent(toPersianDigits(number))}`);
    expect(page.html).toContain(t('fa', 'web.catalog.none'));
    expect(page.html).toContain(`href="/verify/${number}"`);
    // A mistyped one too: /verify says that its check digit does not match.
    const mistyped = `${number.slice(0, -1)}${(Number(number.at(-1)) + 1) % 10}`;
    expect((await new Browser(app).get(`/products?q=${mistyped}`)).html).toContain(
      `href="/verify/${mistyped}"`,
    );
    const words = await new Browser(app).get('/products?q=nothing-like-this');
    expect(words.html).not.toContain('href="/verify/');
    // Nothing found, nothing to refine by: no empty facet panel.
    expect(words.html).toContain(t('fa', 'web.catalog.none'));
    expect(words.html).not.toContain('class="facets"');
  });

  it('lead the ministry to its review queue after login, and anyone to where the login was asked for', async () => {
    const at = async (email: string, next = '') =>
      (await new Browser(app).submit('/login', '/login', { email, password: PASSWORD, next })).headers.get(
        'location',
      );
    expect(await at('reviewer@example.ir')).toBe('/review');
    expect(await at('reviewer@example.ir', '/workspace/tokens')).toBe('/workspace/tokens');
    expect(await at('reviewer@example.ir', '/products?q=a%20b')).toBe('/products?q=a%20b');
    // Addresses a browser would take to another host are not followed.
    for (const elsewhere of ['//evil.example', '/\\evil.example', '/\t/evil.example', 'https://evil.example'])
      expect(await at('reviewer@example.ir', elsewhere), elsewhere).toBe('/review');
  });

  it('keep no page shown to an account in a cache, so Back after logging out shows none of it', async () => {
    const reviewerPage = await reviewer.get('/review');
    expect(reviewerPage.status).toBe(200);
    expect(reviewerPage.headers.get('cache-control')).toBe('private, no-store');
    expect((await reviewer.get('/products')).headers.get('cache-control')).toBe('private, no-store');
    // A visitor's public page may be kept.
    expect((await new Browser(app).get('/products')).headers.get('cache-control')).toBeNull();
  });

  it('sign a producer up and into their workspace', async () => {
    const b = new Browser(app);
    const res = await b.submit('/signup', '/signup', {
      name: 'Reza',
      email: 'reza@example.ir',
      password: 'long enough secret',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/workspace');
    const ws = await b.get('/workspace?lang=en');
    expect(ws.html).toContain('Logged in as \u2068Reza\u2069');
  });

  it('slow down guessing: after five wrong passwords for an account the login page says to wait', async () => {
    const b = new Browser(app);
    await b.submit('/signup', '/signup', {
      name: 'Sara',
      email: 'sara@example.ir',
      password: 'long enough secret',
    });
    b.cookies.clear();
    for (let i = 0; i < 5; i++) {
      expect(
        (await b.submit('/login', '/login', { email: 'sara@example.ir', password: `wrong ${i}` })).status,
      ).toBe(401);
    }
    const blocked = await b.submit('/login?lang=en', '/login', {
      email: 'sara@example.ir',
      password: 'long enough secret',
    });
    expect(blocked.status).toBe(429);
    expect(blocked.html).toContain('Too many failed attempts. Please try again in 15 minutes.');
  });

  it('change a password, ending the other sessions and keeping this one', async () => {
    const here = await signedUp('password.owner@example.ir');
    const elsewhere = await loggedIn('password.owner@example.ir');
    const wrong = await here.submit('/workspace/password?lang=en', '/workspace/password', {
      currentPassword: 'not the password',
      newPassword: 'a new long password',
    });
    expect(wrong.status).toBe(400);
    expect(fieldError(wrong.html, 'currentPassword')).toBeTruthy();
    expect(wrong.html).not.toContain('not the password');
    const res = await here.submit('/workspace/password', '/workspace/password', {
      currentPassword: PASSWORD,
      newPassword: 'a new long password',
    });
    expect(res.status).toBe(303);
    expect(flash((await here.get('/workspace?lang=en')).html)).toBe(t('en', 'web.done.password_changed'));
    expect((await elsewhere.get('/workspace')).headers.get('location')).toBe('/login?next=%2Fworkspace');
    await loggedIn('password.owner@example.ir', 'a new long password');
  });

  it('switch the language of a page that answered a form post to the form it came from', async () => {
    const res = await app.request('/signup', {
      method: 'POST',
      headers: {
        referer: 'http://localhost/signup?next=%2Fworkspace',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'name=x',
    });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('class="lang-switch" href="/signup?next=%2Fworkspace&amp;lang=en"');
  });

  it('send an anonymous visitor of the workspace to the login page', async () => {
    const res = await app.request('/workspace');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Fworkspace');
  });

  it('answer a mistyped registration number in large words', async () => {
    const valid = formatRegistrationNumber(1405, 1);
    const mistyped = `${valid.slice(0, -1)}${(Number(valid.at(-1)) + 1) % 10}`;
    const res = await new Browser(app).get(`/verify/${mistyped}?lang=en`);
    expect(res.html).toContain('class="verdict-word">Mistyped<');
    const unknown = await new Browser(app).get(`/verify/${valid}?lang=en`);
    expect(unknown.html).toContain('class="verdict-word">Not found<');
  });
  it('confirm an action once, on the page it leads to, in that page’s language', async () => {
    const b = await signedUp('flash@example.ir');
    expect(flash((await b.get('/workspace')).html)).toBe(t('fa', 'web.done.welcome'));
    expect(flash((await b.get('/workspace')).html)).toBeUndefined();
    const saved = await b.submit('/workspace/units/new?lang=en', '/workspace/units', {
      ...UNIT,
      nationalId: '10100012342',
    });
    expect(saved.status).toBe(303);
    expect(flash((await b.get(saved.headers.get('location') ?? '')).html)).toBe('Saved.');
  });

  it('say a field left empty or out is required, not what its format would want', async () => {
    const b = await signedUp('empty-fields@example.ir');
    const unit = await b.submit('/workspace/units/new', '/workspace/units', {
      ...UNIT,
      nationalId: '10200015838',
      province: '',
    });
    expect(unit.status).toBe(400);
    expect(fieldError(unit.html, 'province')).toBe(t('fa', 'field.required'));
    const { b: producer, unitId } = await producerWithUnit('empty-product@example.ir', '10200134623');
    const product = await newProduct(producer, unitId, { annualCapacity: '' });
    expect(product.status).toBe(400);
    expect(fieldError(product.html, 'annualCapacity')).toBe(t('fa', 'field.required'));
    const id = await draft(producer, unitId);
    await producer.submit(`/workspace/products/${id}`, `/workspace/products/${id}/submit`, {});
    const undecided = await reviewer.submit(`/review/products/${id}`, `/review/products/${id}`, {
      reason: '',
    });
    expect(fieldError(undecided.html, 'decision')).toBe(t('fa', 'field.required'));
  });

  it('answer an unknown address with a page in the reader’s language, and the API with problem details', async () => {
    const fa = await new Browser(app).get('/no/such/page');
    expect(fa.status).toBe(404);
    expect(fa.headers.get('content-type')).toContain('text/html');
    expect(fa.html).toContain('<html lang="fa" dir="rtl">');
    expect(fa.html).toContain(t('fa', 'web.error.not_found_lead'));
    const en = await new Browser(app).get('/no/such/page?lang=en');
    expect(en.html).toContain(t('en', 'web.error.not_found_lead'));
    expect(en.html).toContain('href="/no/such/page?lang=fa"');
    const api = await app.request('/api/v1/no-such-thing', { headers: { 'accept-language': 'en' } });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    expect((await api.json()).title).toBe('Not found');
  });

  it("open a problem's type, as an API answer names it, on a page saying what it is", async () => {
    const refused = await app.request('/api/v1/products/not-a-product', {
      headers: { 'accept-language': 'en' },
    });
    const { type } = (await refused.json()) as { type: string };
    const page = await new Browser(app).get(`${type}?lang=en`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`<h1>${t('en', 'problem.not_found')}</h1>`);
    expect(page.html).toContain('HTTP status 404 and the code &quot;not_found&quot;');
    expect((await new Browser(app).get('/problems/no-such-problem')).status).toBe(404);
  });

  it('answer malformed and unknown ids and registration numbers on every page route with the 404 page', async () => {
    const unknown = randomUUID();
    const gets = [
      '/products/abc',
      '/products/1405-000001-0',
      '/products/1405-0000',
      `/products/${unknown}`,
      '/producers/abc',
      `/producers/${unknown}`,
      '/workspace/units/abc',
      `/workspace/units/${unknown}`,
      '/workspace/products/abc',
      `/workspace/products/${unknown}`,
      '/review/units/abc',
      `/review/units/${unknown}`,
      '/review/products/1405-000001-0',
      `/review/products/${unknown}`,
    ];
    const posts = [
      '/workspace/units/abc',
      '/workspace/units/abc/submit',
      '/workspace/products/abc',
      '/workspace/products/abc/submit',
      '/workspace/products/abc/renew',
      '/workspace/products/abc/documents',
      '/workspace/tokens/abc/revoke',
      '/admin/users/abc/disable',
      '/review/units/abc',
      '/review/products/abc',
    ];
    for (const path of gets) {
      const res = await admin.get(path);
      expect(res.status, path).toBe(404);
      expect(res.html, path).toContain(t('fa', 'web.error.not_found_lead'));
    }
    const fields = { ...PRODUCT, ...UNIT, decision: 'approve', reason: 'x', version: '1' };
    for (const path of [...posts, ...posts.map((p) => p.replace('abc', unknown))]) {
      const res = await admin.submit('/workspace', path, fields);
      expect(res.status, path).toBe(404);
      expect(res.html, path).toContain(t('fa', 'web.error.not_found_lead'));
    }
    expect((await new Browser(app).get('/producers/abc')).status).toBe(404);
  });

  it('bring a reload of a refused form’s address back to the form’s page', async () => {
    const id = '0b1e8e4c-2f6a-4c3e-9d7a-5f1b2c3d4e5f';
    const b = await signedUp('reload@example.ir');
    const reloads: [string, string][] = [
      ['/workspace/products', '/workspace/products/new'],
      [`/workspace/products/${id}/submit`, `/workspace/products/${id}`],
      [`/workspace/products/${id}/documents`, `/workspace/products/${id}`],
      ['/workspace/units', '/workspace/units/new'],
      [`/workspace/units/${id}/submit`, `/workspace/units/${id}`],
      ['/workspace/tokens', '/workspace'],
    ];
    for (const [from, to] of reloads) {
      const res = await b.get(from);
      expect([res.status, res.headers.get('location')], from).toEqual([302, to]);
    }
  });

  it('keep the page when the language is switched', async () => {
    const { b, unitId } = await producerWithUnit('switch@example.ir', '10320567897');
    const id = await draft(b, unitId);
    const en = await b.get(`/workspace/products/${id}?lang=en`);
    expect(en.html).toContain('<html lang="en" dir="ltr">');
    expect(en.html).toContain(`class="lang-switch" href="/workspace/products/${id}?lang=fa"`);
    const fa = await b.get(`/workspace/products/${id}?lang=fa`);
    expect(fa.html).toContain(`class="lang-switch" href="/workspace/products/${id}?lang=en"`);
  });

  it('take a product’s other characteristics as name–value rows, with more rows on request, and show them publicly', async () => {
    const { b, unitId } = await producerWithUnit('attrs@example.ir', '10860123456');
    const more = await newProduct(b, unitId, {
      'attr-key-0': 'استاندارد',
      'attr-value-0': 'INSO 3132',
      'attr-key-1': '',
      'attr-value-1': '',
      'attr-key-2': '',
      'attr-value-2': '',
      more: 'rows',
    });
    expect(more.status).toBe(200);
    expect(more.html).toContain('id="f-attr-key-5"');
    expect(more.html).toContain('value="INSO 3132"');
    expect((await b.get('/workspace')).html).toContain(t('fa', 'web.workspace.no_products'));

    const half = await newProduct(b, unitId, {
      'attr-key-0': 'استاندارد',
      'attr-value-0': 'INSO 3132',
      'attr-key-1': 'grade',
      'attr-value-1': '',
      'attr-key-2': 'استاندارد',
      'attr-value-2': 'ISO 6935',
    });
    expect(half.status).toBe(400);
    expect(fieldError(half.html, 'attr-value-1')).toBe(t('fa', 'field.required'));
    expect(fieldError(half.html, 'attr-key-2')).toBe(t('fa', 'web.product.attr_twice'));

    const id = await draft(b, unitId, {
      'attr-key-0': 'استاندارد',
      'attr-value-0': 'INSO 3132',
      'attr-key-1': 'grade',
      'attr-value-1': 'A3',
    });
    const edit = await b.get(`/workspace/products/${id}`);
    expect(edit.html).toContain('value="A3"');
    expect(edit.html).toContain('id="f-attr-key-2" name="attr-key-2"');
    await approved(b, id);
    const page = await new Browser(app).get(`/products/${id}?lang=en`);
    // Each name and value isolated, so that «130×130 mm» reads so beside Persian.
    expect(page.html).toContain('<dt>\u2068grade\u2069</dt><dd>\u2068A3\u2069</dd>');
  });

  it('show a new API token once, and stop it working once revoked', async () => {
    const b = await signedUp('tokens@example.ir');
    const created = await b.submit('/workspace', '/workspace/tokens', { name: 'ERP' });
    expect(created.status).toBe(200);
    const token = /class="secret" dir="ltr">(imt_[^<]+)</.exec(created.html)?.[1] ?? '';
    expect(token).not.toBe('');
    const auth = { authorization: `Bearer ${token}` };
    expect((await app.request('/api/v1/auth/me', { headers: auth })).status).toBe(200);
    const later = await b.get('/workspace');
    expect(later.html).not.toContain(token);
    const tokenId = /action="\/workspace\/tokens\/([0-9a-f-]{36})\/revoke"/.exec(later.html)?.[1] ?? '';
    const revoked = await b.submit('/workspace', `/workspace/tokens/${tokenId}/revoke`, {});
    expect(revoked.status).toBe(303);
    const after = await b.get('/workspace?lang=en');
    expect(flash(after.html)).toBe(t('en', 'web.done.token_revoked'));
    expect(after.html).toContain('class="badge status-revoked">Revoked<');
    expect((await app.request('/api/v1/auth/me', { headers: auth })).status).toBe(401);
  });

  it('let an admin create a reviewer account, and disable it so that it can no longer log in', async () => {
    const bad = await admin.submit('/admin/users', '/admin/users', {
      name: 'N',
      email: 'nope',
      password: PASSWORD,
      role: 'reviewer',
    });
    expect(bad.status).toBe(400);
    expect(fieldError(bad.html, 'email')).toBe(t('fa', 'field.email'));
    const res = await admin.submit('/admin/users', '/admin/users', {
      name: 'Narges',
      email: 'narges@example.ir',
      password: PASSWORD,
      role: 'reviewer',
    });
    expect(res.status).toBe(303);
    const list = await admin.get('/admin/users');
    expect(flash(list.html)).toBe(t('fa', 'web.done.user_created'));
    expect(list.html).toContain('narges@example.ir');
    const narges = await loggedIn('narges@example.ir');
    expect((await narges.get('/review')).status).toBe(200);

    const userId = /narges@example.ir<\/td>.*?action="\/admin\/users\/([0-9a-f-]{36})\/disable"/s.exec(
      list.html,
    )?.[1];
    expect((await admin.submit('/admin/users', `/admin/users/${userId}/disable`, {})).status).toBe(303);
    expect(flash((await admin.get('/admin/users')).html)).toBe(t('fa', 'web.done.user_disabled'));
    expect((await narges.get('/review')).status).toBe(303);
    const again = await new Browser(app).submit('/login', '/login', {
      email: 'narges@example.ir',
      password: PASSWORD,
    });
    expect(again.status).toBe(403);
    expect(again.html).toContain(t('fa', 'problem.account_disabled'));

    // Enabled again, the account logs in; the sessions that ended stay ended.
    const listed = await admin.get('/admin/users');
    expect(listed.html).toContain(`action="/admin/users/${userId}/enable"`);
    expect((await admin.submit('/admin/users', `/admin/users/${userId}/enable`, {})).status).toBe(303);
    expect(flash((await admin.get('/admin/users')).html)).toBe(t('fa', 'web.done.user_enabled'));
    expect((await narges.get('/review')).status).toBe(303);
    const back = await new Browser(app).submit('/login', '/login', {
      email: 'narges@example.ir',
      password: PASSWORD,
    });
    expect(back.status).toBe(303);
  });

  it('accept a PDF as a compliance document and refuse another type beside the file field', async () => {
    const { b, unitId } = await producerWithUnit('docs@example.ir', '14001234562');
    const id = await draft(b, unitId);
    const page = `/workspace/products/${id}`;
    const pdf = new File(['%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'], 'licence.pdf', {
      type: 'application/pdf',
    });
    const ok = await b.upload(page, `${page}/documents`, pdf);
    expect(ok.status).toBe(303);
    const after = await b.get(page);
    expect(flash(after.html)).toBe(t('fa', 'web.done.uploaded'));
    expect(after.html).toContain('>licence.pdf</a>');

    const exe = new File(['MZ\x90\x00 not a document'], 'tool.pdf', { type: 'application/pdf' });
    const refused = await b.upload(`${page}?lang=en`, `${page}/documents`, exe);
    expect(refused.status).toBe(400);
    expect(fieldError(refused.html, 'file')).toBe(t('en', 'problem.unsupported_media_type'));
    expect(refused.html).toContain('aria-describedby="f-file-hint f-file-error"');
    expect(refused.html).not.toContain('>tool.pdf</a>');

    // The draft's maker takes the document back with its Remove button.
    const remove = /action="(\/workspace\/products\/[^"]+\/documents\/[^"]+\/remove)"/.exec(after.html)?.[1];
    expect(remove).toBeDefined();
    expect((await b.submit(page, remove ?? '', {})).status).toBe(303);
    const emptied = await b.get(page);
    expect(flash(emptied.html)).toBe(t('en', 'web.done.removed'));
    expect(emptied.html).not.toContain('>licence.pdf</a>');
  });

  it('tell a producer to send the unit before its product, and show the registration once approved', async () => {
    const b = await signedUp('unsent@example.ir');
    const unitId = idIn(
      (
        await b.submit('/workspace/units/new', '/workspace/units', { ...UNIT, nationalId: '10500070001' })
      ).headers.get('location'),
    );
    const id = await draft(b, unitId);
    const waiting = await b.get(`/workspace/products/${id}?lang=en`);
    expect(waiting.html).toContain(t('en', 'web.product.open_unit'));
    expect(waiting.html).toContain(`href="/workspace/units/${unitId}"`);
    expect(waiting.html).not.toContain('name="send" value="review"');
    const refused = await b.submit(`/workspace/products/${id}`, `/workspace/products/${id}/submit`, {});
    expect(refused.status).toBe(409);
    expect(mainText(refused.html)).toContain(t('en', 'missing.unit_sent'));

    await b.submit(`/workspace/units/${unitId}`, `/workspace/units/${unitId}/submit`, {});
    const ready = await b.get(`/workspace/products/${id}?lang=en`);
    expect(ready.html).not.toContain(t('en', 'web.product.open_unit'));
    expect(ready.html).toContain('name="send" value="review"');

    await reviewer.submit(`/review/units/${unitId}`, `/review/units/${unitId}`, {
      decision: 'approve',
      reason: '',
    });
    await approved(b, id);
    const mine = await b.get(`/workspace/products/${id}?lang=en`);
    const number = /<strong class="regno" dir="ltr">([\d-]+)<\/strong>/.exec(mine.html)?.[1];
    expect(number).toMatch(/^\d{4}-\d{6}-\d$/);
    expect(mine.html).toContain(t('en', 'web.product.validUntil', { date: '' }).trim());
    // Just approved, it is valid to the end of next year: renewing would extend nothing, so it is not offered.
    expect(mine.html).not.toContain(`action="/workspace/products/${id}/renew"`);
  });

  it('save what was typed when the form is sent for review, and record nothing for a save that changes nothing', async () => {
    const { b, unitId } = await producerWithUnit('send-typed@example.ir', '10770000002');
    const id = await draft(b, unitId);
    const read = async () => JSON.parse((await b.get(`/api/v1/products/${id}`)).html);
    const page = `/workspace/products/${id}`;
    const { version } = await read();
    expect((await b.submit(page, page, { ...PRODUCT, version: String(version) })).status).toBe(303);
    expect((await read()).version).toBe(version);

    const sent = await b.submit(page, page, {
      ...PRODUCT,
      model: 'TYPED-THEN-SENT',
      version,
      send: 'review',
    });
    expect(sent.status).toBe(303);
    expect(flash((await b.get(page)).html)).toBe(t('fa', 'web.done.submit'));
    expect(await read()).toMatchObject({
      status: 'submitted',
      model: 'TYPED-THEN-SENT',
      version: version + 2,
    });
  });

  it('show a reviewer a unit sent again with the previous reason and what changed since', async () => {
    const b = await signedUp('unit-again@example.ir');
    const unitId = idIn(
      (
        await b.submit('/workspace/units/new', '/workspace/units', { ...UNIT, nationalId: '10770000021' })
      ).headers.get('location'),
    );
    const page = `/workspace/units/${unitId}`;
    await b.submit(page, `${page}/submit`, {});
    const reason = 'شهر را با نام رسمی آن بنویسید.';
    await reviewer.submit(`/review/units/${unitId}`, `/review/units/${unitId}`, {
      decision: 'request_changes',
      reason,
    });
    const { version } = JSON.parse((await b.get(`/api/v1/producers/${unitId}`)).html);
    const sent = await b.submit(page, page, {
      ...UNIT,
      nationalId: '10770000021',
      city: 'اصفهان بزرگ',
      version,
      send: 'review',
    });
    expect(sent.status).toBe(303);

    const shown = await reviewer.get(`/review/units/${unitId}?lang=en`);
    expect(shown.html).toContain(t('en', 'web.review.previous_reason', { reason: `\u2068${reason}\u2069` }));
    expect(shown.html).toContain(t('en', 'web.review.changed_since', { fields: t('en', 'web.unit.city') }));
  });

  it('show a producer its rejected proposed change with the reason, still in the form to mend', async () => {
    const { b, unitId } = await producerWithUnit('proposal@example.ir', '10770000017');
    const id = await draft(b, unitId);
    await approved(b, id);
    const page = `/workspace/products/${id}`;
    const { version } = JSON.parse((await b.get(`/api/v1/products/${id}`)).html);
    const proposed = { ...PRODUCT, exWorksPrice: '311650000', version: String(version), send: 'review' };
    expect((await b.submit(page, page, proposed)).status).toBe(303);
    const reason = 'قیمت پیشنهادی با سند هزینه نمی‌خواند.';
    await reviewer.submit(`/review/products/${id}`, `/review/products/${id}`, { decision: 'reject', reason });

    const shown = await b.get(page);
    expect(shown.html).toContain(t('fa', 'web.product.proposal_rejected'));
    expect(shown.html).toContain(t('fa', 'web.product.reviewer_reason', { reason: `\u2068${reason}\u2069` }));
    expect(shown.html).toContain('name="exWorksPrice" type="text" value="311650000"');
    expect(shown.html).toContain('name="send" value="review"');

    // The public history tells the rejected proposal from the registration, which stays approved.
    const { registrationNumber } = JSON.parse((await b.get(`/api/v1/products/${id}`)).html);
    const history = (await new Browser(app).get(`/products/${registrationNumber}?lang=en`)).html;
    const events = [...history.matchAll(/<li><strong>([^<]+)<\/strong>/g)].map((m) => m[1]);
    const of = (e: 'edited' | 'submitted' | 'rejected') =>
      t('en', 'web.event.of_revision', { event: t('en', `web.event.${e}`) });
    expect(events.slice(-3)).toEqual([of('edited'), of('submitted'), of('rejected')]);
    expect(events).toContain(t('en', 'web.event.approved'));
  });

  it('show the reviewer which fields a revision of an approved product changes, and only the decisions its state allows', async () => {
    const { b, unitId } = await producerWithUnit('revise@example.ir', '10380284790');
    const id = await draft(b, unitId);
    await approved(b, id);
    const approvedPage = await reviewer.get(`/review/products/${id}`);
    expect(approvedPage.html).toContain('value="suspend"');
    expect(approvedPage.html).not.toContain('value="approve"');

    const edit = await b.get(`/workspace/products/${id}`);
    const version = /name="version" value="(\d+)"/.exec(edit.html)?.[1] ?? '';
    const saved = await b.submit(`/workspace/products/${id}`, `/workspace/products/${id}`, {
      ...PRODUCT,
      version,
      nameEn: 'Deformed rebar A3, 16 mm, 12 m bars',
      annualCapacity: '150000',
      importedInputsCost: '50000000',
    });
    expect(saved.status).toBe(303);
    await b.submit(`/workspace/products/${id}`, `/workspace/products/${id}/submit`, {});
    // Its maker, who can no longer edit it while it is reviewed, still reads what was proposed.
    const mine = await b.get(`/workspace/products/${id}?lang=en`);
    expect(mine.html).not.toContain('name="version"');
    expect(mine.html).toContain(`<h2>${t('en', 'web.product.proposed_details')}</h2>`);
    expect(mine.html).toContain('<bdi>Deformed rebar A3, 16 mm, 12 m bars</bdi>');
    expect(mine.html).toContain('<bdi>Iraq</bdi>');

    const compare = await reviewer.get(`/review/products/${id}?lang=en`);
    const changed = [...compare.html.matchAll(/<tr class="changed"><th scope="row">([^<]+)</g)].map(
      (m) => m[1],
    );
    // The value added follows from the price and the imported inputs: 84 % now, 80 % proposed.
    expect(changed).toEqual([
      t('en', 'web.product.nameEn'),
      t('en', 'web.product.annualCapacity'),
      t('en', 'web.product.importedInputsCost'),
      t('en', 'web.product.valueAdded'),
    ]);
    expect(compare.html).toMatch(/<td>84<\/td><td>80<\/td>/);
    expect(compare.html).toContain('Deformed rebar A3, 16 mm, 12 m bars');
    // The decisions on the proposal come under their own heading, apart from those on the registration.
    const choices = [...compare.html.matchAll(/class="choice-group">([^<]+)<|value="([a-z_]+)"/g)]
      .map((m) => m[1] ?? m[2])
      .filter((x) => x !== undefined && !/^\d+$/.test(x));
    expect(choices).toEqual([
      t('en', 'web.review.about_revision'),
      'approve',
      'reject',
      'request_changes',
      t('en', 'web.review.about_registration'),
      'suspend',
      'revoke',
    ]);
  });

  it('answer the catalog from the database while the search index loads, saying so, without counts', async () => {
    const { b, unitId } = await producerWithUnit('early@example.ir', '10123456788');
    await approved(b, await draft(b, unitId, { nameEn: 'Early cast iron pipe' }));
    const { html } = await new Browser(app).get('/products?q=early&lang=en');
    expect(html).toContain(t('en', 'web.catalog.loading'));
    expect(html).toContain(t('en', 'web.catalog.uncounted'));
    expect(html).toContain('Early cast iron pipe');
    expect(html).not.toContain('class="facets"');
    // Counting the matches of words would read the whole catalog: the API says it did not count.
    for (const path of ['/api/v1/search?q=early', '/api/v1/products?q=early']) {
      const page = await (await app.request(path)).json();
      expect(page, path).toMatchObject({ items: [{ nameEn: 'Early cast iron pipe' }], total: null });
    }
    const listed = await (await app.request(`/api/v1/products?producerId=${unitId}`)).json();
    expect(listed.total).toBe(1);
  });
});

/** The facet links of a catalog page, by facet: the value each adds (or holds) and its count. */
function facetCounts(html: string) {
  const out: Record<string, { value: string; count: number }[]> = {};
  for (const [, facet = '', body = ''] of html.matchAll(
    /<section class="facet" aria-labelledby="facet-(\w+)">(.*?)<\/section>/gs,
  )) {
    const param = facet === 'producer' ? 'producerId' : facet;
    out[facet] = [
      ...body.matchAll(/<a href="([^"]+)"[^>]*><span>[^<]*<\/span><span class="count">([^<]+)<\/span>/g),
    ].map(([, href = '', count = '']) => ({
      value: new URLSearchParams(href.replaceAll('&amp;', '&').split('?')[1]).get(param) ?? '(removes)',
      count: Number(count.replace(/,/g, '')),
    }));
  }
  return out;
}
const cardNames = (html: string) =>
  [...html.matchAll(/<h3><a href="[^"]+">([^<]+)<\/a><\/h3>/g)].map((m) => m[1]);
const hrefOf = (html: string, rel: RegExp) => rel.exec(html)?.[1]?.replaceAll('&amp;', '&');
/** What a reader sees of a page's main part: its text, without tags. */
const mainText = (html: string) =>
  (/<main[^>]*>(.*)<\/main>/s.exec(html)?.[1] ?? '').replace(/<svg.*?<\/svg>/gs, '').replace(/<[^>]+>/g, ' ');

describe.each(DATABASE_KINDS)('the public catalog over a demo registry (%s)', (kind) => {
  let database: TestDatabase;
  let app: ReturnType<typeof buildApp>;
  let stop: () => Promise<void>;
  let deps: ReturnType<typeof testDeps>;
  const visitor = () => new Browser(app);
  const api = async (path: string) =>
    (await app.request(path, { headers: { 'accept-language': 'en' } })).json();

  beforeAll(async () => {
    database = await freshDatabase(kind);
    deps = testDeps(database);
    await seedDemo(deps, { units: 12, products: 80, seed: 7 });
    app = buildApp(deps);
    stop = catalog.start(deps, { pollMs: 50 });
    await vi.waitFor(() => expect(catalog.isReady(deps)).toBe(true), { timeout: 20_000 });
  }, 120_000);
  afterAll(async () => {
    await stop();
    await database.drop();
  });

  it('give the home page its figures from the index, as the database counts them', async () => {
    const { html } = await visitor().get('/?lang=en');
    const figure = (key: MessageKey) =>
      Number(
        new RegExp(`<strong>([\\d,]+)</strong><span>${t('en', key)}</span>`)
          .exec(html)?.[1]
          ?.replace(/,/g, ''),
      );
    const cover = await coverage(deps.db);
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM products WHERE status = 'approved'`.execute(deps.db);
    expect(figure('web.home.products')).toBe(rows[0]?.n);
    expect(figure('web.home.chapters')).toBe(cover.chapters);
    expect(figure('web.home.provinces')).toBe(cover.provinces);
  });

  it('count each facet over the whole result set, exactly as the search API does', async () => {
    for (const query of ['', 'q=steel', 'q=فولاد', 'band=80-100', 'section=XV&sort=name']) {
      const [page, found] = await Promise.all([
        visitor().get(`/products?${query}&lang=en`),
        api(`/api/v1/search?${query}`),
      ]);
      expect(page.html).toContain(`${found.total.toLocaleString('en-US')} products found`);
      const shown = facetCounts(page.html);
      for (const [facet, counts] of Object.entries(
        found.facets as Record<string, { value: string; count: number }[]>,
      )) {
        const active = new URLSearchParams(query).get(facet);
        expect(shown[facet] ?? [], `${query} ${facet}`).toEqual(
          counts.map((c) => ({ value: c.value === active ? '(removes)' : c.value, count: c.count })),
        );
      }
    }
  });

  it('label ISIC divisions with their Persian titles, and combine filters that each can take away', async () => {
    const all = await api('/api/v1/search');
    const chapter = all.facets.chapter[0].value as string;
    const within = await api(`/api/v1/search?chapter=${chapter}`);
    const province = within.facets.province[0].value as string;
    const both = await api(`/api/v1/search?chapter=${chapter}&province=${province}`);
    const page = await visitor().get(`/products?chapter=${chapter}&province=${province}`);
    expect(page.html).toContain(`${toPersianDigits(String(both.total))} کالا یافت شد`);
    expect(cardNames(page.html).length).toBe(Math.min(20, both.total));
    const chips = [...page.html.matchAll(/<a class="chip" href="([^"]+)"/g)].map((m) => m[1]);
    expect(chips).toEqual([`/products?province=${province}`, `/products?chapter=${chapter}`]);
    const full = await visitor().get('/products');
    for (const d of all.facets.isicDivision as { value: string }[])
      expect(full.html).toContain(t('fa', `industries.isic.${d.value}` as MessageKey));
  });

  it('sort by name and page through the results by the links alone, back to the first page', async () => {
    const first = await api('/api/v1/search?sort=name&limit=20');
    const second = await api(`/api/v1/search?sort=name&limit=20&cursor=${first.nextCursor}`);
    const page1 = await visitor().get('/products?sort=name&lang=en');
    expect(cardNames(page1.html)).toEqual(first.items.map((p: { nameEn: string }) => p.nameEn));
    expect(page1.html).toContain('<option value="name" selected="">Name</option>');
    const next = hrefOf(page1.html, /<a rel="next" href="([^"]+)"/);
    expect(next).toBe(`/products?sort=name&cursor=${first.nextCursor}`);
    const page2 = await visitor().get(`${next}&lang=en`);
    expect(cardNames(page2.html)).toEqual(second.items.map((p: { nameEn: string }) => p.nameEn));
    expect(hrefOf(page2.html, /<nav class="pager"[^>]*><a href="([^"]+)"/)).toBe('/products?sort=name');
  });

  it('start every page with a doctype, and serve a favicon', async () => {
    const { items } = await api('/api/v1/search?limit=1');
    for (const path of [
      '/',
      '/products?band=0-20',
      `/products/${items[0].registrationNumber}`,
      '/industries',
      '/verify',
      '/login',
      '/api/docs',
      '/no/such/page',
    ]) {
      expect((await visitor().get(path)).html.startsWith('<!DOCTYPE html><html'), path).toBe(true);
    }
    for (const path of ['/favicon.ico', '/static/favicon.svg']) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/svg+xml');
    }
    expect((await visitor().get('/')).html).toContain('<link rel="icon" href="/static/favicon.svg"');
  });

  it('name the registry by PUBLIC_URL in the commands to copy, whatever address a request names', async () => {
    const deps = testDeps(database);
    const published = buildApp({
      ...deps,
      config: { ...deps.config, publicUrl: 'https://iranmade.example' },
    });
    for (const path of ['/transparency', '/opendata']) {
      const html = await (await published.request(`http://forged.example${path}`)).text();
      expect(html, path).toContain('https://iranmade.example');
      expect(html, path).not.toContain('forged.example');
    }
    // Without it, a machine of one's own is named as it was asked for.
    expect(await (await app.request('http://localhost:3000/transparency')).text()).toContain(
      'iranmade verify audit http://localhost:3000',
    );
  });

  it('lead from the menu and the home page to industries, a domestic maker, transparency and open data', async () => {
    const home = await visitor().get('/industries');
    const nav = /<nav class="site-nav".*?<\/nav>/s.exec(home.html)?.[0] ?? '';
    for (const href of ['/products', '/industries', '/find-maker', '/verify', '/transparency', '/opendata'])
      expect(nav).toContain(`href="${href}"`);
    expect(nav).toContain('<a href="/industries" aria-current="page">');
    const start = mainText((await visitor().get('/')).html);
    expect(start).toContain(t('fa', 'web.nav.industries'));
    expect((await visitor().get('/')).html).toMatch(/<main.*href="\/find-maker"/s);
  });

  it('say a suspended, revoked or expired registration is not valid, in large words, and never "valid until"', async () => {
    for (const status of ['approved', 'suspended', 'revoked', 'expired'] as const) {
      const p = await database.db
        .selectFrom('products')
        .select(['registration_number', 'valid_until'])
        .where('status', '=', status)
        .$narrowType<{ registration_number: string; valid_until: Date }>()
        .executeTakeFirstOrThrow();
      const { html } = await visitor().get(`/products/${p.registration_number}?lang=en`);
      expect(/<strong class="verdict-word">([^<]+)</.exec(html)?.[1], status).toBe(
        t('en', `web.verify.word.${status}`),
      );
      const date = dateOf(p.valid_until.toISOString(), 'en');
      const valid = t('en', 'web.product.validUntil', { date });
      const verified = (await visitor().get(`/verify/${p.registration_number}?lang=en`)).html;
      if (status === 'approved') {
        expect(html).toContain(valid);
        expect(verified).toContain(`<dt>${t('en', 'web.verify.validUntil')}</dt>`);
      } else {
        expect(html, status).not.toContain('Valid until');
        expect(html).toContain(t('en', `web.product.ended.${status}`, { date }));
        expect(verified, status).not.toContain('Valid until');
        expect(verified).toContain(`<dt>${t('en', 'web.verify.term_end')}</dt>`);
      }
    }
  });

  it('say the verdict of a verification once, in large words, and under it what it means, in both languages', async () => {
    const numberOf = async (status: string) =>
      (
        await database.db
          .selectFrom('products')
          .select('registration_number')
          .where('status', '=', status)
          .executeTakeFirstOrThrow()
      ).registration_number ?? '';
    const valid = await numberOf('approved');
    const numbers = {
      approved: valid,
      suspended: await numberOf('suspended'),
      revoked: await numberOf('revoked'),
      expired: await numberOf('expired'),
      not_found: formatRegistrationNumber(1405, 999_999),
      mistyped: `${valid.slice(0, -1)}${(Number(valid.at(-1)) + 1) % 10}`,
      malformed: 'not-a-number',
    };
    for (const lang of ['fa', 'en'] as const)
      for (const [result, number] of Object.entries(numbers)) {
        const { html } = await visitor().get(`/verify/${number}?lang=${lang}`);
        const [, word, meaning] = /<p class="verdict-word">([^<]+)<\/p><p>([^<]+)<\/p>/.exec(html) ?? [];
        expect(word, `${lang} ${result}`).toBe(t(lang, `web.verify.word.${result}` as MessageKey));
        expect(meaning, `${lang} ${result}`).not.toContain(word);
      }
  });

  it('link every public event of a product to its transparency-log entry and a receipt that downloads', async () => {
    const p = await database.db
      .selectFrom('products')
      .select(['id', 'registration_number'])
      .where('status', '=', 'revoked')
      .$narrowType<{ registration_number: string }>()
      .executeTakeFirstOrThrow();
    const { items } = await api(`/api/v1/products/${p.id}/history`);
    const { html } = await visitor().get(`/products/${p.registration_number}`);
    const receipts = [...html.matchAll(/href="(\/api\/v1\/log\/entries\/(\d+)\/receipt)" download=/g)];
    expect(receipts.map((m) => Number(m[2]))).toEqual(items.map((e: { logIndex: number }) => e.logIndex));
    for (const [, , index] of receipts)
      expect(html).toContain(`href="/transparency?before=${Number(index) + 1}"`);
    // A receipt proves an entry against a signed checkpoint, which the running server signs every moment.
    await logOf(deps).signPending();
    const receipt = await app.request(receipts.at(-1)?.[1] ?? '');
    expect(receipt.status).toBe(200);
  });

  it('page back through the transparency log, linking only the subjects the public may open', async () => {
    await logOf(deps).signPending();
    const newest = await visitor().get('/transparency?lang=en');
    const older = /<a rel="next" href="\/transparency\?before=(\d+)">Older entries</.exec(newest.html);
    const size = Number(older?.[1]) + 20;
    expect(mainText(newest.html)).toContain(`Entries: ${size.toLocaleString('en')}`);
    const leafOf = (status: string) =>
      database.db
        .selectFrom('log_leaves')
        .innerJoin('products', 'products.id', 'log_leaves.subject_id')
        .select(['log_leaves.idx', 'products.id'])
        .where('products.status', '=', status)
        .orderBy('log_leaves.idx')
        .executeTakeFirstOrThrow();
    for (const [status, linked] of [
      ['draft', false],
      ['approved', true],
    ] as const) {
      const { idx, id } = await leafOf(status);
      const page = await visitor().get(`/transparency?before=${Number(idx) + 1}&lang=en`);
      const firstRow = /<tbody><tr><td[^>]*>([\d,]+)<\/td>.*?<\/tr>/s.exec(page.html);
      expect(firstRow?.[1]).toBe(Number(idx).toLocaleString('en'));
      expect(firstRow?.[0].includes(`href="/products/${id}"`), status).toBe(linked);
      expect(page.html).toContain('<a href="/transparency">Newest entries</a>');
    }
  });

  it('write every number of a product page in Persian digits in Persian, and export markets as the reader lists countries', async () => {
    const p = await database.db
      .selectFrom('products')
      .selectAll()
      .where('status', '=', 'approved')
      .where(sql<boolean>`cardinality(export_markets) > 1`)
      .$narrowType<{ registration_number: string }>()
      .executeTakeFirstOrThrow();
    const markets = p.export_markets as string[];
    const fa = await visitor().get(`/products/${p.registration_number}`);
    const typed = [
      p.name_en,
      p.brand,
      p.model,
      p.description_fa,
      ...Object.entries(p.attributes as object).flat(),
    ];
    const text = typed.reduce((s, x) => s.replaceAll(String(x), ''), mainText(fa.html));
    expect(text).not.toMatch(/[0-9]/);
    const inFa = new Intl.DisplayNames(['fa'], { type: 'region' });
    expect(fa.html).toContain(
      new Intl.ListFormat('fa', { type: 'conjunction' }).format(markets.map((m) => inFa.of(m) ?? m)),
    );
    const en = await visitor().get(`/products/${p.registration_number}?lang=en`);
    const inEn = new Intl.DisplayNames(['en'], { type: 'region' });
    expect(en.html).toContain(
      new Intl.ListFormat('en', { type: 'conjunction' }).format(markets.map((m) => inEn.of(m) ?? m)),
    );
    expect(mainText(en.html)).not.toContain('،');
  });

  it('show a producer’s activity with its Persian title and list its approved products, not its others', async () => {
    const busiest = await database.db
      .selectFrom('products')
      .select('producer_id')
      .where('status', '=', 'approved')
      .groupBy('producer_id')
      .orderBy(sql`count(*)`, 'desc')
      .executeTakeFirstOrThrow();
    const unit = await database.db
      .selectFrom('producers')
      .select(['id', 'isic'])
      .where('id', '=', busiest.producer_id)
      .executeTakeFirstOrThrow();
    const { html } = await visitor().get(`/producers/${unit.id}`);
    expect(html).toContain(t('fa', `industries.isic.${unit.isic.slice(0, 2)}` as MessageKey));
    const listed = await api(`/api/v1/search?producerId=${unit.id}&limit=100`);
    expect(cardNames(html).sort()).toEqual(listed.items.map((p: { nameFa: string }) => p.nameFa).sort());
    expect(listed.items.length).toBeGreaterThan(0);
  });

  it('put an unknown export market beside its field, and an upload over 10 MB beside the file field of the product’s page', async () => {
    const producer = new Browser(app);
    await producer.submit('/login', '/login', {
      email: 'producer1@demo.iranmade.ir',
      password: DEMO_PASSWORD,
    });
    const unitId =
      /name="producerId"[^>]*>.*?<option value="([0-9a-f-]{36})"/s.exec(
        (await producer.get('/workspace/products/new')).html,
      )?.[1] ?? '';
    const wrong = await newProduct(producer, unitId, { exportMarkets: 'IQ, XY' }, '?lang=en');
    expect(wrong.status).toBe(400);
    expect(fieldError(wrong.html, 'exportMarkets')).toBe(t('en', 'field.country'));
    expect(wrong.html).toContain('value="IQ, XY"');
    const saved = await newProduct(producer, unitId);
    const id = idIn(saved.headers.get('location'));
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 100 * 1024)], 'scan.pdf', {
      type: 'application/pdf',
    });
    const refused = await producer.upload(
      `/workspace/products/${id}`,
      `/workspace/products/${id}/documents?lang=en`,
      big,
    );
    expect(refused.status).toBe(413);
    expect(fieldError(refused.html, 'file')).toBe(t('en', 'web.docs.too_large'));
    expect(refused.html).toContain(`action="/workspace/products/${id}/documents"`);
    expect(refused.html).toContain(`value="${PRODUCT.nameEn}"`);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, freshDatabase, type TestDatabase, testDeps } from '../../test/helpers.ts';
import { formatRegistrationNumber } from '../domain/identifiers.ts';
import * as accounts from '../modules/accounts/service.ts';
import { buildApp } from '../server.ts';
import { t } from './i18n/index.ts';

/** A browser without JavaScript: keeps cookies, reads the CSRF field out of each form it is shown. */
class Browser {
  cookies = new Map<string, string>();
  constructor(readonly app: ReturnType<typeof buildApp>) {}

  async request(method: string, path: string, form?: Record<string, string> | FormData) {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | FormData | undefined;
    if (form instanceof FormData) body = form;
    else if (form) {
      body = new URLSearchParams(form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await this.app.request(path, { method, headers, body });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    return { status: res.status, headers: res.headers, html: await res.text() };
  }
  get = (path: string) => this.request('GET', path);
  post = (path: string, form: Record<string, string>) => this.request('POST', path, form);

  /** Opens a page and sends its form back with the given fields, as a person would. */
  async submit(page: string, action: string, fields: Record<string, string>) {
    return this.post(action, { _csrf: await this.csrfOf(page), ...fields });
  }

  /** Sends a file with a form, as a multipart upload. */
  async upload(page: string, action: string, file: File) {
    const form = new FormData();
    form.set('_csrf', await this.csrfOf(page));
    form.set('file', file);
    return this.request('POST', action, form);
  }

  private async csrfOf(page: string) {
    const { html } = await this.get(page);
    return /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  }
}

const fieldError = (html: string, name: string) =>
  new RegExp(`id="f-${name}-error">([^<]+)<`).exec(html)?.[1];
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
    const res = await b.submit('/workspace/products/new', '/workspace/products', {
      producerId: unitId,
      ...PRODUCT,
      ...fields,
    });
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
    const more = await b.submit('/workspace/products/new', '/workspace/products', {
      producerId: unitId,
      ...PRODUCT,
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

    const half = await b.submit('/workspace/products/new', '/workspace/products', {
      producerId: unitId,
      ...PRODUCT,
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
    expect(page.html).toMatch(/<dt>grade<\/dt><dd>A3<\/dd>/);
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
    });
    expect(saved.status).toBe(303);
    await b.submit(`/workspace/products/${id}`, `/workspace/products/${id}/submit`, {});

    const compare = await reviewer.get(`/review/products/${id}?lang=en`);
    const changed = [...compare.html.matchAll(/<tr class="changed"><th scope="row">([^<]+)</g)].map(
      (m) => m[1],
    );
    expect(changed).toEqual([t('en', 'web.product.nameEn'), t('en', 'web.product.annualCapacity')]);
    expect(compare.html).toContain('Deformed rebar A3, 16 mm, 12 m bars');
    expect(compare.html).toContain('value="approve"');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, freshDatabase, type TestDatabase, testDeps } from '../../test/helpers.ts';
import { formatRegistrationNumber } from '../domain/identifiers.ts';
import { buildApp } from '../server.ts';
import { t } from './i18n/index.ts';

/** A browser without JavaScript: keeps cookies, reads the CSRF field out of each form it is shown. */
class Browser {
  cookies = new Map<string, string>();
  constructor(readonly app: ReturnType<typeof buildApp>) {}

  async request(method: string, path: string, form?: Record<string, string>) {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const body = form ? new URLSearchParams(form).toString() : undefined;
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
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
    const { html } = await this.get(page);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    return this.post(action, { _csrf: csrf, ...fields });
  }
}

const fieldError = (html: string, name: string) =>
  new RegExp(`id="f-${name}-error">([^<]+)<`).exec(html)?.[1];

describe.each(DATABASE_KINDS)('the web pages (%s)', (kind) => {
  let database: TestDatabase;
  let app: ReturnType<typeof buildApp>;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    app = buildApp(testDeps(database));
  });
  afterAll(() => database.drop());

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
    expect(ws.html).toContain('Logged in as Reza');
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
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, fieldError, flash, mainText } from '../test/browser.ts';
import { newNationalId, productForm, unitForm } from '../test/fixtures.ts';
import { DATABASE_KINDS } from '../test/helpers.ts';
import { openSite, type Site } from '../test/registry.ts';
import { t } from './i18n/index.ts';
import { buildApp } from './server.ts';

// What every page shares, whichever module serves it: the shell and its languages, the static files,
// the security headers, forms and their errors, the error pages.
describe.each(DATABASE_KINDS)("the site's pages, whatever their module (%s)", (kind) => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite(kind);
  });
  afterAll(() => site.close());

  it('are Persian and right-to-left by default, English and left-to-right when asked, and remember the choice', async () => {
    const b = new Browser(site.app);
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
      const res = await site.app.request(path);
      expect(res.headers.get('content-security-policy'), path).toContain("script-src 'self'");
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('serve the stylesheet and the Vazirmatn font from this origin', async () => {
    const css = await site.app.request('/static/app.css');
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(await css.text()).toContain('url(/static/fonts/vazirmatn-arabic-400-normal.woff2)');
    const font = await site.app.request('/static/fonts/vazirmatn-arabic-400-normal.woff2');
    expect(font.status).toBe(200);
    expect(font.headers.get('content-type')).toBe('font/woff2');
  });

  it('refuse a form posted without its CSRF token, and change nothing', async () => {
    const b = new Browser(site.app);
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

  it('keep no page shown to an account in a cache, so Back after logging out shows none of it', async () => {
    const reviewerPage = await site.reviewer.get('/review');
    expect(reviewerPage.status).toBe(200);
    expect(reviewerPage.headers.get('cache-control')).toBe('private, no-store');
    expect((await site.reviewer.get('/products')).headers.get('cache-control')).toBe('private, no-store');
    // A visitor's public page may be kept.
    expect((await new Browser(site.app).get('/products')).headers.get('cache-control')).toBeNull();
  });

  it('switch the language of a page that answered a form post to the form it came from', async () => {
    const res = await site.app.request('/signup', {
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

  it('confirm an action once, on the page it leads to, in that page’s language', async () => {
    const b = await site.signedUp('flash@example.ir');
    expect(flash((await b.get('/workspace')).html)).toBe(t('fa', 'web.done.welcome'));
    expect(flash((await b.get('/workspace')).html)).toBeUndefined();
    const saved = await b.submit('/workspace/units/new?lang=en', '/workspace/units', {
      ...unitForm,
      nationalId: '10100012342',
    });
    expect(saved.status).toBe(303);
    expect(flash((await b.get(saved.headers.get('location') ?? '')).html)).toBe('Saved.');
  });

  it('say a field left empty or out is required, not what its format would want', async () => {
    const b = await site.signedUp('empty-fields@example.ir');
    const unit = await b.submit('/workspace/units/new', '/workspace/units', {
      ...unitForm,
      nationalId: '10200015838',
      province: '',
    });
    expect(unit.status).toBe(400);
    expect(fieldError(unit.html, 'province')).toBe(t('fa', 'field.required'));
    const { b: producer, unitId } = await site.producerWithUnit('empty-product@example.ir', '10200134623');
    const product = await site.newProduct(producer, unitId, { annualCapacity: '' });
    expect(product.status).toBe(400);
    expect(fieldError(product.html, 'annualCapacity')).toBe(t('fa', 'field.required'));
    const id = await site.draft(producer, unitId);
    await producer.submit(`/workspace/products/${id}`, `/workspace/products/${id}/submit`, {});
    const undecided = await site.reviewer.submit(`/review/products/${id}`, `/review/products/${id}`, {
      reason: '',
    });
    expect(fieldError(undecided.html, 'decision')).toBe(t('fa', 'field.required'));
  });

  it('answer an unknown address with a page in the reader’s language, and the API with problem details', async () => {
    const fa = await new Browser(site.app).get('/no/such/page');
    expect(fa.status).toBe(404);
    expect(fa.headers.get('content-type')).toContain('text/html');
    expect(fa.html).toContain('<html lang="fa" dir="rtl">');
    expect(fa.html).toContain(t('fa', 'web.error.not_found_lead'));
    const en = await new Browser(site.app).get('/no/such/page?lang=en');
    expect(en.html).toContain(t('en', 'web.error.not_found_lead'));
    expect(en.html).toContain('href="/no/such/page?lang=fa"');
    const api = await site.app.request('/api/v1/no-such-thing', { headers: { 'accept-language': 'en' } });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    expect((await api.json()).title).toBe('Not found');
  });

  it("open a problem's type, as an API answer names it, on a page saying what it is", async () => {
    const refused = await site.app.request('/api/v1/products/not-a-product', {
      headers: { 'accept-language': 'en' },
    });
    const { type } = (await refused.json()) as { type: string };
    const page = await new Browser(site.app).get(`${type}?lang=en`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`<h1>${t('en', 'problem.not_found')}</h1>`);
    expect(page.html).toContain('HTTP status 404 and the code &quot;not_found&quot;');
    expect((await new Browser(site.app).get('/problems/no-such-problem')).status).toBe(404);
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
      const res = await site.admin.get(path);
      expect(res.status, path).toBe(404);
      expect(res.html, path).toContain(t('fa', 'web.error.not_found_lead'));
    }
    const fields = { ...productForm, ...unitForm, decision: 'approve', reason: 'x', version: '1' };
    for (const path of [...posts, ...posts.map((p) => p.replace('abc', unknown))]) {
      const res = await site.admin.submit('/workspace', path, fields);
      expect(res.status, path).toBe(404);
      expect(res.html, path).toContain(t('fa', 'web.error.not_found_lead'));
    }
    expect((await new Browser(site.app).get('/producers/abc')).status).toBe(404);
  });

  it('bring a reload of a refused form’s address back to the form’s page', async () => {
    const id = '0b1e8e4c-2f6a-4c3e-9d7a-5f1b2c3d4e5f';
    const b = await site.signedUp('reload@example.ir');
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
    const { b, unitId } = await site.producerWithUnit('switch@example.ir', '10320567897');
    const id = await site.draft(b, unitId);
    const en = await b.get(`/workspace/products/${id}?lang=en`);
    expect(en.html).toContain('<html lang="en" dir="ltr">');
    expect(en.html).toContain(`class="lang-switch" href="/workspace/products/${id}?lang=fa"`);
    const fa = await b.get(`/workspace/products/${id}?lang=fa`);
    expect(fa.html).toContain(`class="lang-switch" href="/workspace/products/${id}?lang=en"`);
  });

  it('start every page with a doctype, and serve a favicon', async () => {
    const { b, unitId } = await site.producerWithUnit('doctype@example.ir', newNationalId());
    const id = await site.draft(b, unitId);
    await site.approved(b, id);
    for (const path of [
      '/',
      '/products?band=0-20',
      `/products/${id}`,
      '/industries',
      '/verify',
      '/login',
      '/api/docs',
      '/no/such/page',
    ]) {
      expect((await site.visitor().get(path)).html.startsWith('<!DOCTYPE html><html'), path).toBe(true);
    }
    for (const path of ['/favicon.ico', '/static/favicon.svg']) {
      const res = await site.app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/svg+xml');
    }
    expect((await site.visitor().get('/')).html).toContain('<link rel="icon" href="/static/favicon.svg"');
  });

  it('name the registry by PUBLIC_URL in the commands to copy, whatever address a request names', async () => {
    const published = buildApp({
      ...site.deps,
      config: { ...site.deps.config, publicUrl: 'https://iranmade.example' },
    });
    for (const path of ['/transparency', '/opendata']) {
      const html = await (await published.request(`http://forged.example${path}`)).text();
      expect(html, path).toContain('https://iranmade.example');
      expect(html, path).not.toContain('forged.example');
    }
    // Without it, a machine of one's own is named as it was asked for.
    expect(await (await site.app.request('http://localhost:3000/transparency')).text()).toContain(
      'iranmade verify audit http://localhost:3000',
    );
  });

  it('lead from the menu and the home page to industries, a domestic maker, transparency and open data', async () => {
    const home = await site.visitor().get('/industries');
    const nav = /<nav class="site-nav".*?<\/nav>/s.exec(home.html)?.[0] ?? '';
    for (const href of ['/products', '/industries', '/find-maker', '/verify', '/transparency', '/opendata'])
      expect(nav).toContain(`href="${href}"`);
    expect(nav).toContain('<a href="/industries" aria-current="page">');
    const start = mainText((await site.visitor().get('/')).html);
    expect(start).toContain(t('fa', 'web.nav.industries'));
    expect((await site.visitor().get('/')).html).toMatch(/<main.*href="\/find-maker"/s);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, fieldError, flash } from '../../../test/browser.ts';
import { DATABASE_KINDS } from '../../../test/helpers.ts';
import { openSite, PASSWORD, REVIEWER, type Site } from '../../../test/registry.ts';
import { t } from '../../i18n/index.ts';

describe.each(DATABASE_KINDS)('the sign-up, login and account pages (%s)', (kind) => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite(kind);
  });
  afterAll(() => site.close());

  it('show a form error beside its field, in the page language, keeping what was typed', async () => {
    const b = new Browser(site.app);
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

  it('lead the ministry to its review queue after login, and anyone to where the login was asked for', async () => {
    const at = async (email: string, next = '') =>
      (
        await new Browser(site.app).submit('/login', '/login', { email, password: PASSWORD, next })
      ).headers.get('location');
    expect(await at(REVIEWER)).toBe('/review');
    expect(await at(REVIEWER, '/workspace/tokens')).toBe('/workspace/tokens');
    expect(await at(REVIEWER, '/products?q=a%20b')).toBe('/products?q=a%20b');
    // Addresses a browser would take to another host are not followed.
    for (const elsewhere of ['//evil.example', '/\\evil.example', '/\t/evil.example', 'https://evil.example'])
      expect(await at(REVIEWER, elsewhere), elsewhere).toBe('/review');
  });

  it('sign a producer up and into their workspace', async () => {
    const b = new Browser(site.app);
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
    const b = new Browser(site.app);
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
    const here = await site.signedUp('password.owner@example.ir');
    const elsewhere = await site.loggedIn('password.owner@example.ir');
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
    await site.loggedIn('password.owner@example.ir', 'a new long password');
  });

  it('send an anonymous visitor of the workspace to the login page', async () => {
    const res = await site.app.request('/workspace');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Fworkspace');
  });

  it('show a new API token once, and stop it working once revoked', async () => {
    const b = await site.signedUp('tokens@example.ir');
    const created = await b.submit('/workspace', '/workspace/tokens', { name: 'ERP' });
    expect(created.status).toBe(200);
    const token = /class="secret" dir="ltr">(imt_[^<]+)</.exec(created.html)?.[1] ?? '';
    expect(token).not.toBe('');
    const auth = { authorization: `Bearer ${token}` };
    expect((await site.app.request('/api/v1/auth/me', { headers: auth })).status).toBe(200);
    const later = await b.get('/workspace');
    expect(later.html).not.toContain(token);
    const tokenId = /action="\/workspace\/tokens\/([0-9a-f-]{36})\/revoke"/.exec(later.html)?.[1] ?? '';
    const revoked = await b.submit('/workspace', `/workspace/tokens/${tokenId}/revoke`, {});
    expect(revoked.status).toBe(303);
    const after = await b.get('/workspace?lang=en');
    expect(flash(after.html)).toBe(t('en', 'web.done.token_revoked'));
    expect(after.html).toContain('class="badge status-revoked">Revoked<');
    expect((await site.app.request('/api/v1/auth/me', { headers: auth })).status).toBe(401);
  });

  it('let an admin create a reviewer account, and disable it so that it can no longer log in', async () => {
    const bad = await site.admin.submit('/admin/users', '/admin/users', {
      name: 'N',
      email: 'nope',
      password: PASSWORD,
      role: 'reviewer',
    });
    expect(bad.status).toBe(400);
    expect(fieldError(bad.html, 'email')).toBe(t('fa', 'field.email'));
    const res = await site.admin.submit('/admin/users', '/admin/users', {
      name: 'Narges',
      email: 'narges@example.ir',
      password: PASSWORD,
      role: 'reviewer',
    });
    expect(res.status).toBe(303);
    const list = await site.admin.get('/admin/users');
    expect(flash(list.html)).toBe(t('fa', 'web.done.user_created'));
    expect(list.html).toContain('narges@example.ir');
    const narges = await site.loggedIn('narges@example.ir');
    expect((await narges.get('/review')).status).toBe(200);

    const userId = /narges@example.ir<\/td>.*?action="\/admin\/users\/([0-9a-f-]{36})\/disable"/s.exec(
      list.html,
    )?.[1];
    expect((await site.admin.submit('/admin/users', `/admin/users/${userId}/disable`, {})).status).toBe(303);
    expect(flash((await site.admin.get('/admin/users')).html)).toBe(t('fa', 'web.done.user_disabled'));
    expect((await narges.get('/review')).status).toBe(303);
    const again = await new Browser(site.app).submit('/login', '/login', {
      email: 'narges@example.ir',
      password: PASSWORD,
    });
    expect(again.status).toBe(403);
    expect(again.html).toContain(t('fa', 'problem.account_disabled'));

    // Enabled again, the account logs in; the sessions that ended stay ended.
    const listed = await site.admin.get('/admin/users');
    expect(listed.html).toContain(`action="/admin/users/${userId}/enable"`);
    expect((await site.admin.submit('/admin/users', `/admin/users/${userId}/enable`, {})).status).toBe(303);
    expect(flash((await site.admin.get('/admin/users')).html)).toBe(t('fa', 'web.done.user_enabled'));
    expect((await narges.get('/review')).status).toBe(303);
    const back = await new Browser(site.app).submit('/login', '/login', {
      email: 'narges@example.ir',
      password: PASSWORD,
    });
    expect(back.status).toBe(303);
  });
});

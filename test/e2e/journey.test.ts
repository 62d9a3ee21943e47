import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as accounts from '../../src/modules/accounts/service.ts';
import { buildApp } from '../../src/server.ts';
import { freshDatabase, type TestDatabase, testDeps } from '../helpers.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SHOTS = 'test-results/screenshots';

/** No serious or critical accessibility violation, in Persian and English (a form's answer only as it is). */
async function checkPage(page: Page, name: string, langs: readonly ('fa' | 'en')[] = ['fa', 'en']) {
  for (const lang of langs) {
    const url = new URL(page.url());
    url.searchParams.set('lang', lang);
    if (lang === 'en') await page.goto(url.toString());
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page
      const result = await (window as any).axe.run();
      return result.violations
        .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v: { id: string; nodes: { target: string[] }[] }) =>
            `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
    });
    expect(violations, `${name} (${lang})`).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/${name}-${lang}.png`, fullPage: true });
  }
  if (langs.includes('en')) {
    const back = new URL(page.url());
    back.searchParams.set('lang', 'fa');
    await page.goto(back.toString());
  }
}

describe('a product goes from sign-up to a verified public registration', () => {
  let database: TestDatabase;
  let server: ServerType;
  let browser: Browser;
  let base = '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    database = await freshDatabase('pglite');
    const deps = testDeps(database);
    const { user: admin } = await accounts.ensureAdmin(deps, {
      email: 'admin@example.ir',
      password: 'admin secret phrase',
    });
    await accounts.createUser(
      deps,
      { id: admin.id, email: admin.email, name: admin.name, role: 'admin' },
      {
        email: 'reviewer@example.ir',
        password: 'reviewer secret phrase',
        name: 'کارشناس',
        role: 'reviewer',
      },
    );
    server = serve({ fetch: buildApp(deps).fetch, port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
    await database?.drop();
  });

  // axe is injected as a script tag, which our own CSP rightly forbids; pages.test.ts checks the CSP.
  const newPage = async (width: number) =>
    (await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true })).newPage();

  async function logIn(email: string, password: string) {
    const page = await newPage(1100);
    await page.goto(`${base}/login`);
    await page.fill('#f-email', email);
    await page.fill('#f-password', password);
    await page.click('form.form button[type=submit]');
    return page;
  }

  it('is signed up, registered, approved, drafted, fixed, approved again, found and verified', async () => {
    const producer = await newPage(360);
    await producer.goto(`${base}/signup`);
    await checkPage(producer, 'signup');
    await producer.fill('#f-name', 'مریم احمدی');
    await producer.fill('#f-email', 'maryam@example.ir');
    await producer.fill('#f-password', 'a long secret phrase');
    await producer.click('form.form button[type=submit]');
    await producer.waitForURL(`${base}/workspace`);

    await producer.goto(`${base}/workspace/units/new`);
    await producer.fill('#f-nationalId', '10380284790');
    await producer.fill('#f-nameFa', 'فولاد سپاهان');
    await producer.fill('#f-nameEn', 'Sepahan Steel');
    await producer.selectOption('#f-province', 'IR-04');
    await producer.fill('#f-city', 'اصفهان');
    await producer.fill('#f-isic', '2410');
    await producer.fill('#f-licenceNo', '123/45678');
    await producer.click('form.form button[type=submit]');
    await producer.waitForURL(/\/workspace\/units\/[0-9a-f-]+/);
    const unitUrl = producer.url().split('?')[0] ?? '';
    await producer.click('form[action$="/submit"] button');

    const admin = await logIn('admin@example.ir', 'admin secret phrase');
    await admin.goto(`${base}/review`);
    await checkPage(admin, 'review-queue');
    await admin.click('ol.queue a');
    await checkPage(admin, 'review-unit');
    await admin.check('input[value=approve]');
    await admin.click('form.decision button[type=submit]');
    await admin.waitForURL(/\/review\?done=approve/);

    await producer.goto(`${unitUrl}`);
    await producer.click('a[href^="/workspace/products/new"]');
    await producer.fill('#f-nameFa', 'میلگرد آجدار A3 قطر ۱۶');
    await producer.fill('#f-nameEn', 'Deformed rebar A3, 16 mm');
    await producer.fill('#f-descriptionFa', 'میلگرد آجدار فولادی برای ساختمان');
    await producer.fill('#f-descriptionEn', 'Deformed steel rebar for construction');
    await producer.fill('#f-tariffCode', '77142000');
    await producer.fill('#f-brand', 'سپاهان');
    await producer.fill('#f-model', 'A3-16');
    await producer.selectOption('#f-unit', 'tonne');
    await producer.fill('#f-annualCapacity', '۱۲۰۰۰۰');
    await producer.fill('#f-exWorksPrice', '250000000');
    await producer.fill('#f-importedInputsCost', '40000000');
    await producer.click('form.form button[type=submit]');
    expect(await producer.locator('#f-tariffCode-error').textContent()).toContain('۸ رقم');
    expect(await producer.inputValue('#f-nameFa')).toBe('میلگرد آجدار A3 قطر ۱۶');
    await checkPage(producer, 'product-error', ['fa']);
    await producer.fill('#f-tariffCode', '72142000');
    await producer.click('form.form button[type=submit]');
    await producer.waitForURL(/\/workspace\/products\/[0-9a-f-]+\?done=saved/);
    await producer.click('form[action$="/submit"] button');
    await producer.waitForURL(/done=submit/);

    const reviewer = await logIn('reviewer@example.ir', 'reviewer secret phrase');
    await reviewer.goto(`${base}/review`);
    await reviewer.click('ol.queue a[href^="/review/products/"]');
    await checkPage(reviewer, 'review-product');
    await reviewer.check('input[value=approve]');
    await reviewer.click('form.decision button[type=submit]');
    await reviewer.waitForURL(/\/review\?done=approve/);

    const visitor = await newPage(1280);
    await visitor.goto(`${base}/`);
    await checkPage(visitor, 'home');
    await visitor.fill('#q', 'میلگرد');
    await visitor.click('form.search button[type=submit]');
    await checkPage(visitor, 'catalog');
    await visitor.click('.card h3 a');
    await checkPage(visitor, 'product');
    expect(await visitor.locator('.qr svg').count()).toBe(1);
    await visitor.click('.qr a');
    await checkPage(visitor, 'verify');
    expect(await visitor.locator('.verdict-word').textContent()).toBe('معتبر');
  });
});

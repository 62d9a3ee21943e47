import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import * as accounts from '../../src/modules/accounts/service.ts';
import * as catalog from '../../src/modules/catalog/service.ts';
import { logOf, type TransparencyLog } from '../../src/modules/log/service.ts';
import { buildApp } from '../../src/server.ts';
import { freshDatabase, type TestDatabase, testDeps } from '../helpers.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SHOTS = 'test-results/screenshots';
const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 900 };
const NARROW = { width: 380, height: 800 };
type Lang = 'fa' | 'en';

/**
 * On a narrow phone the page never scrolls sideways, no table in it cuts off a column, and every item of
 * the top menu, logging in among them, is on the screen.
 */
async function fitsNarrow(page: Page, name: string, lang: Lang) {
  await page.setViewportSize(NARROW);
  const wide = await page.evaluate(() =>
    [document.documentElement, ...document.querySelectorAll('main table')]
      .filter((e) => e.scrollWidth > e.clientWidth)
      .map((e) => `${e.localName}.${e.className}`),
  );
  expect(wide, `${name} (${lang}) at ${NARROW.width} px`).toEqual([]);
  const offScreen = await page.evaluate(() =>
    [...document.querySelectorAll('.site-header :is(a, button)')]
      .filter((e) => {
        const box = e.getBoundingClientRect();
        return box.left < 0 || box.right > window.innerWidth;
      })
      .map((e) => e.textContent?.trim()),
  );
  expect(offScreen, `${name} (${lang}) menu at ${NARROW.width} px`).toEqual([]);
}

/** No serious or critical accessibility violation on the page as it is; a full-page screenshot of it. */
async function audit(page: Page, name: string, lang: Lang) {
  await page.setViewportSize(lang === 'fa' ? PHONE : DESKTOP);
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

/**
 * The same journey runs twice: with JavaScript, checking every page with axe in Persian (on a phone) and
 * English (on a desktop) with a screenshot of each; and with JavaScript disabled, as the pages must work.
 */
const RUNS = [
  { js: true, nationalId: '10380284790', size: '16', email: 'maryam@example.ir' },
  { js: false, nationalId: '10100012342', size: '20', email: 'reza@example.ir' },
] as const;

describe('a product goes from sign-up to a verified, then suspended, public registration', () => {
  let database: TestDatabase;
  let server: ServerType;
  let browser: Browser;
  let base = '';
  let stopCatalog: () => Promise<void>;
  let log: TransparencyLog;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    database = await freshDatabase('pglite');
    const deps = testDeps(database);
    const { user: admin } = await accounts.ensureAdmin(deps, {
      email: 'admin@example.ir',
      password: 'admin secret phrase',
    });
    await accounts.createUser(deps, admin, {
      email: 'reviewer@example.ir',
      password: 'reviewer secret phrase',
      name: 'کارشناس',
      role: 'reviewer',
    });
    stopCatalog = catalog.start(deps, { pollMs: 50 });
    // The log signs its new entries as the server's does, so that /transparency lists them.
    log = logOf(deps);
    log.start();
    await vi.waitFor(() => expect(catalog.isReady(deps)).toBe(true));
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
    log?.stop();
    await stopCatalog?.();
    await database?.drop();
  });

  for (const run of RUNS) {
    it(`is signed up, registered, drafted, fixed, sent back, approved, found, verified, revised and suspended (JavaScript ${run.js ? 'on' : 'off'})`, async () => {
      // axe is injected as a script tag, which our own CSP rightly forbids; pages.test.ts checks the CSP.
      const person = async (viewport = DESKTOP) =>
        (await browser.newContext({ viewport, bypassCSP: run.js, javaScriptEnabled: run.js })).newPage();

      /** Checks the page in both languages (through the language switch's ?lang=), then back in Persian. */
      async function check(page: Page, name: string) {
        if (!run.js) return;
        const viewport = page.viewportSize();
        for (const lang of ['fa', 'en'] as const) {
          const url = new URL(page.url());
          url.searchParams.set('lang', lang);
          await page.goto(url.toString());
          await fitsNarrow(page, name, lang);
          await audit(page, name, lang);
        }
        const back = new URL(page.url());
        back.searchParams.set('lang', 'fa');
        await page.goto(back.toString());
        if (viewport) await page.setViewportSize(viewport);
      }
      /** A page that answers a form post cannot be opened again: its language is checked as it is. */
      async function checkAnswer(page: Page, name: string, lang: Lang) {
        if (run.js) await audit(page, name, lang);
      }
      const submit = (page: Page, form = 'form.form') => page.click(`${form} button[type=submit] >> nth=0`);
      const done = (page: Page) => page.locator('.alert-ok').textContent();

      /** Logs in from the login page, which leads to the person's desk. */
      async function logIn(email: string, password: string, desk = '/workspace') {
        const page = await person();
        await page.goto(`${base}/login`);
        await page.fill('#f-email', email);
        await page.fill('#f-password', password);
        await submit(page);
        await page.waitForURL(`${base}${desk}`);
        return page;
      }

      async function decide(page: Page, path: string, decision: string, reason = '') {
        await page.goto(`${base}${path}`);
        await page.check(`input[name=decision][value=${decision}]`);
        if (reason) await page.fill('#f-reason', reason);
        await submit(page, 'form.decision');
        await page.waitForURL(`${base}/review`);
      }

      const nameFa = `میلگرد آجدار A3 قطر ${run.size === '16' ? '۱۶' : '۲۰'}`;
      const nameEn = `Deformed rebar A3, ${run.size} mm`;

      // A producer signs up on a phone and registers a unit.
      const producer = await person(PHONE);
      await producer.goto(`${base}/signup`);
      await check(producer, 'signup');
      await producer.fill('#f-name', 'مریم احمدی');
      await producer.fill('#f-email', run.email);
      await producer.fill('#f-password', 'a long secret phrase');
      await submit(producer);
      await producer.waitForURL(`${base}/workspace`);
      expect(await done(producer)).toBe(t('fa', 'web.done.welcome'));
      await check(producer, 'workspace');

      // A mistake in a form far down a long page is brought into sight: a token with no name.
      await submit(producer, 'form[action="/workspace/tokens"]');
      const alert = producer.locator('form[action="/workspace/tokens"] .alert-error');
      await alert.waitFor();
      expect(await alert.evaluate((el) => el === document.activeElement)).toBe(true);
      // The alert and the field it is about are both on the screen.
      const field = await producer.locator('form[action="/workspace/tokens"] #f-name').boundingBox();
      const top = (await alert.boundingBox())?.y ?? -1;
      expect(
        top >= 0 && field !== null && field.y + field.height <= PHONE.height,
        `${top} ${JSON.stringify(field)}`,
      ).toBe(true);
      await producer.goto(`${base}/workspace`);

      await producer.click('a[href="/workspace/units/new"]');
      await check(producer, 'unit-new');
      await producer.fill('#f-nationalId', run.nationalId);
      await producer.fill('#f-nameFa', `فولاد سپاهان ${run.size}`);
      await producer.fill('#f-nameEn', `Sepahan Steel ${run.size}`);
      await producer.selectOption('#f-province', 'IR-10');
      await producer.fill('#f-city', 'اصفهان');
      await producer.fill('#f-isic', '2410');
      await producer.fill('#f-licenceNo', '123/45678');
      await submit(producer);
      await producer.waitForURL(/\/workspace\/units\/[0-9a-f-]{36}$/);
      const unitPath = new URL(producer.url()).pathname;
      await check(producer, 'unit');
      await producer.click('button[name="send"]');
      expect(await done(producer)).toBe(t('fa', 'web.done.submit'));

      // An admin approves the unit.
      const admin = await logIn('admin@example.ir', 'admin secret phrase', '/review');
      await check(admin, 'review-queue');
      await admin.click(`ol.queue a[href="${unitPath.replace('/workspace', '/review')}"]`);
      await check(admin, 'review-unit');
      await decide(admin, unitPath.replace('/workspace', '/review'), 'approve');
      expect(await done(admin)).toBe(t('fa', 'web.done.approve'));
      await admin.goto(`${base}/admin/users`);
      await check(admin, 'admin-users');

      // The producer drafts a product with a wrong tariff code, sees why beside the field, and fixes it.
      await producer.goto(`${base}${unitPath}`);
      await producer.click('a[href^="/workspace/products/new"]');
      await check(producer, 'product-new');
      const newProductUrl = producer.url();
      const newProduct = (lang: Lang) => {
        const url = new URL(newProductUrl);
        url.searchParams.set('lang', lang);
        return url.toString();
      };
      async function fillProduct(page: Page, tariffCode: string) {
        await page.fill('#f-nameFa', nameFa);
        await page.fill('#f-nameEn', nameEn);
        await page.fill('#f-descriptionFa', 'میلگرد آجدار فولادی برای ساختمان');
        await page.fill('#f-descriptionEn', 'Deformed steel rebar for construction');
        await page.fill('#f-tariffCode', tariffCode);
        await page.fill('#f-brand', 'سپاهان');
        await page.fill('#f-model', `A3-${run.size}`);
        await page.selectOption('#f-unit', 'tonne');
        await page.fill('#f-annualCapacity', '۱۲۰۰۰۰');
        await page.fill('#f-exWorksPrice', '250000000');
        await page.fill('#f-importedInputsCost', '40000000');
        await page.fill('#f-attr-key-0', 'استاندارد');
        await page.fill('#f-attr-value-0', 'INSO 3132');
      }
      if (run.js) {
        await producer.goto(newProduct('en'));
        await fillProduct(producer, '77142000');
        await submit(producer);
        expect(await producer.locator('#f-tariffCode-error').textContent()).toBe(t('en', 'field.tariff'));
        await checkAnswer(producer, 'product-error', 'en');
        await producer.goto(newProduct('fa'));
      }
      await fillProduct(producer, '77142000');
      await submit(producer);
      expect(await producer.locator('#f-tariffCode-error').textContent()).toBe(t('fa', 'field.tariff'));
      expect(await producer.inputValue('#f-nameFa')).toBe(nameFa);
      await checkAnswer(producer, 'product-error', 'fa');
      // More rows for characteristics come back from the server, keeping what was typed.
      await producer.click('button[name=more]');
      expect(await producer.locator('.attr-row input[name^="attr-key-"]').count()).toBe(6);
      expect(await producer.inputValue('#f-attr-value-0')).toBe('INSO 3132');
      await producer.fill('#f-attr-key-1', 'grade');
      await producer.fill('#f-attr-value-1', 'A3');
      await producer.fill('#f-tariffCode', '72142000');
      await submit(producer);
      await producer.waitForURL(/\/workspace\/products\/[0-9a-f-]{36}$/);
      const productPath = new URL(producer.url()).pathname;
      const reviewPath = productPath.replace('/workspace', '/review');
      expect(await done(producer)).toBe(t('fa', 'web.done.saved'));
      // A scan over 10 MB comes back to the same page, the reason beside the file field.
      await producer.setInputFiles('#f-file', {
        name: 'scan.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.alloc(10 * 1024 * 1024 + 200 * 1024),
      });
      await producer.click('form[action$="/documents"] button[type=submit]');
      expect(await producer.locator('#f-file-error').textContent()).toBe(t('fa', 'web.docs.too_large'));
      await producer.goto(`${base}${productPath}`);
      await producer.click('button[name="send"]');
      expect(await done(producer)).toBe(t('fa', 'web.done.submit'));

      // A reviewer asks for changes; the producer answers and submits again; the reviewer approves.
      const reviewer = await logIn('reviewer@example.ir', 'reviewer secret phrase', '/review');
      await reviewer.goto(`${base}/review`);
      await reviewer.click(`ol.queue a[href="${reviewPath}"]`);
      await check(reviewer, 'review-product');
      await decide(reviewer, reviewPath, 'request_changes', 'قطر اسمی را در نام انگلیسی هم بنویسید.');
      expect(await done(reviewer)).toBe(t('fa', 'web.done.request_changes'));

      await producer.goto(`${base}/workspace`);
      expect(await producer.locator('main').textContent()).toContain(
        'قطر اسمی را در نام انگلیسی هم بنویسید.',
      );
      await producer.click(`a[href="${productPath}"]`);
      await check(producer, 'product-changes');
      await producer.fill('#f-nameEn', `${nameEn} nominal diameter`);
      await submit(producer);
      expect(await done(producer)).toBe(t('fa', 'web.done.saved'));
      await producer.click('button[name="send"]');
      await decide(reviewer, reviewPath, 'approve');

      // The public finds it in Persian and in English, opens it, and follows its QR code to "valid".
      const visitor = await person();
      await vi.waitFor(async () => {
        const res = await fetch(`${base}/api/v1/search?q=${encodeURIComponent(nameEn)}`);
        expect((await res.json()).total).toBeGreaterThan(0);
      });
      await visitor.goto(`${base}/`);
      await check(visitor, 'home');
      if (run.js) {
        // The box offers the names that start with what is typed.
        await visitor.locator('#q').pressSequentially('میلگرد آج');
        await visitor.waitForSelector(`#q-suggestions option[value="${nameFa}"]`, { state: 'attached' });
      }
      await visitor.fill('#q', 'میلگرد آجدار');
      await submit(visitor, 'form.search');
      await check(visitor, 'catalog');
      expect(await visitor.locator('.card h3 a', { hasText: nameFa }).count()).toBe(1);
      // Narrowed to its value-added band, from the counts beside the results.
      await visitor.click('#facet-band + ul a >> nth=0');
      expect(new URL(visitor.url()).searchParams.get('band')).toBeTruthy();
      expect(await visitor.locator('.chip').count()).toBe(1);
      await check(visitor, 'catalog-facet');
      expect(await visitor.locator('.card h3 a', { hasText: nameFa }).count()).toBe(1);
      await visitor.goto(`${base}/industries/hs/72`);
      await check(visitor, 'industry');
      expect(await visitor.locator('.card h3 a', { hasText: nameFa }).count()).toBe(1);
      await visitor.goto(`${base}/products?lang=en`);
      await visitor.fill('#q', 'deformed rebar');
      await submit(visitor, 'form.search');
      await visitor.locator('.card h3 a', { hasText: nameEn }).click();
      await visitor.goto(`${visitor.url()}?lang=fa`);
      await check(visitor, 'product');
      expect(await visitor.locator('.qr svg').count()).toBe(1);
      expect(await visitor.locator('.facts').textContent()).toContain('INSO 3132');
      const productUrl = visitor.url();
      await visitor.click('.facts a[href^="/producers/"]');
      await check(visitor, 'producer');
      await visitor.goto(productUrl);
      const qrTarget = await visitor.locator('.qr a').getAttribute('href');
      await visitor.goto(`${base}${qrTarget}`);
      await check(visitor, 'verify');
      expect(await visitor.locator('.verdict-word').textContent()).toBe(t('fa', 'web.verify.word.approved'));
      await visitor.goto(`${base}/verify`);
      await check(visitor, 'verify-form');
      await visitor.goto(`${base}/no/such/page`);
      await check(visitor, 'not-found');
      // The other public pages, and the producer's pages not on the journey.
      for (const [path, name] of [
        ['/industries', 'industries'],
        ['/find-maker?q=7214', 'find-maker'],
        ['/transparency', 'transparency'],
        ['/opendata', 'opendata'],
        ['/login', 'login'],
      ] as const) {
        await visitor.goto(`${base}${path}`);
        await check(visitor, name);
      }
      for (const [path, name] of [
        ['/workspace/import', 'import'],
        ['/workspace/password', 'password'],
      ] as const) {
        await producer.goto(`${base}${path}`);
        await check(producer, name);
      }

      // The producer proposes a higher price; the reviewer compares it with the approved one and approves it.
      await producer.goto(`${base}${productPath}`);
      await producer.fill('#f-exWorksPrice', '275000000');
      await submit(producer);
      expect(await done(producer)).toBe(t('fa', 'web.done.saved'));
      await producer.click('button[name="send"]');
      await reviewer.goto(`${base}${reviewPath}`);
      expect(await reviewer.locator('.compare tr.changed').count()).toBe(2);
      await check(reviewer, 'review-revision');
      await decide(reviewer, reviewPath, 'approve');

      // The reviewer suspends it from its public page; verification says so, with the reason.
      await reviewer.goto(`${base}${qrTarget?.replace('/verify/', '/products/')}`);
      await reviewer.click(`a[href="${reviewPath}"]`);
      await decide(reviewer, reviewPath, 'suspend', 'نمونه‌برداری بازار: استحکام کششی کمتر از استاندارد');
      expect(await done(reviewer)).toBe(t('fa', 'web.done.suspend'));
      await visitor.goto(`${base}${qrTarget}`);
      expect(await visitor.locator('.verdict-word').textContent()).toBe(t('fa', 'web.verify.word.suspended'));
      expect(await visitor.locator('.verdict').textContent()).toContain('استحکام کششی کمتر از استاندارد');
      await check(visitor, 'verify-suspended');

      await Promise.all([producer, admin, reviewer, visitor].map((p) => p.context().close()));
      // About 40 s alone with JavaScript; beside the rest of the suite on two cores, 3–4 times that.
    }, 300_000);
  }
});

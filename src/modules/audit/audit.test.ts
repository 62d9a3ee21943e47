import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Browser, fieldError } from '../../../test/browser.ts';
import { steelMaker, tileProduct } from '../../../test/fixtures.ts';
import { DATABASE_KINDS, freshDatabase, type TestDatabase, testDeps } from '../../../test/helpers.ts';
import type { Deps } from '../../context.ts';
import { sampleSize } from '../../domain/audit.ts';
import { iranianYearOf } from '../../domain/jalali.ts';
import { t, toPersianDigits } from '../../i18n/index.ts';
import { buildApp } from '../../server.ts';
import * as accounts from '../accounts/service.ts';
import * as producers from '../producers/service.ts';
import * as products from '../products/service.ts';

const PASSWORD = 'long enough secret';
const flash = (html: string) => /class="alert alert-ok" role="status">([^<]+)</.exec(html)?.[1];
const sampled = (html: string) =>
  [...html.matchAll(/<td><a href="\/review\/products\/([0-9a-f-]{36})">/g)].map((m) => m[1] ?? '');
const numbers = (html: string) =>
  [...html.matchAll(/<td class="regno" dir="ltr">([^<]+)</g)].map((m) => m[1] ?? '');

describe('the size of a yearly audit sample', () => {
  it('is 5 % of the registrations in force, at least 10, and never more than there are', () => {
    expect([0, 3, 10, 12, 200, 201, 1000, 25_000].map(sampleSize)).toEqual([0, 3, 10, 10, 10, 11, 50, 1250]);
  });
});

describe.each(DATABASE_KINDS)('the yearly audit on %s', (kind) => {
  let database: TestDatabase;
  let deps: Deps;
  let app: ReturnType<typeof buildApp>;
  let reviewer: Browser;
  let inForce: string[];
  const year = iranianYearOf(new Date());

  // Each year's sample is drawn once: each test has a registry of its own, its sample not yet drawn.
  beforeEach(async () => {
    database = await freshDatabase(kind);
    deps = testDeps(database);
    app = buildApp(deps);
    const { user: admin } = await accounts.ensureAdmin(deps, {
      email: 'admin@example.ir',
      password: PASSWORD,
    });
    const { maker, unit } = await steelMaker(deps);
    await producers.move(deps, admin, unit.id, 'approve');
    inForce = [];
    for (let i = 1; i <= 14; i++) {
      const p = await products.create(deps, maker, { ...tileProduct, producerId: unit.id, model: `M-${i}` });
      await products.move(deps, maker, p.id, 'submit');
      // Twelve registrations in force; one sent back, one still waiting, neither of them drawn from.
      const decision = i === 13 ? 'request_changes' : 'approve';
      if (i <= 13) await products.move(deps, admin, p.id, decision, decision === 'approve' ? null : 'Fix it');
      if (decision === 'approve' && i <= 12) inForce.push(p.id);
    }
    await accounts.createUser(deps, admin, {
      email: 'reviewer@example.ir',
      password: PASSWORD,
      name: 'Reviewer',
      role: 'reviewer',
    });
    reviewer = new Browser(app);
    await reviewer.submit('/login', '/login', { email: 'reviewer@example.ir', password: PASSWORD });
  });
  afterEach(() => database.drop());

  it("offers to draw this year's sample, saying from how many and how many it draws, to reviewers only", async () => {
    const page = await reviewer.get('/review/audit');
    expect(page.status).toBe(200);
    expect(page.html).toContain(
      t('fa', 'audit.draw_lead', { year: toPersianDigits(String(year)), count: '۱۲', size: '۱۰' }),
    );
    expect(page.html).toContain('action="/review/audit"');
    expect((await reviewer.get('/review')).html).toContain('href="/review/audit"');
    const producer = new Browser(app);
    await producer.submit('/login', '/login', { email: 'maker@example.ir', password: 'maker-pass-12' });
    expect((await producer.get('/review/audit')).status).toBe(403);
  });

  const draw = () => reviewer.submit('/review/audit', '/review/audit', {});

  it('draws ten of the twelve registrations in force, once a year', async () => {
    const drawn = await draw();
    expect(drawn.status).toBe(303);
    expect(drawn.headers.get('location')).toBe(`/review/audit?year=${year}`);
    const page = await reviewer.get(`/review/audit?year=${year}&lang=en`);
    expect(flash(page.html)).toBe(t('en', 'web.done.drawn'));
    const ids = sampled(page.html);
    expect(ids).toHaveLength(10);
    expect(new Set(ids).size).toBe(10);
    for (const id of ids) expect(inForce).toContain(id);
    expect(page.html.match(new RegExp(`>${t('en', 'audit.outcome.pending')}<`, 'g'))).toHaveLength(10);
    // In the order of their registration numbers, each named with its unit.
    expect(numbers(page.html)).toHaveLength(10);
    expect(numbers(page.html)).toEqual([...numbers(page.html)].sort());
    expect(page.html.match(/<td>Sample Steel<\/td>/g)).toHaveLength(10);
    expect(page.html).not.toContain('action="/review/audit"');
    expect((await reviewer.submit('/review/audit', '/review/audit', {})).status).toBe(409);
  });

  it("records what a sampled registration's audit found, from its review page, once", async () => {
    expect((await draw()).status).toBe(303);
    const [first, second] = sampled((await reviewer.get(`/review/audit?year=${year}`)).html);
    const page = `/review/products/${first}`;
    const action = `/review/audit/${year}/${first}`;
    expect((await reviewer.get(page)).html).toContain(`action="${action}"`);

    const bare = await reviewer.submit(`${page}?lang=en`, action, { outcome: 'discrepancy', note: ' ' });
    expect(bare.status).toBe(400);
    expect(fieldError(bare.html, 'note')).toBe(t('en', 'field.required'));
    const note = 'ظرفیت اظهارشده دو برابر ظرفیت دستگاه‌هاست.';
    expect((await reviewer.submit(page, action, { outcome: 'discrepancy', note })).status).toBe(303);
    expect(
      (
        await reviewer.submit(`/review/products/${second}`, `/review/audit/${year}/${second}`, {
          outcome: 'confirmed',
        })
      ).status,
    ).toBe(303);

    const list = await reviewer.get(`/review/audit?year=${year}&lang=en`);
    expect(flash(list.html)).toBe(t('en', 'web.done.audited'));
    expect(list.html).toContain(`>${t('en', 'audit.outcome.discrepancy')}<`);
    expect(list.html).toContain(`>${t('en', 'audit.outcome.confirmed')}<`);
    expect(list.html).toContain(note);
    // Audited registrations come after those still to audit, each part in the order of registration numbers.
    expect(sampled(list.html).slice(-2).sort()).toEqual([first, second].sort());
    const [pending, audited] = [numbers(list.html).slice(0, -2), numbers(list.html).slice(-2)];
    expect(pending).toEqual([...pending].sort());
    expect(audited).toEqual([...audited].sort());
    expect((await reviewer.get(page)).html).not.toContain(`action="${action}"`);
    expect((await reviewer.submit(page, action, { outcome: 'confirmed' })).status).toBe(409);
  });

  it('has no audit for a registration outside the sample', async () => {
    expect((await draw()).status).toBe(303);
    const ids = sampled((await reviewer.get(`/review/audit?year=${year}`)).html);
    const outside = inForce.find((id) => !ids.includes(id)) ?? '';
    expect((await reviewer.get(`/review/products/${outside}`)).html).not.toContain('/review/audit/');
    const res = await reviewer.submit(`/review/products/${outside}`, `/review/audit/${year}/${outside}`, {
      outcome: 'confirmed',
    });
    expect(res.status).toBe(409);
    expect((await reviewer.get(`/review/audit?year=${year - 1}&lang=en`)).html).toContain(
      t('en', 'audit.not_drawn', { year: String(year - 1) }),
    );
  });
});

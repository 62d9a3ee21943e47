import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productForm, unitForm } from '../../../test/fixtures.ts';
import { DATABASE_KINDS, freshDatabase, type TestDatabase, testDeps } from '../../../test/helpers.ts';
import { idIn, openSite, type Site } from '../../../test/registry.ts';
import type { Deps, User } from '../../context.ts';
import { t } from '../../i18n/index.ts';
import { buildApp } from '../../server.ts';
import { SESSION_COOKIE } from '../accounts/api.ts';
import * as accounts from '../accounts/service.ts';
import { DEMO_PASSWORD, DEMO_REVIEWER, seedDemo } from '../demo/seed.ts';
import { logOf } from '../log/service.ts';
import * as producers from '../producers/service.ts';
import { ProductFields } from '../products/schema.ts';
import * as products from '../products/service.ts';

/** A signed-in browser without JavaScript: it sends the session cookie and each form's CSRF field. */
async function signedIn(
  app: ReturnType<typeof buildApp>,
  deps: Deps,
  email: string,
  password = DEMO_PASSWORD,
) {
  const session = await accounts.login(deps, { email, password }, 3_600_000);
  const cookie = `${SESSION_COOKIE}=${session.token}`;
  const read = async (res: Response) => ({
    status: res.status,
    headers: res.headers,
    html: await res.text(),
  });
  return {
    user: session.user,
    get: async (path: string) => read(await app.request(path, { headers: { cookie } })),
    post: async (path: string, fields: Record<string, string> = {}) =>
      read(
        await app.request(path, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ _csrf: session.csrfToken, ...fields }).toString(),
        }),
      ),
  };
}

const all = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1] ?? '');
const nextLink = (html: string) => /<a rel="next" href="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
const queueIds = (html: string) => all(html, /<li><a href="\/review\/products\/([0-9a-f-]{36})"/g);
const PERSIAN_REGNO = /class="regno"[^>]*>([۰-۹]{4}-[۰-۹]{6}-[۰-۹])</;

describe.each(DATABASE_KINDS)('reviewers, producers and admins on %s', (kind) => {
  let database: TestDatabase;
  let deps: Deps;
  let app: ReturnType<typeof buildApp>;
  let reviewer: Awaited<ReturnType<typeof signedIn>>;
  let producer: Awaited<ReturnType<typeof signedIn>>;
  let pendingUnitId: string;
  let resubmittedId: string;

  /** A producer's accounts own six demo units each; the second owns the unit left as a draft. */
  const owner = async (email: string) => (await accounts.findByEmail(deps, email)) as User;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    deps = testDeps(database);
    await seedDemo(deps, { units: 12, products: 80, seed: 7 });
    app = buildApp(deps);

    // The unit left as a draft is submitted, then its products: they wait in the queue behind it.
    const second = await owner('producer2@demo.iranmade.ir');
    const [draftUnit] = (
      await producers.list(deps, second, { mine: true, status: 'draft', limit: 1, offset: 0 })
    ).items;
    pendingUnitId = draftUnit?.id ?? '';
    await producers.move(deps, second, pendingUnitId, 'submit');
    const drafts = await products.list(deps, second, { mine: true, status: 'draft', limit: 100 });
    for (const p of drafts.items.filter((d) => d.producerId === pendingUnitId))
      await products.move(deps, second, p.id, 'submit');

    // Enough new submissions for a second page of the queue.
    const first = await owner('producer1@demo.iranmade.ir');
    const [base] = (await products.list(deps, first, { mine: true, status: 'approved', limit: 1 })).items;
    if (!base) throw new Error('the demo has no approved product');
    const fields = Object.fromEntries(
      Object.keys(ProductFields.shape).map((k) => [k, base[k as keyof typeof base]]),
    );
    for (let i = 1; i <= 15; i++) {
      const p = await products.create(deps, first, {
        ...(fields as Parameters<typeof products.create>[2]),
        producerId: base.producerId,
        nameEn: `${base.nameEn}, batch ${i}`,
        gtin: null,
      });
      await products.move(deps, first, p.id, 'submit');
    }

    // A product sent back for changes is answered with one changed field and submitted again.
    for (const email of ['producer1@demo.iranmade.ir', 'producer2@demo.iranmade.ir']) {
      const who = await owner(email);
      const [sent] = (await products.list(deps, who, { mine: true, status: 'changes_requested', limit: 1 }))
        .items;
      if (!sent) continue;
      await products.update(deps, who, sent.id, {
        version: sent.version,
        annualCapacity: sent.annualCapacity + 1,
      });
      await products.move(deps, who, sent.id, 'submit');
      resubmittedId = sent.id;
    }

    reviewer = await signedIn(app, deps, DEMO_REVIEWER);
    producer = await signedIn(app, deps, 'producer1@demo.iranmade.ir');
  }, 180_000);

  afterAll(async () => {
    logOf(deps).stop();
    await database?.drop();
  });

  it('page the review queue, every submission once, counted in the heading', async () => {
    const { total } = await products.list(deps, reviewer.user, { queue: true, limit: 1 });
    expect(total).toBeGreaterThan(25);
    const first = await reviewer.get('/review?lang=en');
    expect(first.html).toContain(t('en', 'web.review.products', { count: total }));
    const page1 = queueIds(first.html);
    expect(page1).toHaveLength(25);
    const next = nextLink(first.html) ?? '';
    expect(next).toMatch(/^\/review\?cursor=/);
    const second = await reviewer.get(`${next}&lang=en`);
    const page2 = queueIds(second.html);
    expect(new Set([...page1, ...page2]).size).toBe(total);
    expect(second.html).toContain(`>${t('en', 'web.catalog.first')}</a>`);
    expect(nextLink(second.html)).toBeUndefined();
  });

  it('filter the queue by kind, beside province and chapter, and keep the filter while paging', async () => {
    const units = await reviewer.get('/review?kind=units&lang=en');
    expect(units.html).toContain(t('en', 'web.review.units', { count: 1 }));
    expect(units.html).toContain(`href="/review/units/${pendingUnitId}"`);
    expect(units.html).not.toContain('Products awaiting review');
    expect(units.html).toMatch(/<option value="units" selected/);

    const productsOnly = await reviewer.get('/review?kind=products&lang=en');
    expect(productsOnly.html).not.toContain('Production units awaiting review');
    expect(productsOnly.html).toContain('name="province"');
    expect(productsOnly.html).toContain('name="chapter"');
    expect(nextLink(productsOnly.html)).toMatch(/^\/review\?kind=products&cursor=/);
  });

  it('mark a product whose unit is not approved yet, in the queue and on its page, and not offer to approve it', async () => {
    const queue = await products.list(deps, reviewer.user, { queue: true, limit: 100 });
    const waiting = queue.items.filter((p) => p.producerId === pendingUnitId);
    expect(waiting.length).toBeGreaterThan(0);
    const first = await reviewer.get('/review?kind=products&lang=en');
    const second = await reviewer.get(nextLink(first.html) ?? '');
    const marks = all(
      first.html + second.html,
      /<a class="badge unit-pending" href="\/review\/units\/([0-9a-f-]{36})"/g,
    );
    expect(marks).toHaveLength(waiting.length);
    expect(new Set(marks)).toEqual(new Set([pendingUnitId]));

    const page = await reviewer.get(`/review/products/${waiting[0]?.id}?lang=en`);
    expect(page.html).toContain(t('en', 'web.review.review_unit'));
    expect(page.html).toContain(`href="/review/units/${pendingUnitId}"`);
    expect(page.html).not.toContain('value="approve"');
    expect(page.html).toContain('value="request_changes"');
    // The reason's limit is told before it is typed, not only after a refusal.
    expect(page.html).toMatch(/<textarea[^>]* name="reason"[^>]* maxlength="2000"/);

    const ready = queue.items.find((p) => p.producerId !== pendingUnitId && !p.revision);
    const readyPage = await reviewer.get(`/review/products/${ready?.id}?lang=en`);
    expect(readyPage.html).toContain('value="approve"');
    expect(readyPage.html).not.toContain(t('en', 'web.review.review_unit'));
  });

  it("show a resubmitted product with the reviewer's previous reason and what changed since", async () => {
    const page = await reviewer.get(`/review/products/${resubmittedId}?lang=en`);
    expect(page.html).toContain('class="status-panel status-changes_requested resubmission"');
    expect(page.html).toContain('لطفاً گواهی استاندارد ملی');
    expect(page.html).toContain(
      t('en', 'web.review.changed_since', { fields: t('en', 'web.product.annualCapacity') }),
    );
    expect(all(page.html, /<tr class="changed"><th scope="row">([^<]+)</g)).toEqual([
      t('en', 'web.product.annualCapacity'),
    ]);
  });

  it('tell a reviewer whose decision came after another one that it was not recorded, keeping the reason typed', async () => {
    const queue = await products.list(deps, reviewer.user, { queue: true, limit: 100 });
    const target = queue.items.find((p) => p.producerId !== pendingUnitId && !p.revision);
    const path = `/review/products/${target?.id}`;
    const first = 'نتیجهٔ آزمون پیوست نشده است.';
    expect((await reviewer.post(path, { decision: 'reject', reason: first })).status).toBe(303);

    // The second tab, opened before the first decision, sends its own.
    const typed = 'نام انگلیسی را کامل کنید.';
    const late = await reviewer.post(`${path}?lang=en`, { decision: 'request_changes', reason: typed });
    expect(late.status).toBe(400);
    expect(late.html).toContain(t('en', 'problem.invalid_transition'));
    expect(late.html).toContain(t('en', 'web.review.unrecorded_reason', { reason: `\u2068${typed}\u2069` }));
    expect(late.html).toContain(t('en', 'web.product.reviewer_reason', { reason: `\u2068${first}\u2069` }));
    expect((await products.get(deps, reviewer.user, target?.id ?? '')).product).toMatchObject({
      status: 'rejected',
      reason: first,
    });
  });

  it("page a producer's products in a compact list with registration numbers in Persian digits, filtered by state", async () => {
    const mine = await products.list(deps, producer.user, { mine: true, limit: 1 });
    expect(mine.total).toBeGreaterThan(20);
    const first = await producer.get('/workspace?lang=fa');
    expect(first.html).toContain(t('fa', 'web.workspace.products_count', { count: mine.total }));
    const rows = all(first.html, /<a href="\/workspace\/products\/([0-9a-f-]{36})"/g);
    expect(rows).toHaveLength(20);
    expect(first.html).toMatch(PERSIAN_REGNO);
    const second = await producer.get(nextLink(first.html) ?? '');
    const more = all(second.html, /<a href="\/workspace\/products\/([0-9a-f-]{36})"/g);
    expect(more.length).toBeGreaterThan(0);
    expect(more.filter((id) => rows.includes(id))).toEqual([]);

    const approved = await products.list(deps, producer.user, { mine: true, status: 'approved', limit: 1 });
    const filtered = await producer.get('/workspace?state=approved&lang=en');
    expect(filtered.html).toContain(t('en', 'web.workspace.products_count', { count: approved.total }));
    const productsPart = filtered.html.slice(0, filtered.html.indexOf(t('en', 'web.workspace.units')));
    const states = all(productsPart, /<td><span class="badge status-([a-z_]+)"/g);
    expect(states.length).toBeGreaterThan(0);
    expect(new Set(states)).toEqual(new Set(['approved']));
  });

  it('offer registering a unit, drafting a product and importing before the lists', async () => {
    const { html } = await producer.get('/workspace?lang=en');
    const listed = html.indexOf(t('en', 'web.workspace.col_product'));
    for (const href of [
      'href="/workspace/products/new"',
      'href="/workspace/units/new"',
      'href="/workspace/import"',
    ]) {
      expect(html.indexOf(href), href).toBeGreaterThan(0);
      expect(html.indexOf(href), href).toBeLessThan(listed);
    }
  });

  it('show a new API token at the top of the page, once, and never in a cookie or an address', async () => {
    const res = await producer.post('/workspace/tokens', { name: 'ERP' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('set-cookie') ?? '').not.toContain('imt_');
    const token = /class="secret" dir="ltr">(imt_[^<]+)</.exec(res.html)?.[1] ?? '';
    expect(token).not.toBe('');
    expect(res.html.indexOf(token)).toBeLessThan(res.html.indexOf('class="actions workspace-actions"'));
    expect((await producer.get('/workspace')).html).not.toContain(token);
  });

  it('show each account as active or disabled, with disabling in its own column behind a confirmation', async () => {
    const admin = await signedIn(app, deps, DEMO_REVIEWER);
    const made = await accounts.createUser(deps, admin.user, {
      name: 'Sara',
      email: 'sara@example.ir',
      password: 'a long enough secret',
      role: 'reviewer',
    });
    const list = await admin.get('/admin/users?lang=en');
    expect(all(list.html, /<th scope="col">([^<]+)<\/th>/g).slice(-2)).toEqual([
      t('en', 'web.users.state'),
      t('en', 'web.users.action'),
    ]);
    const row = (html: string) => /sara@example.ir<\/td>(.*?)<\/tr>/s.exec(html)?.[1] ?? '';
    expect(row(list.html)).toContain(`>${t('en', 'web.users.active')}</span>`);
    expect(row(list.html)).toContain(`<form method="get" action="/admin/users/${made.id}/disable"`);
    const self = new RegExp(`${DEMO_REVIEWER}</td>(.*?)</tr>`, 's').exec(list.html)?.[1] ?? '';
    expect(self).toContain(t('en', 'web.users.you'));
    expect(self).not.toContain('/disable');

    const confirm = await admin.get(`/admin/users/${made.id}/disable?lang=en`);
    expect(confirm.status).toBe(200);
    expect(confirm.html).toContain(t('en', 'web.users.confirm_title'));
    expect(confirm.html).toContain('sara@example.ir');
    expect(confirm.html).toContain(`<form method="post" action="/admin/users/${made.id}/disable"`);
    expect((await accounts.getAccount(deps, admin.user, made.id)).disabled_at).toBeNull();

    expect((await admin.post(`/admin/users/${made.id}/disable`)).status).toBe(303);
    const after = await admin.get('/admin/users?lang=en');
    expect(row(after.html)).toContain(`>${t('en', 'web.users.disabled')}</span>`);
    expect(row(after.html)).not.toContain('/disable');
    expect((await admin.get(`/admin/users/${made.id}/disable`)).status).toBe(404);
  });

  it('show the transparency log in Persian with translated events, Persian digits and long tokens in their own boxes', async () => {
    const queue = await products.list(deps, reviewer.user, { queue: true, limit: 100 });
    const ready = queue.items.find((p) => p.producerId !== pendingUnitId && !p.revision);
    await products.move(deps, reviewer.user, ready?.id ?? '', 'approve');
    await logOf(deps).signPending();
    const fa = await (await app.request('/transparency?lang=fa')).text();
    expect(fa).not.toMatch(/<code>[a-z_]+<\/code>/);
    expect(fa).toMatch(
      new RegExp(
        `<td>(${['approved', 'expired', 'submitted'].map((e) => t('fa', `web.event.${e as 'approved'}`)).join('|')})</td>`,
      ),
    );
    expect(fa).toMatch(PERSIAN_REGNO);
    expect(fa).toMatch(/<tr><td[^>]*>[۰-۹٬]+<\/td>/);
    expect(all(fa, /<pre class="code-box" dir="ltr"/g).length).toBeGreaterThanOrEqual(5);

    const en = await (await app.request('/transparency?lang=en')).text();
    expect(en).toMatch(/<tr><td[^>]*>[0-9,]+<\/td>/);
    expect(en).toMatch(/class="regno"[^>]*>\d{4}-\d{6}-\d</);
  });

  it("name the missing role in the reader's language in a 403 of the API", async () => {
    const { token } = await accounts.createToken(deps, producer.user, 'probe');
    const ask = (lang: string) =>
      app.request('/api/v1/products?queue=true', {
        headers: { authorization: `Bearer ${token}`, 'accept-language': lang },
      });
    const fa = await ask('fa');
    expect(fa.status).toBe(403);
    expect((await fa.json()).missing).toBe('نقش کارشناس یا مدیر سامانه');
    expect((await (await ask('en')).json()).missing).toBe('the role reviewer or administrator');
  });
});

describe.each(DATABASE_KINDS)('the review pages of a submission sent again or revised (%s)', (kind) => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite(kind);
  });
  afterAll(() => site.close());

  it('show a reviewer a unit sent again with the previous reason and what changed since', async () => {
    const b = await site.signedUp('unit-again@example.ir');
    const unitId = idIn(
      (
        await b.submit('/workspace/units/new', '/workspace/units', { ...unitForm, nationalId: '10770000021' })
      ).headers.get('location'),
    );
    const page = `/workspace/units/${unitId}`;
    await b.submit(page, `${page}/submit`, {});
    const reason = 'شهر را با نام رسمی آن بنویسید.';
    await site.reviewer.submit(`/review/units/${unitId}`, `/review/units/${unitId}`, {
      decision: 'request_changes',
      reason,
    });
    const { version } = JSON.parse((await b.get(`/api/v1/producers/${unitId}`)).html);
    const sent = await b.submit(page, page, {
      ...unitForm,
      nationalId: '10770000021',
      city: 'اصفهان بزرگ',
      version,
      send: 'review',
    });
    expect(sent.status).toBe(303);

    const shown = await site.reviewer.get(`/review/units/${unitId}?lang=en`);
    expect(shown.html).toContain(t('en', 'web.review.previous_reason', { reason: `\u2068${reason}\u2069` }));
    expect(shown.html).toContain(t('en', 'web.review.changed_since', { fields: t('en', 'web.unit.city') }));
  });

  it('show the reviewer which fields a revision of an approved product changes, and only the decisions its state allows', async () => {
    const { b, unitId } = await site.producerWithUnit('revise@example.ir', '10380284790');
    const id = await site.draft(b, unitId);
    await site.approved(b, id);
    const approvedPage = await site.reviewer.get(`/review/products/${id}`);
    expect(approvedPage.html).toContain('value="suspend"');
    expect(approvedPage.html).not.toContain('value="approve"');

    const edit = await b.get(`/workspace/products/${id}`);
    const version = /name="version" value="(\d+)"/.exec(edit.html)?.[1] ?? '';
    const saved = await b.submit(`/workspace/products/${id}`, `/workspace/products/${id}`, {
      ...productForm,
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

    const compare = await site.reviewer.get(`/review/products/${id}?lang=en`);
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
});

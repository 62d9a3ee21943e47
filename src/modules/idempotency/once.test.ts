import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../../test/browser.ts';
import { ceramicsUnit, steelMaker, tileProduct } from '../../../test/fixtures.ts';
import { Client, DATABASE_KINDS, freshDatabase, type TestDatabase, testDeps } from '../../../test/helpers.ts';
import type { Deps, User } from '../../context.ts';
import { t } from '../../i18n/index.ts';
import { buildApp } from '../../server.ts';
import * as accounts from '../accounts/service.ts';
import * as products from '../products/service.ts';
import { KEY_LIFETIME_MS, pruneKeys } from './service.ts';

const flash = (html: string) => /class="alert alert-ok" role="status">([^<]+)</.exec(html)?.[1];
const onceIn = (html: string) => /name="_once" value="([^"]+)"/.exec(html)?.[1] ?? '';
const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const PRODUCT_FORM = {
  nameFa: 'کاشی دیواری ۳۰×۶۰',
  nameEn: 'Wall tile 30×60',
  descriptionFa: 'کاشی دیواری لعاب‌دار',
  descriptionEn: 'Glazed wall tile',
  tariffCode: '69072100',
  brand: 'یزد',
  model: 'W-3060',
  unit: 'm2',
  annualCapacity: '500000',
  exWorksPrice: '3000000',
  importedInputsCost: '500000',
  exportMarkets: 'IQ',
};

describe.each(DATABASE_KINDS)('a create sent twice is done once, on %s', (kind) => {
  let database: TestDatabase;
  let deps: Deps;
  let app: ReturnType<typeof buildApp>;
  let maker: Browser;
  let unitId: string;
  let owner: User;
  const mine = async () => (await products.list(deps, owner, { mine: true, limit: 100 })).total;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    deps = testDeps(database);
    app = buildApp(deps);
    const made = await steelMaker(deps);
    owner = made.maker;
    unitId = made.unit.id;
    maker = new Browser(app);
    await maker.submit('/login', '/login', { email: 'maker@example.ir', password: 'maker-pass-12' });
  });
  afterAll(() => database.drop());

  it('saves a new product form once, however often it is sent: Back and Save again finds the first draft', async () => {
    const form = (await maker.get('/workspace/products/new')).html;
    const fields = { _csrf: csrfIn(form), _once: onceIn(form), producerId: unitId, ...PRODUCT_FORM };
    expect(fields._once).toMatch(/^[0-9a-f-]{36}$/);
    const before = await mine();

    // Refused first for a missing field: the form comes back with the same key, and the mended one saves.
    const refused = await maker.post('/workspace/products', { ...fields, nameFa: '' });
    expect(refused.status).toBe(400);
    expect(onceIn(refused.html)).toBe(fields._once);
    const first = await maker.post('/workspace/products', fields);
    expect(first.status).toBe(303);
    const again = await maker.post('/workspace/products', fields);
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(flash((await maker.get(`${again.headers.get('location')}?lang=en`)).html)).toBe(
      t('en', 'web.done.saved_before'),
    );
    expect(await mine()).toBe(before + 1);

    // A form shown anew carries a new key, and saves a new draft.
    const next = (await maker.get('/workspace/products/new')).html;
    expect(onceIn(next)).not.toBe(fields._once);
    expect((await maker.post('/workspace/products', { ...fields, _once: onceIn(next) })).status).toBe(303);
    expect(await mine()).toBe(before + 2);
  });

  it('makes one draft of two sends at the same moment (a double click)', async () => {
    const form = (await maker.get('/workspace/products/new')).html;
    const fields = { _csrf: csrfIn(form), _once: onceIn(form), producerId: unitId, ...PRODUCT_FORM };
    const before = await mine();
    const [a, b] = await Promise.all([
      maker.post('/workspace/products', fields),
      maker.post('/workspace/products', fields),
    ]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(a.headers.get('location')).toBe(b.headers.get('location'));
    expect(await mine()).toBe(before + 1);
  });

  it('makes one token of a token form sent twice, and shows its secret only the first time', async () => {
    const page = (await maker.get('/workspace')).html;
    const fields = { _csrf: csrfIn(page), _once: onceIn(page), name: 'ERP' };
    const first = await maker.post('/workspace/tokens', fields);
    expect(first.html).toContain('class="secret"');
    const again = await maker.post('/workspace/tokens', fields);
    expect(again.status).toBe(200);
    expect(again.html).not.toContain('class="secret"');
    expect(again.html).toContain(t('en', 'web.tokens.made_before'));
    expect((await accounts.listTokens(deps, owner)).filter((tk) => tk.name === 'ERP')).toHaveLength(1);
  });

  it('answers a create sent again with the same Idempotency-Key with what the first made, 200 instead of 201', async () => {
    const api = new Client(app);
    await api.post('/api/v1/auth/login', { email: 'maker@example.ir', password: 'maker-pass-12' });
    const key = { 'idempotency-key': 'erp-order-4711' };
    const body = { producerId: unitId, ...tileProduct };
    const before = await mine();
    const first = await api.post('/api/v1/products', body, key);
    expect(first.status).toBe(201);
    const again = await api.post('/api/v1/products', { ...body, nameEn: 'Changed in between' }, key);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.nameEn).toBe(tileProduct.nameEn);
    expect(again.headers.get('location')).toBe(`/api/v1/products/${first.body.id}`);
    expect(await mine()).toBe(before + 1);
    expect((await api.post('/api/v1/products', body, { 'idempotency-key': 'short' })).status).toBe(400);

    // The key is the account's own: someone else's same key makes their own unit.
    const unit = await api.post('/api/v1/producers', ceramicsUnit, key);
    expect(unit.status).toBe(201);
    const other = new Client(app);
    await other.post('/api/v1/auth/signup', {
      email: 'other@example.ir',
      password: 'other-pass-12',
      name: 'Other',
    });
    const theirs = await other.post('/api/v1/producers', { ...ceramicsUnit, nationalId: '14001234562' }, key);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(unit.body.id);
    expect((await api.post('/api/v1/producers', ceramicsUnit, key)).body.id).toBe(unit.body.id);
  });

  it('forgets a key after a day, when it makes a new one again', async () => {
    const api = new Client(app);
    await api.post('/api/v1/auth/login', { email: 'maker@example.ir', password: 'maker-pass-12' });
    const key = { 'idempotency-key': 'erp-order-4712' };
    const body = { producerId: unitId, ...tileProduct };
    const first = await api.post('/api/v1/products', body, key);
    await pruneKeys({ ...deps, now: () => new Date(Date.now() + KEY_LIFETIME_MS - 60_000) });
    expect((await api.post('/api/v1/products', body, key)).body.id).toBe(first.body.id);
    await pruneKeys({ ...deps, now: () => new Date(Date.now() + KEY_LIFETIME_MS + 60_000) });
    const later = await api.post('/api/v1/products', body, key);
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
  });
});

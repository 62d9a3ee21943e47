import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, DATABASE_KINDS, freshDatabase, type TestDatabase, testDeps } from '../../../test/helpers.ts';
import { buildApp } from '../../server.ts';
import { ensureAdmin } from '../accounts/service.ts';

const unit = {
  nationalId: '10380284790',
  nameFa: 'فولاد سپاهان نمونه',
  nameEn: 'Sepahan Sample Steel',
  province: 'IR-04',
  city: 'اصفهان',
  isic: '2410',
  licenceNo: '123/45678',
  phone: '031-33445566',
};
const product = {
  nameFa: 'میلگرد آجدار A3 قطر ۱۶',
  nameEn: 'Deformed rebar A3, 16 mm',
  descriptionFa: 'میلگرد آجدار فولادی مطابق استاندارد ملی ۳۱۳۲.',
  descriptionEn: 'Hot-rolled deformed steel rebar to INSO 3132.',
  tariffCode: '72142000',
  brand: 'سپاهان',
  model: 'A3-16',
  gtin: '6260000000019',
  unit: 'tonne',
  annualCapacity: 250000,
  exWorksPrice: 300_000_000,
  importedInputsCost: 45_000_000,
  exportMarkets: ['iq', 'AF'],
  attributes: { استاندارد: 'INSO 3132' },
};

describe.each(DATABASE_KINDS)('the registration workflow over HTTP on %s', (kind) => {
  let database: TestDatabase;
  let app: ReturnType<typeof buildApp>;
  let admin: Client;
  let reviewer: Client;
  let producer: Client;
  let other: Client;
  let anon: Client;
  let unitId: string;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    const deps = testDeps(database);
    app = buildApp(deps);
    await ensureAdmin(deps, { email: 'admin@iranmade.ir', password: 'admin-password-1' });
    admin = new Client(app);
    reviewer = new Client(app);
    producer = new Client(app, 'fa');
    other = new Client(app);
    anon = new Client(app);
    // biome-ignore format: a request a line
    const setup: [Client, string, object, number][] = [
      [admin, '/api/v1/auth/login', { email: 'admin@iranmade.ir', password: 'admin-password-1' }, 200],
      [admin, '/api/v1/users', { email: 'rev@iranmade.ir', password: 'reviewer-pass-1', name: 'Reviewer', role: 'reviewer' }, 201],
      [reviewer, '/api/v1/auth/login', { email: 'REV@iranmade.ir', password: 'reviewer-pass-1' }, 200],
      [producer, '/api/v1/auth/signup', { email: 'maker@example.ir', password: 'maker-pass-12', name: 'سازنده' }, 201],
      [other, '/api/v1/auth/signup', { email: 'other@example.ir', password: 'other-pass-12', name: 'Other' }, 201],
    ];
    for (const [client, path, body, status] of setup)
      expect((await client.post(path, body)).status).toBe(status);
  });
  afterAll(() => database.drop());

  it('answers health', async () => {
    const res = await anon.get('/api/health');
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('refuses a unit whose national ID fails its checksum, in the language asked, and stores nothing', async () => {
    const res = await producer.post('/api/v1/producers', {
      ...unit,
      nationalId: '10380284791',
      province: 'IR-99',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.type).toBe('/problems/validation');
    expect(res.body.title).toBe('برخی از داده‌ها معتبر نیست');
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['nationalId', 'province']);
    expect((await producer.get('/api/v1/producers?mine=true')).body.total).toBe(0);
  });

  it('tells a missing field from one of the wrong type', async () => {
    const { nameEn: _, ...withoutName } = unit;
    const res = await producer.post(
      '/api/v1/producers',
      { ...withoutName, city: 42 },
      { 'accept-language': 'en' },
    );
    expect(res.status).toBe(400);
    const byField = Object.fromEntries(
      res.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
    );
    expect(byField).toEqual({ nameEn: 'Required', city: 'Not valid' });
  });

  it('answers a method an address does not take with 405 and the methods it takes, an unknown address with 404', async () => {
    const put = await producer.request('PUT', '/api/v1/products', {}, { 'accept-language': 'en' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(put.body).toMatchObject({ type: '/problems/method-not-allowed', status: 405 });
    expect(put.body.title).toContain('Allow');
    const del = await anon.request('DELETE', '/api/v1/products/0b8e3a4c-2f4a-4d2e-9a51-7f0c1d2e3f40');
    expect([del.status, del.headers.get('allow')]).toEqual([405, 'GET, HEAD, PATCH']);
    expect((await anon.request('POST', '/api/v1/nothing-here')).status).toBe(404);
    expect((await anon.get('/api/v1/products/0b8e3a4c-2f4a-4d2e-9a51-7f0c1d2e3f40/nothing')).status).toBe(
      404,
    );
  });

  it('refuses a JSON body over 1 MB with 413 before reading it whole', async () => {
    const res = await producer.post('/api/v1/producers', { ...unit, address: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.type).toBe('/problems/too-large');
  });

  it('makes an account wait after five wrong passwords, even with the right one, and says how long', async () => {
    const guessed = { email: 'guessed@example.ir', password: 'the right password', name: 'Guessed' };
    expect((await new Client(app).post('/api/v1/auth/signup', guessed)).status).toBe(201);
    const guesser = new Client(app);
    for (let i = 0; i < 5; i++) {
      expect(
        (await guesser.post('/api/v1/auth/login', { ...guessed, password: `wrong guess ${i}` })).status,
      ).toBe(401);
    }
    const res = await guesser.post('/api/v1/auth/login', guessed);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(res.body.type).toBe('/problems/rate-limited');
  });

  it('registers a unit with a national ID typed in Persian digits', async () => {
    const res = await producer.post('/api/v1/producers', { ...unit, nationalId: '۱۰۳۸۰۲۸۴۷۹۰' });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/producers/${res.body.id}`);
    expect(res.body).toMatchObject({ status: 'draft', version: 1, nationalId: '10380284790' });
    unitId = res.body.id;
  });

  it('answers 409 for a second unit with the same national ID', async () => {
    const res = await other.post('/api/v1/producers', unit);
    expect(res.status).toBe(409);
    expect(res.body.errors[0].field).toBe('nationalId');
  });

  it('keeps drafts from the public and from other producers', async () => {
    expect((await anon.get(`/api/v1/producers/${unitId}`)).status).toBe(404);
    expect((await other.get(`/api/v1/producers/${unitId}`)).status).toBe(404);
    expect((await reviewer.get(`/api/v1/producers/${unitId}`)).status).toBe(200);
  });

  it('refuses a stale edit and keeps the newer one', async () => {
    const first = await producer.patch(`/api/v1/producers/${unitId}`, { version: 1, city: 'کاشان' });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await producer.patch(`/api/v1/producers/${unitId}`, { version: 1, city: 'نطنز' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    expect((await producer.get(`/api/v1/producers/${unitId}`)).body.city).toBe('کاشان');
  });

  let productId: string;
  it('lets a producer draft a product only for its own unit', async () => {
    const foreign = await other.post(
      '/api/v1/products',
      { ...product, producerId: unitId },
      { 'accept-language': 'en' },
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([
      { field: 'producerId', message: 'Your account does not act for this production unit' },
    ]);
    const res = await producer.post('/api/v1/products', { ...product, producerId: unitId });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/products/${res.body.id}`);
    expect(res.body).toMatchObject({
      status: 'draft',
      version: 1,
      registrationNumber: null,
      valueAddedPercent: 85,
      exportMarkets: ['AF', 'IQ'],
    });
    productId = res.body.id;
  });

  it('asks for a capacity and a price above zero in one plain sentence each', async () => {
    const errorsOf = async (fields: object) =>
      (
        await producer.post(
          '/api/v1/products',
          { ...product, producerId: unitId, ...fields },
          { 'accept-language': 'en' },
        )
      ).body.errors;
    expect(await errorsOf({ annualCapacity: 0, exWorksPrice: 0, importedInputsCost: 0 })).toEqual([
      { field: 'annualCapacity', message: 'More than 0' },
      { field: 'exWorksPrice', message: 'More than 0' },
    ]);
    expect(await errorsOf({ annualCapacity: -1 })).toEqual([
      { field: 'annualCapacity', message: 'More than 0' },
    ]);
  });

  it('names every bad product field at once', async () => {
    const res = await producer.post('/api/v1/products', {
      ...product,
      producerId: unitId,
      tariffCode: '77010000',
      gtin: '6260000000018',
      importedInputsCost: 400_000_000,
      nameFa: 'Rebar',
      unit: 'barrel',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'gtin',
      'importedInputsCost',
      'nameFa',
      'tariffCode',
      'unit',
    ]);
    const costs = await producer.post('/api/v1/products', {
      ...product,
      producerId: unitId,
      importedInputsCost: 400_000_000,
    });
    expect(costs.body.errors).toEqual([
      { field: 'importedInputsCost', message: 'نمی‌تواند از قیمت درِ کارخانه بیشتر باشد' },
    ]);
  });

  it('answers 401, 403 and 415 as it should', async () => {
    expect((await anon.post('/api/v1/products', { ...product, producerId: unitId })).status).toBe(401);
    const forbidden = await producer.post(`/api/v1/products/${productId}/decisions`, { decision: 'approve' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.missing).toBeTruthy();
    const wrongType = await producer.request('POST', '/api/v1/products', 'nameFa=x', {
      'content-type': 'text/plain',
    });
    expect(wrongType.status).toBe(415);
    const broken = await producer.request('POST', '/api/v1/products', '{"nameFa":', {});
    expect(broken.status).toBe(400);
  });

  it('sends a product for review only once its unit is under review, and says so', async () => {
    const early = await producer.post(`/api/v1/products/${productId}/submit`, undefined, {
      'accept-language': 'en',
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('invalid_transition');
    expect(early.body.errors).toEqual([
      expect.objectContaining({
        field: 'producerId',
        message: expect.stringContaining('send it for review first'),
      }),
    ]);
    expect((await producer.get(`/api/v1/products/${productId}`)).body.status).toBe('draft');
    expect((await producer.post(`/api/v1/producers/${unitId}/submit`)).body.status).toBe('submitted');
    expect((await producer.post(`/api/v1/products/${productId}/submit`)).body.status).toBe('submitted');
  });

  it('does not approve a product before its unit is approved', async () => {
    const res = await reviewer.post(`/api/v1/products/${productId}/decisions`, { decision: 'approve' });
    expect(res.status).toBe(409);
  });

  it('names the decisions there are when given one that is not', async () => {
    const res = await reviewer.post(
      `/api/v1/products/${productId}/decisions`,
      { decision: 'maybe' },
      { 'accept-language': 'en' },
    );
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'decision', message: 'One of: approve, reject, request_changes, suspend, reinstate, revoke' },
    ]);
  });

  it('asks for a reason to reject, ask for changes, suspend or revoke', async () => {
    const res = await reviewer.post(`/api/v1/products/${productId}/decisions`, {
      decision: 'request_changes',
      reason: '  ',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('reason');
  });

  it('runs the whole review: changes requested, answered, approved with a registration number', async () => {
    expect(
      (await reviewer.post(`/api/v1/producers/${unitId}/decisions`, { decision: 'approve' })).body.status,
    ).toBe('approved');

    const asked = await reviewer.post(`/api/v1/products/${productId}/decisions`, {
      decision: 'request_changes',
      reason: 'Attach the INSO certificate',
    });
    expect(asked.body.status).toBe('changes_requested');
    const mine = await producer.get(`/api/v1/products/${productId}`);
    expect(mine.body.reason).toBe('Attach the INSO certificate');
    const edited = await producer.patch(`/api/v1/products/${productId}`, {
      version: mine.body.version,
      model: 'A3-16-B',
    });
    expect(edited.status).toBe(200);
    expect((await producer.post(`/api/v1/products/${productId}/submit`)).body.status).toBe('submitted');

    const queue = await reviewer.get('/api/v1/products?queue=true');
    expect(queue.body.items.map((p: { id: string }) => p.id)).toContain(productId);

    const approved = await reviewer.post(`/api/v1/products/${productId}/decisions`, { decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.registrationNumber).toMatch(/^\d{4}-\d{6}-\d$/);
    expect(new Date(approved.body.validUntil).getTime()).toBeGreaterThan(Date.now() + 365 * 86_400_000 * 0.3);
  });

  it('shows the approved product to the public, by id and by registration number', async () => {
    const byId = await anon.get(`/api/v1/products/${productId}`);
    expect(byId.status).toBe(200);
    const byNumber = await anon.get(`/api/v1/products/${byId.body.registrationNumber}`);
    expect(byNumber.body.id).toBe(productId);
    const list = await anon.get('/api/v1/products?q=rebar');
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(productId);
    expect(list.body).toHaveProperty('nextCursor');
  });

  it('verifies a registration number, and catches a mistyped one', async () => {
    const number = (await anon.get(`/api/v1/products/${productId}`)).body.registrationNumber as string;
    const ok = await anon.get(`/api/v1/verify/${number}`);
    expect(ok.body).toMatchObject({ result: 'approved', producer: { nameFa: unit.nameFa } });
    expect(ok.body.message.fa).toContain('معتبر');
    const last = Number(number.at(-1));
    const typo = await anon.get(`/api/v1/verify/${number.slice(0, -1)}${(last + 1) % 10}`);
    expect(typo.body.result).toBe('mistyped');
  });

  it('keeps the approved version public while a revision is reviewed', async () => {
    const current = (await producer.get(`/api/v1/products/${productId}`)).body;
    const rev = await producer.patch(`/api/v1/products/${productId}`, {
      version: current.version,
      nameEn: 'Deformed rebar A3, 16 mm (new mill)',
    });
    expect(rev.body.status).toBe('approved');
    expect(rev.body.revision.status).toBe('draft');
    await producer.post(`/api/v1/products/${productId}/submit`);
    expect((await anon.get(`/api/v1/products/${productId}`)).body.nameEn).toBe(product.nameEn);
    expect((await anon.get(`/api/v1/products/${productId}`)).body.revision).toBeNull();
    const approved = await reviewer.post(`/api/v1/products/${productId}/decisions`, { decision: 'approve' });
    expect(approved.body.revision).toBeNull();
    expect((await anon.get(`/api/v1/products/${productId}`)).body.nameEn).toBe(
      'Deformed rebar A3, 16 mm (new mill)',
    );
    expect(approved.body.registrationNumber).toBe(current.registrationNumber);
  });

  it('suspends with a public reason, and verify says so', async () => {
    const p = (await anon.get(`/api/v1/products/${productId}`)).body;
    await reviewer.post(`/api/v1/products/${productId}/decisions`, {
      decision: 'suspend',
      reason: 'Field inspection failed',
    });
    const v = await anon.get(`/api/v1/verify/${p.registrationNumber}`);
    expect(v.body).toMatchObject({ result: 'suspended', reason: 'Field inspection failed' });
    const history = await anon.get(`/api/v1/products/${productId}/history`);
    const types = history.body.items.map((e: { type: string }) => e.type);
    expect(types).toEqual([
      'created',
      'submitted',
      'changes_requested',
      'edited',
      'submitted',
      'approved',
      'edited',
      'submitted',
      'approved',
      'suspended',
    ]);
    expect(history.body.items.at(-1).reason).toBe('Field inspection failed');
    expect(history.body.items[2].reason).toBeNull();
    expect(history.body.items.every((e: { logIndex: number }) => Number.isInteger(e.logIndex))).toBe(true);
    expect((await anon.get('/api/v1/products?q=rebar')).body.items).toHaveLength(0);
  });

  it('gives exactly one of two concurrent decisions', async () => {
    const draft = await producer.post('/api/v1/products', {
      ...product,
      producerId: unitId,
      model: 'A3-25',
      gtin: null,
    });
    await producer.post(`/api/v1/products/${draft.body.id}/submit`);
    const results = await Promise.all([
      reviewer.post(`/api/v1/products/${draft.body.id}/decisions`, { decision: 'approve' }),
      admin.post(`/api/v1/products/${draft.body.id}/decisions`, {
        decision: 'reject',
        reason: 'Wrong tariff code',
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409);
    expect(loser?.body.code).toBe('invalid_transition');
    const history = (await reviewer.get(`/api/v1/products/${draft.body.id}/history`)).body.items;
    expect(history.map((e: { type: string }) => e.type).slice(0, 2)).toEqual(['created', 'submitted']);
    expect(history).toHaveLength(3);
  });

  it('makes no ministry account a member of a unit, and lets no member decide on it', async () => {
    const staff = new Client(app);
    const created = await admin.post('/api/v1/users', {
      email: 'staff@iranmade.ir',
      password: 'staff-pass-123',
      name: 'Staff',
      role: 'reviewer',
    });
    await staff.post('/api/v1/auth/login', { email: 'staff@iranmade.ir', password: 'staff-pass-123' });
    // A producer cannot keep a reviewer, or an admin, from deciding on its unit by making them members.
    for (const [who, email] of [
      [producer, 'staff@iranmade.ir'],
      [producer, 'admin@iranmade.ir'],
      [admin, 'staff@iranmade.ir'],
    ] as const) {
      const refused = await who.post(
        `/api/v1/producers/${unitId}/members`,
        { email },
        { 'accept-language': 'en' },
      );
      expect(refused.status, email).toBe(400);
      expect(refused.body.errors[0]).toMatchObject({
        field: 'email',
        message: expect.stringContaining('ministry'),
      });
    }
    // A reviewer who belongs to a unit all the same (a membership made before this rule) does not decide.
    await database.db
      .insertInto('producer_members')
      .values({ producer_id: unitId, user_id: created.body.id })
      .execute();
    const draft = await producer.post('/api/v1/products', {
      ...product,
      producerId: unitId,
      model: 'A3-32',
      gtin: null,
    });
    await producer.post(`/api/v1/products/${draft.body.id}/submit`);
    const res = await staff.post(`/api/v1/products/${draft.body.id}/decisions`, { decision: 'approve' });
    expect(res.status).toBe(403);
    expect(res.body.missing).toBe('a reviewer who does not belong to this production unit');
    expect(
      (await reviewer.post(`/api/v1/products/${draft.body.id}/decisions`, { decision: 'approve' })).status,
    ).toBe(200);
  });

  it('pages through the public catalog without losing or repeating a product', async () => {
    const added: string[] = [];
    for (const model of ['T-1', 'T-2', 'T-3']) {
      const p = await producer.post('/api/v1/products', {
        ...product,
        producerId: unitId,
        model,
        gtin: null,
      });
      await producer.post(`/api/v1/products/${p.body.id}/submit`);
      await reviewer.post(`/api/v1/products/${p.body.id}/decisions`, { decision: 'approve' });
      added.push(p.body.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let total = -1;
    do {
      const page = await anon.get(`/api/v1/products?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((p: { id: string }) => p.id));
      total = page.body.total;
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen.slice(0, 3)).toEqual([...added].reverse());
    expect((await anon.get('/api/v1/products?cursor=garbage')).status).toBe(400);
  });

  it("lists a unit's own products latest change first, paging through them all once", async () => {
    const mine = async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await producer.get(
          `/api/v1/products?mine=true&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...page.body.items.map((p: { id: string }) => p.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      return seen;
    };
    const before = await mine();
    expect(new Set(before).size).toBe(before.length);
    // The first product, suspended before the others were made, is reinstated: it comes first now, and
    // the others keep their order.
    expect(before.at(-1)).toBe(productId);
    const reinstated = await reviewer.post(`/api/v1/products/${productId}/decisions`, {
      decision: 'reinstate',
    });
    expect(reinstated.status).toBe(200);
    const after = await mine();
    expect(after).toEqual([productId, ...before.slice(0, -1)]);
  });

  it('stores compliance documents for owners and reviewers only, checking size and type', async () => {
    const pdf = new FormData();
    pdf.append('file', new File([new TextEncoder().encode('%PDF-1.7\n...')], 'certificate.pdf'));
    const up = await producer.post(`/api/v1/products/${productId}/documents`, pdf);
    expect(up.status).toBe(201);
    expect(up.body.mediaType).toBe('application/pdf');
    const exe = new FormData();
    exe.append('file', new File([new TextEncoder().encode('MZ\x90\x00')], 'certificate.pdf'));
    expect((await producer.post(`/api/v1/products/${productId}/documents`, exe)).status).toBe(415);
    const big = new FormData();
    big.append('file', new File([new Uint8Array(11 * 1024 * 1024)], 'big.pdf'));
    expect((await producer.post(`/api/v1/products/${productId}/documents`, big)).status).toBe(413);
    expect((await reviewer.get(`/api/v1/products/${productId}/documents`)).body.items).toHaveLength(1);
    expect((await anon.get(`/api/v1/products/${productId}/documents`)).status).toBe(401);
    expect((await other.get(`/api/v1/products/${productId}/documents`)).status).toBe(404);
  });

  it('takes back a document uploaded by mistake while drafting, keeps one a reviewer may have read, and stores at most 20 a product', async () => {
    const draft = (
      await producer.post('/api/v1/products', { ...product, producerId: unitId, model: 'DOCS', gtin: null })
    ).body.id as string;
    const upload = (name: string) => {
      const form = new FormData();
      form.append('file', new File([new TextEncoder().encode('%PDF-1.7\n...')], name));
      return producer.post(`/api/v1/products/${draft}/documents`, form, { 'accept-language': 'en' });
    };
    const docs = async () =>
      (await producer.get(`/api/v1/products/${draft}/documents`)).body.items as { id: string }[];
    const wrong = (await upload('wrong.pdf')).body.id as string;
    expect((await other.request('DELETE', `/api/v1/products/${draft}/documents/${wrong}`)).status).toBe(404);
    expect((await producer.request('DELETE', `/api/v1/products/${draft}/documents/${wrong}`)).status).toBe(
      204,
    );
    expect(await docs()).toHaveLength(0);
    expect((await producer.request('DELETE', `/api/v1/products/${draft}/documents/${wrong}`)).status).toBe(
      404,
    );

    for (let i = 0; i < 20; i++) expect((await upload(`report-${i}.pdf`)).status).toBe(201);
    const full = await upload('one-more.pdf');
    expect(full.status).toBe(400);
    expect(full.body.errors).toEqual([
      { field: 'file', message: 'A product has at most 20 documents: remove one first' },
    ]);

    // Sent for review, its documents stay as the reviewer found them.
    await producer.post(`/api/v1/products/${draft}/submit`);
    const [kept] = await docs();
    const refused = await producer.request('DELETE', `/api/v1/products/${draft}/documents/${kept?.id}`);
    expect(refused.status).toBe(409);
    expect(await docs()).toHaveLength(20);
  });

  it('issues API tokens that work once shown and stop when revoked', async () => {
    const created = await producer.post('/api/v1/tokens', { name: 'ERP' });
    expect(created.status).toBe(201);
    const machine = new Client(app);
    machine.token = created.body.token;
    expect((await machine.get('/api/v1/auth/me')).body.email).toBe('maker@example.ir');
    expect((await producer.get('/api/v1/tokens')).body.items[0]).not.toHaveProperty('token');
    await producer.request('DELETE', `/api/v1/tokens/${created.body.id}`);
    const revoked = await machine.get('/api/v1/auth/me');
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get('www-authenticate')).toBe('Bearer realm="iranmade"');
    expect(revoked.headers.get('vary')).toContain('Accept-Language');
  });

  it('refuses a cookie-authenticated write from another site', async () => {
    const res = await producer.post(
      '/api/v1/tokens',
      { name: 'x' },
      { origin: 'https://evil.example', 'accept-language': 'en' },
    );
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'cross_site', type: '/problems/cross-site' });
    expect(res.body.title).toContain('API token');
  });

  it('does not let a producer create reviewer accounts', async () => {
    const res = await producer.post('/api/v1/users', {
      email: 'x@x.ir',
      password: 'xxxxxxxxxxxx',
      name: 'Xavier',
      role: 'admin',
    });
    expect(res.status).toBe(403);
  });

  it('lets an admin, and no one else, disable an account and enable it again', async () => {
    const who = (await other.get('/api/v1/auth/me')).body.id as string;
    const self = { email: 'other@example.ir', password: 'other-pass-12' };
    expect((await producer.post(`/api/v1/users/${who}/disable`)).status).toBe(403);
    expect((await admin.post(`/api/v1/users/${who}/disable`)).status).toBe(204);
    expect((await new Client(app).post('/api/v1/auth/login', self)).status).toBe(403);
    expect((await admin.post(`/api/v1/users/${who}/enable`)).status).toBe(204);
    expect((await new Client(app).post('/api/v1/auth/login', self)).status).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebarProduct as product } from '../../../test/fixtures.ts';
import { type Client, DATABASE_KINDS } from '../../../test/helpers.ts';
import { openRegistry, type Registry } from '../../../test/registry.ts';

describe.each(DATABASE_KINDS)('the registration workflow over HTTP on %s', (kind) => {
  let r: Registry;
  beforeAll(async () => {
    r = await openRegistry(kind);
  });
  afterAll(() => r.close());

  /** A producer of its own with a unit taken as far as `state`. */
  async function producerWithUnit(state: 'draft' | 'submitted' | 'approved' = 'approved') {
    const producer = await r.producer();
    return { producer, unitId: await r.unit(producer, state) };
  }

  /** The ids of a producer's own products, latest change first, read two a page. */
  async function mine(producer: Client) {
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
  }

  it('lets a producer draft a product only for its own unit', async () => {
    const { producer, unitId } = await producerWithUnit('draft');
    const other = await r.producer();
    const foreign = await other.post(
      '/api/v1/products',
      { ...product, producerId: unitId },
      { 'accept-language': 'en' },
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([
      { field: 'producerId', message: 'Your account does not act for this production unit' },
    ]);
    const res = await producer.post('/api/v1/products', {
      ...product,
      producerId: unitId,
      gtin: '6260000000019',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/products/${res.body.id}`);
    expect(res.body).toMatchObject({
      status: 'draft',
      version: 1,
      registrationNumber: null,
      valueAddedPercent: 85,
      gtin: '6260000000019',
      exportMarkets: ['AF', 'IQ'],
    });
  });

  it('asks for a capacity and a price above zero in one plain sentence each', async () => {
    const { producer, unitId } = await producerWithUnit('draft');
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
    const { producer, unitId } = await producerWithUnit('draft');
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
    const { producer, unitId } = await producerWithUnit('draft');
    const draft = await r.product(producer, unitId);
    expect((await r.anon.post('/api/v1/products', { ...product, producerId: unitId })).status).toBe(401);
    const forbidden = await producer.post(`/api/v1/products/${draft.id}/decisions`, { decision: 'approve' });
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
    const { producer, unitId } = await producerWithUnit('draft');
    const { id } = await r.product(producer, unitId);
    const early = await producer.post(`/api/v1/products/${id}/submit`, undefined, {
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
    expect((await producer.get(`/api/v1/products/${id}`)).body.status).toBe('draft');
    expect((await producer.post(`/api/v1/producers/${unitId}/submit`)).body.status).toBe('submitted');
    expect((await producer.post(`/api/v1/products/${id}/submit`)).body.status).toBe('submitted');
  });

  it('does not approve a product before its unit is approved', async () => {
    const { producer, unitId } = await producerWithUnit('submitted');
    const { id } = await r.product(producer, unitId, 'submitted');
    const res = await r.reviewer.post(`/api/v1/products/${id}/decisions`, { decision: 'approve' });
    expect(res.status).toBe(409);
  });

  it('names the decisions there are when given one that is not', async () => {
    const { producer, unitId } = await producerWithUnit();
    const { id } = await r.product(producer, unitId, 'submitted');
    const res = await r.reviewer.post(
      `/api/v1/products/${id}/decisions`,
      { decision: 'maybe' },
      { 'accept-language': 'en' },
    );
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'decision', message: 'One of: approve, reject, request_changes, suspend, reinstate, revoke' },
    ]);
  });

  it('asks for a reason to reject, ask for changes, suspend or revoke', async () => {
    const { producer, unitId } = await producerWithUnit();
    const { id } = await r.product(producer, unitId, 'submitted');
    const res = await r.reviewer.post(`/api/v1/products/${id}/decisions`, {
      decision: 'request_changes',
      reason: '  ',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('reason');
  });

  it('runs the whole review: changes requested, answered, approved with a registration number', async () => {
    const { producer, unitId } = await producerWithUnit('submitted');
    const { id } = await r.product(producer, unitId, 'submitted');
    expect(
      (await r.reviewer.post(`/api/v1/producers/${unitId}/decisions`, { decision: 'approve' })).body.status,
    ).toBe('approved');

    const asked = await r.reviewer.post(`/api/v1/products/${id}/decisions`, {
      decision: 'request_changes',
      reason: 'Attach the INSO certificate',
    });
    expect(asked.body.status).toBe('changes_requested');
    const mine = await producer.get(`/api/v1/products/${id}`);
    expect(mine.body.reason).toBe('Attach the INSO certificate');
    const edited = await producer.patch(`/api/v1/products/${id}`, {
      version: mine.body.version,
      model: 'A3-16-B',
    });
    expect(edited.status).toBe(200);
    expect((await producer.post(`/api/v1/products/${id}/submit`)).body.status).toBe('submitted');

    const queue = await r.reviewer.get('/api/v1/products?queue=true');
    expect(queue.body.items.map((p: { id: string }) => p.id)).toContain(id);

    const approved = await r.reviewer.post(`/api/v1/products/${id}/decisions`, { decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.registrationNumber).toMatch(/^\d{4}-\d{6}-\d$/);
    expect(new Date(approved.body.validUntil).getTime()).toBeGreaterThan(Date.now() + 365 * 86_400_000 * 0.3);
    // The public history names every step, but not what the reviewer asked to change.
    const history = (await r.anon.get(`/api/v1/products/${id}/history`)).body.items;
    expect(history.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'submitted',
      'changes_requested',
      'edited',
      'submitted',
      'approved',
    ]);
    expect(history[2].reason).toBeNull();
  });

  it('shows the approved product to the public, by id and by registration number', async () => {
    const { producer, unitId } = await producerWithUnit();
    const { id } = await r.product(producer, unitId, 'approved');
    const byId = await r.anon.get(`/api/v1/products/${id}`);
    expect(byId.status).toBe(200);
    const byNumber = await r.anon.get(`/api/v1/products/${byId.body.registrationNumber}`);
    expect(byNumber.body.id).toBe(id);
    const list = await r.anon.get('/api/v1/products?q=rebar');
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(id);
    expect(list.body).toHaveProperty('nextCursor');
  });

  it('keeps the approved version public while a revision is reviewed', async () => {
    const { producer, unitId } = await producerWithUnit();
    const { id } = await r.product(producer, unitId, 'approved');
    const current = (await producer.get(`/api/v1/products/${id}`)).body;
    const rev = await producer.patch(`/api/v1/products/${id}`, {
      version: current.version,
      nameEn: 'Deformed rebar A3, 16 mm (new mill)',
    });
    expect(rev.body.status).toBe('approved');
    expect(rev.body.revision.status).toBe('draft');
    await producer.post(`/api/v1/products/${id}/submit`);
    expect((await r.anon.get(`/api/v1/products/${id}`)).body.nameEn).toBe(product.nameEn);
    expect((await r.anon.get(`/api/v1/products/${id}`)).body.revision).toBeNull();
    const approved = await r.reviewer.post(`/api/v1/products/${id}/decisions`, { decision: 'approve' });
    expect(approved.body.revision).toBeNull();
    expect((await r.anon.get(`/api/v1/products/${id}`)).body.nameEn).toBe(
      'Deformed rebar A3, 16 mm (new mill)',
    );
    expect(approved.body.registrationNumber).toBe(current.registrationNumber);
  });

  it('suspends with a public reason, and verify says so', async () => {
    const { producer, unitId } = await producerWithUnit();
    const p = await r.product(producer, unitId, 'approved');
    const listed = async () =>
      (await r.anon.get('/api/v1/products?q=rebar&limit=100')).body.items.map((x: { id: string }) => x.id);
    expect(await listed()).toContain(p.id);
    await r.reviewer.post(`/api/v1/products/${p.id}/decisions`, {
      decision: 'suspend',
      reason: 'Field inspection failed',
    });
    const v = await r.anon.get(`/api/v1/verify/${p.registrationNumber}`);
    expect(v.body).toMatchObject({ result: 'suspended', reason: 'Field inspection failed' });
    const history = await r.anon.get(`/api/v1/products/${p.id}/history`);
    const types = history.body.items.map((e: { type: string }) => e.type);
    expect(types).toEqual(['created', 'submitted', 'approved', 'suspended']);
    expect(history.body.items.at(-1).reason).toBe('Field inspection failed');
    expect(history.body.items.every((e: { logIndex: number }) => Number.isInteger(e.logIndex))).toBe(true);
    expect(await listed()).not.toContain(p.id);
  });

  it('gives exactly one of two concurrent decisions', async () => {
    const { producer, unitId } = await producerWithUnit();
    const { id } = await r.product(producer, unitId, 'submitted', { model: 'A3-25' });
    const results = await Promise.all([
      r.reviewer.post(`/api/v1/products/${id}/decisions`, { decision: 'approve' }),
      r.admin.post(`/api/v1/products/${id}/decisions`, {
        decision: 'reject',
        reason: 'Wrong tariff code',
      }),
    ]);
    expect(results.map((res) => res.status).sort()).toEqual([200, 409]);
    const loser = results.find((res) => res.status === 409);
    expect(loser?.body.code).toBe('invalid_transition');
    const history = (await r.reviewer.get(`/api/v1/products/${id}/history`)).body.items;
    expect(history.map((e: { type: string }) => e.type).slice(0, 2)).toEqual(['created', 'submitted']);
    expect(history).toHaveLength(3);
  });

  it('pages through the public catalog without losing or repeating a product', async () => {
    const { producer, unitId } = await producerWithUnit();
    const added: string[] = [];
    for (const model of ['T-1', 'T-2', 'T-3'])
      added.push((await r.product(producer, unitId, 'approved', { model })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let total = -1;
    do {
      const page = await r.anon.get(`/api/v1/products?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((p: { id: string }) => p.id));
      total = page.body.total;
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen.slice(0, 3)).toEqual([...added].reverse());
    expect((await r.anon.get('/api/v1/products?cursor=garbage')).status).toBe(400);
  });

  it("lists a unit's own products latest change first, paging through them all once", async () => {
    const { producer, unitId } = await producerWithUnit();
    const { id } = await r.product(producer, unitId, 'approved', { model: 'FIRST' });
    await r.reviewer.post(`/api/v1/products/${id}/decisions`, { decision: 'suspend', reason: 'Inspection' });
    await r.product(producer, unitId, 'approved', { model: 'SECOND' });
    await r.product(producer, unitId, 'submitted', { model: 'THIRD' });
    await r.product(producer, unitId, 'draft', { model: 'FOURTH' });
    const before = await mine(producer);
    expect(before).toHaveLength(4);
    expect(new Set(before).size).toBe(before.length);
    // The first product, suspended before the others were made, is reinstated: it comes first now, and
    // the others keep their order.
    expect(before.at(-1)).toBe(id);
    const reinstated = await r.reviewer.post(`/api/v1/products/${id}/decisions`, { decision: 'reinstate' });
    expect(reinstated.status).toBe(200);
    expect(await mine(producer)).toEqual([id, ...before.slice(0, -1)]);
  });

  it('stores compliance documents for owners and reviewers only, checking size and type', async () => {
    const { producer, unitId } = await producerWithUnit();
    const { id } = await r.product(producer, unitId, 'approved');
    const other = await r.producer();
    const pdf = new FormData();
    pdf.append('file', new File([new TextEncoder().encode('%PDF-1.7\n...')], 'certificate.pdf'));
    const up = await producer.post(`/api/v1/products/${id}/documents`, pdf);
    expect(up.status).toBe(201);
    expect(up.body.mediaType).toBe('application/pdf');
    const exe = new FormData();
    exe.append('file', new File([new TextEncoder().encode('MZ\x90\x00')], 'certificate.pdf'));
    expect((await producer.post(`/api/v1/products/${id}/documents`, exe)).status).toBe(415);
    const big = new FormData();
    big.append('file', new File([new Uint8Array(11 * 1024 * 1024)], 'big.pdf'));
    expect((await producer.post(`/api/v1/products/${id}/documents`, big)).status).toBe(413);
    expect((await r.reviewer.get(`/api/v1/products/${id}/documents`)).body.items).toHaveLength(1);
    expect((await r.anon.get(`/api/v1/products/${id}/documents`)).status).toBe(401);
    expect((await other.get(`/api/v1/products/${id}/documents`)).status).toBe(404);
  });

  it('takes back a document uploaded by mistake while drafting, keeps one a reviewer may have read, and stores at most 20 a product', async () => {
    const { producer, unitId } = await producerWithUnit();
    const draft = (await r.product(producer, unitId, 'draft', { model: 'DOCS' })).id as string;
    const other = await r.producer();
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
});

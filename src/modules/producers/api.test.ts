import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newNationalId, steelUnit } from '../../../test/fixtures.ts';
import { Client, DATABASE_KINDS } from '../../../test/helpers.ts';
import { ADMIN, openRegistry, type Registry } from '../../../test/registry.ts';
import { toPersianDigits } from '../../i18n/index.ts';

describe.each(DATABASE_KINDS)('production units over HTTP on %s', (kind) => {
  let r: Registry;
  beforeAll(async () => {
    r = await openRegistry(kind);
  });
  afterAll(() => r.close());

  it('refuses a unit whose national ID fails its checksum, in the language asked, and stores nothing', async () => {
    const producer = await r.producer('fa');
    const res = await producer.post('/api/v1/producers', {
      ...steelUnit,
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
    const producer = await r.producer();
    const { nameEn: _, ...withoutName } = steelUnit;
    const res = await producer.post(
      '/api/v1/producers',
      { ...withoutName, nationalId: newNationalId(), city: 42 },
      { 'accept-language': 'en' },
    );
    expect(res.status).toBe(400);
    const byField = Object.fromEntries(
      res.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
    );
    expect(byField).toEqual({ nameEn: 'Required', city: 'Not valid' });
  });

  it('registers a unit with a national ID typed in Persian digits', async () => {
    const producer = await r.producer();
    const nationalId = newNationalId();
    const res = await producer.post('/api/v1/producers', {
      ...steelUnit,
      nationalId: toPersianDigits(nationalId),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/producers/${res.body.id}`);
    expect(res.body).toMatchObject({ status: 'draft', version: 1, nationalId });
  });

  it('answers 409 for a second unit with the same national ID', async () => {
    const unit = { ...steelUnit, nationalId: newNationalId() };
    expect((await (await r.producer()).post('/api/v1/producers', unit)).status).toBe(201);
    const res = await (await r.producer()).post('/api/v1/producers', unit);
    expect(res.status).toBe(409);
    expect(res.body.errors[0].field).toBe('nationalId');
  });

  it('keeps drafts from the public and from other producers', async () => {
    const unitId = await r.unit(await r.producer(), 'draft');
    const other = await r.producer();
    expect((await r.anon.get(`/api/v1/producers/${unitId}`)).status).toBe(404);
    expect((await other.get(`/api/v1/producers/${unitId}`)).status).toBe(404);
    expect((await r.reviewer.get(`/api/v1/producers/${unitId}`)).status).toBe(200);
  });

  it('refuses a stale edit and keeps the newer one', async () => {
    const producer = await r.producer();
    const unitId = await r.unit(producer, 'draft');
    const first = await producer.patch(`/api/v1/producers/${unitId}`, { version: 1, city: 'کاشان' });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await producer.patch(`/api/v1/producers/${unitId}`, { version: 1, city: 'نطنز' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    expect((await producer.get(`/api/v1/producers/${unitId}`)).body.city).toBe('کاشان');
  });

  it('makes no ministry account a member of a unit, and lets no member decide on it', async () => {
    const producer = await r.producer();
    const unitId = await r.unit(producer);
    const staff = new Client(r.app);
    const created = await r.admin.post('/api/v1/users', {
      email: 'staff@iranmade.ir',
      password: 'staff-pass-123',
      name: 'Staff',
      role: 'reviewer',
    });
    await staff.post('/api/v1/auth/login', { email: 'staff@iranmade.ir', password: 'staff-pass-123' });
    // A producer cannot keep a reviewer, or an admin, from deciding on its unit by making them members.
    for (const [who, email] of [
      [producer, 'staff@iranmade.ir'],
      [producer, ADMIN],
      [r.admin, 'staff@iranmade.ir'],
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
    await r.database.db
      .insertInto('producer_members')
      .values({ producer_id: unitId, user_id: created.body.id })
      .execute();
    const submitted = await r.product(producer, unitId, 'submitted');
    const res = await staff.post(`/api/v1/products/${submitted.id}/decisions`, { decision: 'approve' });
    expect(res.status).toBe(403);
    expect(res.body.missing).toBe('a reviewer who does not belong to this production unit');
    expect(
      (await r.reviewer.post(`/api/v1/products/${submitted.id}/decisions`, { decision: 'approve' })).status,
    ).toBe(200);
  });
});

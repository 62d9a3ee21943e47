import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ceramicsUnit, tileProduct } from '../../../test/fixtures.ts';
import { DATABASE_KINDS, freshDatabase, type TestDatabase, testDeps } from '../../../test/helpers.ts';
import type { User } from '../../context.ts';
import type { AppError } from '../../errors.ts';
import { ensureAdmin, signup } from '../accounts/service.ts';
import * as producers from '../producers/service.ts';
import * as products from '../products/service.ts';
import { verify } from '../verify/service.ts';
import { replayAll } from './service.ts';

describe.each(DATABASE_KINDS)('the registry history on %s', (kind) => {
  let database: TestDatabase;
  let clock = new Date('2025-06-01T08:00:00Z').getTime();
  const tick = () => {
    clock += 60_000;
    return new Date(clock);
  };
  const ctx = () => ({ ...testDeps(database, tick) });

  beforeAll(async () => {
    database = await freshDatabase(kind);
    const c = ctx();
    const admin = (await ensureAdmin(c, { email: 'a@iranmade.ir', password: 'admin-password-1' }))
      .user as User;
    const maker = (await signup(c, { email: 'm@example.ir', password: 'maker-password', name: 'M' })) as User;
    const unit = await producers.register(c, maker, ceramicsUnit);
    await producers.move(c, maker, unit.id, 'submit');
    await producers.move(c, admin, unit.id, 'approve');
    await producers.update(c, maker, unit.id, { version: 3, phone: '035-37221100' });
    for (let i = 0; i < 6; i++) {
      const p = await products.create(c, maker, { ...tileProduct, producerId: unit.id, model: `P-${i}` });
      if (i === 0) continue;
      await products.move(c, maker, p.id, 'submit');
      if (i === 1) await products.move(c, admin, p.id, 'reject', 'Not domestic');
      if (i < 3) continue;
      const approved = await products.move(c, admin, p.id, 'approve');
      if (i === 4) {
        const rev = await products.update(c, maker, p.id, {
          version: approved.version,
          exWorksPrice: 5_000_000,
        });
        await products.move(c, maker, p.id, 'submit');
        await products.move(c, admin, p.id, 'approve');
        void rev;
      }
      if (i === 5) {
        await products.move(c, admin, p.id, 'suspend', 'Inspection');
        await products.move(c, admin, p.id, 'revoke', 'Licence withdrawn');
      }
    }
  });
  afterAll(() => database.drop());

  it('rebuilds every projection exactly by replaying the events', async () => {
    const replayed = await replayAll(database.db);
    const c = ctx();
    const rows = [
      ...(await producers.allForReplay(c)).map((p) => [`producer:${p.id}`, p] as const),
      ...(await products.allForReplay(c)).map((p) => [`product:${p.id}`, p] as const),
    ];
    expect(rows).toHaveLength(7);
    expect(replayed.size).toBe(rows.length);
    for (const [key, row] of rows) expect(replayed.get(key), key).toEqual(JSON.parse(JSON.stringify(row)));
  });

  it('keeps the events append-only', async () => {
    await expect(database.exec('UPDATE events SET reason = NULL')).rejects.toThrow(/append-only/);
    await expect(database.exec('DELETE FROM log_leaves')).rejects.toThrow(/append-only/);
  });

  it('gives every event exactly one log leaf, numbered without gaps', async () => {
    const { rows } = await import('kysely').then(({ sql }) =>
      sql<{
        events: number;
        leaves: number;
        max: number;
      }>`SELECT (SELECT count(*) FROM events)::int AS events,
        (SELECT count(*) FROM log_leaves)::int AS leaves, (SELECT max(idx) FROM log_leaves)::int AS max`.execute(
        database.db,
      ),
    );
    expect(rows[0]?.events).toBe(rows[0]?.leaves);
    expect(rows[0]?.max).toBe((rows[0]?.leaves ?? 0) - 1);
  });
});

describe.each(DATABASE_KINDS)('registration validity on %s', (kind) => {
  let database: TestDatabase;
  afterAll(() => database.drop());

  it('lasts to the end of the next Iranian year, then expires, and renewal brings it back', async () => {
    database = await freshDatabase(kind);
    let now = new Date('2024-10-01T08:00:00Z');
    const c = testDeps(database, () => now);
    const admin = (await ensureAdmin(c, { email: 'a@iranmade.ir', password: 'admin-password-1' }))
      .user as User;
    const maker = (await signup(c, { email: 'm@example.ir', password: 'maker-password', name: 'M' })) as User;
    const unit = await producers.register(c, maker, {
      nationalId: '14001234562',
      nameFa: 'لبنیات نمونه',
      nameEn: 'Sample Dairy',
      province: 'IR-23',
      city: 'تهران',
      isic: '1050',
      licenceNo: '9',
      address: null,
      phone: null,
      website: null,
    });
    await producers.move(c, maker, unit.id, 'submit');
    await producers.move(c, admin, unit.id, 'approve');
    const p = await products.create(c, maker, { ...tileProduct, producerId: unit.id });
    await products.move(c, maker, p.id, 'submit');
    const approved = await products.move(c, admin, p.id, 'approve');
    // Approved in 1403: valid to the last moment of 1404 (Nowruz 1405 is 2026-03-21 in Tehran).
    expect(approved.registrationNumber?.startsWith('1403-')).toBe(true);
    expect(approved.validUntil).toBe('2026-03-20T20:29:59.999Z');
    // Renewing in 1403 would extend nothing: it is refused, and no event is appended.
    const refused = await products.move(c, maker, p.id, 'renew').catch((e: AppError) => e);
    expect(refused).toMatchObject({
      code: 'invalid_transition',
      detail: { missing: { key: 'missing.renewal_due' } },
    });
    expect((await products.history(c, maker, p.id)).map((e) => e.type).at(-1)).toBe('approved');
    // In 1404 it would: a renewal then runs to the end of 1405.
    now = new Date('2025-06-01T08:00:00Z');
    expect((await products.move(c, maker, p.id, 'renew')).validUntil).toBe('2027-03-20T20:29:59.999Z');
    now = new Date('2027-03-20T20:00:00Z');
    expect(await products.expireDue(c)).toBe(0);
    now = new Date('2027-03-20T21:00:00Z');
    expect((await verify(c, approved.registrationNumber ?? '')).result, 'before the expiry run').toBe(
      'expired',
    );
    expect(await products.expireDue(c)).toBe(1);
    expect((await verify(c, approved.registrationNumber ?? '')).result).toBe('expired');
    const renewed = await products.move(c, maker, p.id, 'renew');
    expect(renewed.status).toBe('approved');
    expect(renewed.validUntil).toBe('2029-03-19T20:29:59.999Z');
    expect(renewed.registrationNumber).toBe(approved.registrationNumber);
  });
});

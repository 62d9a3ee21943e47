import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from '../../../test/helpers.ts';
import type { IndexedProducer, IndexedProduct } from './service.ts';
import * as products from './service.ts';

describe.each(DATABASE_KINDS)('the public catalog read in batches on %s', (kind) => {
  let database: TestDatabase;
  const made: { id: string; tariff: string; producer: string; status: string }[] = [];

  beforeAll(async () => {
    database = await freshDatabase(kind);
    const owner = randomUUID();
    await sql`INSERT INTO users (id, email, password_hash, name, role)
      VALUES (${owner}, 'owner@example.ir', '-', 'owner', 'producer')`.execute(database.db);
    // Three producers and three tariff codes, so that every key of the order has ties to break.
    const producers = [randomUUID(), randomUUID(), randomUUID()];
    for (const [i, id] of producers.entries())
      await sql`INSERT INTO producers (id, owner_id, status, version, national_id, name_fa, name_en, province,
          city, isic, licence_no, created_at, updated_at)
        VALUES (${id}, ${owner}, 'approved', 1, ${`1000000000${i}`}, ${`تولیدی ${i}`}, ${`Maker ${i}`}, 'IR-01',
          'تبریز', '2410', '1', now(), now())`.execute(database.db);
    const tariffs = ['7214', '72142000', '8703'];
    for (let i = 0; i < 23; i++) {
      const row = {
        id: randomUUID(),
        tariff: tariffs[i % 3] as string,
        producer: producers[Math.floor(i / 3) % 3] as string,
        status: i % 5 === 4 ? 'draft' : 'approved',
      };
      made.push(row);
      await sql`INSERT INTO products (id, producer_id, status, version, registration_number, name_fa, name_en,
          description_fa, description_en, tariff_code, brand, model, unit, annual_capacity, ex_works_price,
          imported_inputs_cost, value_added_percent, export_markets, attributes, created_at, updated_at)
        VALUES (${row.id}, ${row.producer}, ${row.status}, 1, ${row.status === 'approved' ? `R-${i}` : null},
          ${`کالا ${i}`}, ${`Item ${i}`}, '', '', ${row.tariff}, '', '', 'عدد', 1, 1, 0, 100, '{}', '{}', now(),
          now())`.execute(database.db);
    }
  });
  afterAll(() => database?.drop());

  it('gives every public product once, by tariff code, producer and id, whatever the batch size', async () => {
    const ctx = { db: database.db, now: () => new Date() };
    const key = (p: (typeof made)[number]) => `${p.tariff.padEnd(10)} ${p.producer} ${p.id}`;
    const byKind = (a: (typeof made)[number], b: (typeof made)[number]) => (key(a) < key(b) ? -1 : 1);
    const expected = made
      .filter((p) => p.status === 'approved')
      .sort(byKind)
      .map((p) => p.id);
    for (const size of [1, 2, 5, 100]) {
      const producers = new Map<string, IndexedProducer>();
      const read: string[] = [];
      let last: IndexedProduct | null = null;
      for (;;) {
        const batch = await products.indexBatch(ctx, last, size, producers);
        read.push(...batch.map((p) => p.id));
        last = batch.at(-1) ?? null;
        if (batch.length < size) break;
      }
      expect(read).toEqual(expected);
    }
  });
});

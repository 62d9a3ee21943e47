import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { steelMaker } from '../../../test/fixtures.ts';
import { DATABASE_KINDS, freshDatabase, type TestDatabase, testDeps } from '../../../test/helpers.ts';
import type { Deps } from '../../context.ts';
import { demoCatalog } from './catalog.ts';
import { demoToLoad, seedDemo } from './seed.ts';

const SIZE = { units: 20, products: 300, seed: 7 };

describe.each(DATABASE_KINDS)('the demo catalog on %s', (kind) => {
  let database: TestDatabase;
  let deps: Deps;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    deps = testDeps(database);
  });
  afterAll(() => database.drop());

  const counts = async () =>
    (
      await sql<{ units: number; products: number; numbers: number }>`SELECT
        (SELECT count(*) FROM producers)::int AS units,
        (SELECT count(*) FROM products)::int AS products,
        (SELECT count(DISTINCT national_id) FROM producers)::int AS numbers`.execute(deps.db)
    ).rows[0];

  it('is loaded whole into an empty registry, and a load stopped half-way is taken up where it stopped', async () => {
    expect(await demoToLoad(deps)).toBe('all');
    // Stopped as a killed server would stop it: at its 200th record of 320.
    const stopped = seedDemo(deps, {
      ...SIZE,
      onProgress: (done) => {
        if (done === 200) throw new Error('killed');
      },
    });
    await expect(stopped).rejects.toThrow('killed');
    expect(await counts()).toEqual({ units: 20, products: 180, numbers: 20 });
    expect(await demoToLoad(deps)).toBe('rest');

    const rest = await seedDemo(deps, SIZE);
    expect(rest.made).toEqual({ units: 0, products: 120 });
    expect(await counts()).toEqual({ units: 20, products: 300, numbers: 20 });
    // Each unit has the catalog's products for it, none twice.
    const catalog = demoCatalog(SIZE);
    const byUnit = await sql<{ national_id: string; n: number }>`SELECT u.national_id, count(p.id)::int AS n
      FROM producers u LEFT JOIN products p ON p.producer_id = u.id GROUP BY u.national_id`.execute(deps.db);
    for (const { national_id, n } of byUnit.rows) {
      const ref = catalog.units.find((u) => u.nationalId === national_id)?.ref;
      expect(n, national_id).toBe(catalog.products.filter((p) => p.unitRef === ref).length);
    }
    expect((await seedDemo(deps, SIZE)).made).toEqual({ units: 0, products: 0 });
  });

  it('is not loaded into a registry that has units of its own', async () => {
    const other = await freshDatabase(kind);
    try {
      const ctx = testDeps(other);
      await steelMaker(ctx);
      expect(await demoToLoad(ctx)).toBeNull();
    } finally {
      await other.drop();
    }
  });
});

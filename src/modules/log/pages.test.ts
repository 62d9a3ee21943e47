import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainText } from '../../../test/browser.ts';
import { DATABASE_KINDS } from '../../../test/helpers.ts';
import { type Demo, openDemo } from '../../../test/registry.ts';
import type { Status } from '../../domain/workflow.ts';
import { logOf } from './service.ts';

describe.each(DATABASE_KINDS)('the transparency page over a demo registry (%s)', (kind) => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await openDemo(kind);
  });
  afterAll(() => demo.close());

  it('page back through the transparency log, linking only the subjects the public may open', async () => {
    await logOf(demo.deps).signPending();
    const newest = await demo.visitor().get('/transparency?lang=en');
    const older = /<a rel="next" href="\/transparency\?before=(\d+)">Older entries</.exec(newest.html);
    const size = Number(older?.[1]) + 20;
    expect(mainText(newest.html)).toContain(`Entries: ${size.toLocaleString('en')}`);
    const leafOf = (status: Status) =>
      demo.database.db
        .selectFrom('log_leaves')
        .innerJoin('products', 'products.id', 'log_leaves.subject_id')
        .select(['log_leaves.idx', 'products.id'])
        .where('products.status', '=', status)
        .orderBy('log_leaves.idx')
        .executeTakeFirstOrThrow();
    for (const [status, linked] of [
      ['draft', false],
      ['approved', true],
    ] as const) {
      const { idx, id } = await leafOf(status);
      const page = await demo.visitor().get(`/transparency?before=${Number(idx) + 1}&lang=en`);
      const firstRow = /<tbody><tr><td[^>]*>([\d,]+)<\/td>.*?<\/tr>/s.exec(page.html);
      expect(firstRow?.[1]).toBe(Number(idx).toLocaleString('en'));
      expect(firstRow?.[0].includes(`href="/products/${id}"`), status).toBe(linked);
      expect(page.html).toContain('<a href="/transparency">Newest entries</a>');
    }
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainText } from '../../../test/browser.ts';
import { DATABASE_KINDS } from '../../../test/helpers.ts';
import { type Demo, openDemo } from '../../../test/registry.ts';
import { t } from '../../i18n/index.ts';
import { dateOf } from '../../web/format.ts';
import { logOf } from '../log/service.ts';

describe.each(DATABASE_KINDS)("a product's public page over a demo registry (%s)", (kind) => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await openDemo(kind);
  });
  afterAll(() => demo.close());

  it('say a suspended, revoked or expired registration is not valid, in large words, and never "valid until"', async () => {
    for (const status of ['approved', 'suspended', 'revoked', 'expired'] as const) {
      const p = await demo.database.db
        .selectFrom('products')
        .select(['registration_number', 'valid_until'])
        .where('status', '=', status)
        .$narrowType<{ registration_number: string; valid_until: Date }>()
        .executeTakeFirstOrThrow();
      const { html } = await demo.visitor().get(`/products/${p.registration_number}?lang=en`);
      expect(/<strong class="verdict-word">([^<]+)</.exec(html)?.[1], status).toBe(
        t('en', `web.verify.word.${status}`),
      );
      const date = dateOf(p.valid_until.toISOString(), 'en');
      const valid = t('en', 'web.product.validUntil', { date });
      const verified = (await demo.visitor().get(`/verify/${p.registration_number}?lang=en`)).html;
      if (status === 'approved') {
        expect(html).toContain(valid);
        expect(verified).toContain(`<dt>${t('en', 'web.verify.validUntil')}</dt>`);
      } else {
        expect(html, status).not.toContain('Valid until');
        expect(html).toContain(t('en', `web.product.ended.${status}`, { date }));
        expect(verified, status).not.toContain('Valid until');
        expect(verified).toContain(`<dt>${t('en', 'web.verify.term_end')}</dt>`);
      }
    }
  });

  it('link every public event of a product to its transparency-log entry and a receipt that downloads', async () => {
    const p = await demo.database.db
      .selectFrom('products')
      .select(['id', 'registration_number'])
      .where('status', '=', 'revoked')
      .$narrowType<{ registration_number: string }>()
      .executeTakeFirstOrThrow();
    const { items } = await demo.api(`/api/v1/products/${p.id}/history`);
    const { html } = await demo.visitor().get(`/products/${p.registration_number}`);
    const receipts = [...html.matchAll(/href="(\/api\/v1\/log\/entries\/(\d+)\/receipt)" download=/g)];
    expect(receipts.map((m) => Number(m[2]))).toEqual(items.map((e: { logIndex: number }) => e.logIndex));
    for (const [, , index] of receipts)
      expect(html).toContain(`href="/transparency?before=${Number(index) + 1}"`);
    // A receipt proves an entry against a signed checkpoint, which the running server signs every moment.
    await logOf(demo.deps).signPending();
    const receipt = await demo.app.request(receipts.at(-1)?.[1] ?? '');
    expect(receipt.status).toBe(200);
  });

  it('write every number of a product page in Persian digits in Persian, and export markets as the reader lists countries', async () => {
    const p = await demo.database.db
      .selectFrom('products')
      .selectAll()
      .where('status', '=', 'approved')
      .where(sql<boolean>`cardinality(export_markets) > 1`)
      .$narrowType<{ registration_number: string }>()
      .executeTakeFirstOrThrow();
    const markets = p.export_markets as string[];
    const fa = await demo.visitor().get(`/products/${p.registration_number}`);
    const typed = [
      p.name_en,
      p.brand,
      p.model,
      p.description_fa,
      ...Object.entries(p.attributes as object).flat(),
    ];
    const text = typed.reduce((s, x) => s.replaceAll(String(x), ''), mainText(fa.html));
    expect(text).not.toMatch(/[0-9]/);
    const inFa = new Intl.DisplayNames(['fa'], { type: 'region' });
    expect(fa.html).toContain(
      new Intl.ListFormat('fa', { type: 'conjunction' }).format(markets.map((m) => inFa.of(m) ?? m)),
    );
    const en = await demo.visitor().get(`/products/${p.registration_number}?lang=en`);
    const inEn = new Intl.DisplayNames(['en'], { type: 'region' });
    expect(en.html).toContain(
      new Intl.ListFormat('en', { type: 'conjunction' }).format(markets.map((m) => inEn.of(m) ?? m)),
    );
    expect(mainText(en.html)).not.toContain('،');
  });
});

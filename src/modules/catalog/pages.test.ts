import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, cardNames } from '../../../test/browser.ts';
import { DATABASE_KINDS } from '../../../test/helpers.ts';
import { type Demo, openDemo, openSite, type Site } from '../../../test/registry.ts';
import { formatRegistrationNumber } from '../../domain/identifiers.ts';
import { type MessageKey, t, toPersianDigits } from '../../i18n/index.ts';

/** The facet links of a catalog page, by facet: the value each adds (or holds) and its count. */
function facetCounts(html: string) {
  const out: Record<string, { value: string; count: number }[]> = {};
  for (const [, facet = '', body = ''] of html.matchAll(
    /<section class="facet" aria-labelledby="facet-(\w+)">(.*?)<\/section>/gs,
  )) {
    const param = facet === 'producer' ? 'producerId' : facet;
    out[facet] = [
      ...body.matchAll(/<a href="([^"]+)"[^>]*><span>[^<]*<\/span><span class="count">([^<]+)<\/span>/g),
    ].map(([, href = '', count = '']) => ({
      value: new URLSearchParams(href.replaceAll('&amp;', '&').split('?')[1]).get(param) ?? '(removes)',
      count: Number(count.replace(/,/g, '')),
    }));
  }
  return out;
}
const hrefOf = (html: string, rel: RegExp) => rel.exec(html)?.[1]?.replaceAll('&amp;', '&');

describe.each(DATABASE_KINDS)('the catalog pages over a registry just begun (%s)', (kind) => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite(kind);
  });
  afterAll(() => site.close());

  it('point a registration number the catalog does not show to its status on /verify', async () => {
    const number = formatRegistrationNumber(1405, 987654);
    const page = await new Browser(site.app).get(
      `/products?q=${encodeURIComponent(toPersianDigits(number))}`,
    );
    expect(page.html).toContain(t('fa', 'web.catalog.none'));
    expect(page.html).toContain(`href="/verify/${number}"`);
    // A mistyped one too: /verify says that its check digit does not match.
    const mistyped = `${number.slice(0, -1)}${(Number(number.at(-1)) + 1) % 10}`;
    expect((await new Browser(site.app).get(`/products?q=${mistyped}`)).html).toContain(
      `href="/verify/${mistyped}"`,
    );
    const words = await new Browser(site.app).get('/products?q=nothing-like-this');
    expect(words.html).not.toContain('href="/verify/');
    // Nothing found, nothing to refine by: no empty facet panel.
    expect(words.html).toContain(t('fa', 'web.catalog.none'));
    expect(words.html).not.toContain('class="facets"');
  });

  it('answer the catalog from the database while the search index loads, saying so, without counts', async () => {
    const { b, unitId } = await site.producerWithUnit('early@example.ir', '10123456788');
    await site.approved(b, await site.draft(b, unitId, { nameEn: 'Early cast iron pipe' }));
    const { html } = await new Browser(site.app).get('/products?q=early&lang=en');
    expect(html).toContain(t('en', 'web.catalog.loading'));
    expect(html).toContain(t('en', 'web.catalog.uncounted'));
    expect(html).toContain('Early cast iron pipe');
    expect(html).not.toContain('class="facets"');
    // Counting the matches of words would read the whole catalog: the API says it did not count.
    for (const path of ['/api/v1/search?q=early', '/api/v1/products?q=early']) {
      const page = await (await site.app.request(path)).json();
      expect(page, path).toMatchObject({ items: [{ nameEn: 'Early cast iron pipe' }], total: null });
    }
    const listed = await (await site.app.request(`/api/v1/products?producerId=${unitId}`)).json();
    expect(listed.total).toBe(1);
  });
});

describe.each(DATABASE_KINDS)('the catalog pages over a demo registry (%s)', (kind) => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await openDemo(kind);
  });
  afterAll(() => demo.close());

  it('give the home page its figures from the index, as the database counts them', async () => {
    const { html } = await demo.visitor().get('/?lang=en');
    const figure = (key: MessageKey) =>
      Number(
        new RegExp(`<strong>([\\d,]+)</strong><span>${t('en', key)}</span>`)
          .exec(html)?.[1]
          ?.replace(/,/g, ''),
      );
    const { rows: cover } = await sql<{ chapters: number; provinces: number }>`
      SELECT count(DISTINCT substr(p.tariff_code, 1, 2))::int AS chapters, count(DISTINCT u.province)::int AS provinces
      FROM products p JOIN producers u ON u.id = p.producer_id WHERE p.status = 'approved'`.execute(
      demo.deps.db,
    );
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM products WHERE status = 'approved'`.execute(demo.deps.db);
    expect(figure('web.home.products')).toBe(rows[0]?.n);
    expect(figure('web.home.chapters')).toBe(cover[0]?.chapters);
    expect(figure('web.home.provinces')).toBe(cover[0]?.provinces);
  });

  it('count each facet over the whole result set, exactly as the search API does', async () => {
    for (const query of ['', 'q=steel', 'q=فولاد', 'band=80-100', 'section=XV&sort=name']) {
      const [page, found] = await Promise.all([
        demo.visitor().get(`/products?${query}&lang=en`),
        demo.api(`/api/v1/search?${query}`),
      ]);
      expect(page.html).toContain(`${found.total.toLocaleString('en-US')} products found`);
      const shown = facetCounts(page.html);
      for (const [facet, counts] of Object.entries(
        found.facets as Record<string, { value: string; count: number }[]>,
      )) {
        const active = new URLSearchParams(query).get(facet);
        expect(shown[facet] ?? [], `${query} ${facet}`).toEqual(
          counts.map((c) => ({ value: c.value === active ? '(removes)' : c.value, count: c.count })),
        );
      }
    }
  });

  it('label ISIC divisions with their Persian titles, and combine filters that each can take away', async () => {
    const all = await demo.api('/api/v1/search');
    const chapter = all.facets.chapter[0].value as string;
    const within = await demo.api(`/api/v1/search?chapter=${chapter}`);
    const province = within.facets.province[0].value as string;
    const both = await demo.api(`/api/v1/search?chapter=${chapter}&province=${province}`);
    const page = await demo.visitor().get(`/products?chapter=${chapter}&province=${province}`);
    expect(page.html).toContain(`${toPersianDigits(String(both.total))} کالا یافت شد`);
    expect(cardNames(page.html).length).toBe(Math.min(20, both.total));
    const chips = [...page.html.matchAll(/<a class="chip" href="([^"]+)"/g)].map((m) => m[1]);
    expect(chips).toEqual([`/products?province=${province}`, `/products?chapter=${chapter}`]);
    const full = await demo.visitor().get('/products');
    for (const d of all.facets.isicDivision as { value: string }[])
      expect(full.html).toContain(t('fa', `industries.isic.${d.value}` as MessageKey));
  });

  it('sort by name and page through the results by the links alone, back to the first page', async () => {
    const first = await demo.api('/api/v1/search?sort=name&limit=20');
    const second = await demo.api(`/api/v1/search?sort=name&limit=20&cursor=${first.nextCursor}`);
    const page1 = await demo.visitor().get('/products?sort=name&lang=en');
    expect(cardNames(page1.html)).toEqual(first.items.map((p: { nameEn: string }) => p.nameEn));
    expect(page1.html).toContain('<option value="name" selected="">Name</option>');
    const next = hrefOf(page1.html, /<a rel="next" href="([^"]+)"/);
    expect(next).toBe(`/products?sort=name&cursor=${first.nextCursor}`);
    const page2 = await demo.visitor().get(`${next}&lang=en`);
    expect(cardNames(page2.html)).toEqual(second.items.map((p: { nameEn: string }) => p.nameEn));
    expect(hrefOf(page2.html, /<nav class="pager"[^>]*><a href="([^"]+)"/)).toBe('/products?sort=name');
  });
});

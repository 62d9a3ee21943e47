import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, freshDatabase, type TestDatabase, testDeps } from '../../../test/helpers.ts';
import { toPersianDigits } from '../../i18n/index.ts';
import { buildApp } from '../../server.ts';
import { seedDemo } from '../demo/seed.ts';

describe.each(DATABASE_KINDS)('industry pages and "find a domestic maker" on %s', (kind) => {
  let database: TestDatabase;
  let app: ReturnType<typeof buildApp>;
  /** Approved products per HS chapter and heading, counted straight from the database. */
  let byChapter: Map<string, number>;
  let sample: { tariff_code: string; name_en: string; registration_number: string };

  const page = async (path: string) => {
    const res = await app.request(path, {
      headers: { 'accept-language': path.includes('lang=en') ? 'en' : 'fa', accept: 'text/html' },
    });
    return { status: res.status, html: await res.text() };
  };

  beforeAll(async () => {
    database = await freshDatabase(kind);
    const deps = testDeps(database);
    await seedDemo(deps, { units: 12, products: 80, seed: 7 });
    app = buildApp(deps);
    const rows = await database.db
      .selectFrom('products')
      .select([sql<string>`substr(tariff_code, 1, 2)`.as('chapter'), sql<number>`count(*)`.as('n')])
      .where('status', '=', 'approved')
      .groupBy(sql`1`)
      .execute();
    byChapter = new Map(rows.map((r) => [r.chapter, Number(r.n)]));
    sample = await database.db
      .selectFrom('products')
      .select(['tariff_code', 'name_en', 'registration_number'])
      .where('status', '=', 'approved')
      .orderBy('registration_number')
      .$narrowType<{ registration_number: string }>()
      .executeTakeFirstOrThrow();
  }, 120_000);
  afterAll(() => database.drop());

  it('lists every HS chapter that has approved products, with their count, linked to its page', async () => {
    const { status, html } = await page('/industries?lang=en');
    expect(status).toBe(200);
    for (const [chapter, n] of byChapter) {
      expect(html).toMatch(
        new RegExp(
          `href="/industries/hs/${chapter}"><span class="code">${chapter}</span>[^<]+</a></td><td class="num">${n}</td>`,
        ),
      );
    }
    expect(html).toContain('href="/industries/isic/');
  });

  it("shows one chapter's figures, a chart and a table by province, in Persian digits in Persian", async () => {
    const [chapter, n] = [...byChapter].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    const { status, html } = await page(`/industries/hs/${chapter}`);
    expect(status).toBe(200);
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toContain(`<strong>${toPersianDigits(String(n))}</strong>`);
    expect(html).toMatch(/<figure class="chart" role="img" aria-label="[^"]+"><svg /);
    expect(html).toContain(`href="/products?chapter=${chapter}"`);
  });

  it('answers 404 for a chapter that does not exist or is reserved, and for an unknown division', async () => {
    for (const path of [
      '/industries/hs/77',
      '/industries/hs/99',
      '/industries/isic/99',
      '/industries/hs/7',
    ]) {
      const res = await page(path);
      expect(res.status, path).toBe(404);
      expect(res.html, path).toContain('<!DOCTYPE html>');
    }
  });

  it('finds the makers of a tariff code typed in Persian digits, same subheading first', async () => {
    const typed = toPersianDigits(`${sample.tariff_code.slice(0, 4)}.${sample.tariff_code.slice(4, 6)}`);
    const { status, html } = await page(`/find-maker?lang=en&q=${encodeURIComponent(typed)}`);
    expect(status).toBe(200);
    const subheading = html.indexOf('<h2 id="level-subheading">');
    const heading = html.indexOf('<h2 id="level-heading">');
    expect(subheading).toBeGreaterThan(0);
    expect(heading).toBeGreaterThan(subheading);
    const link = html.indexOf(`/products/${sample.registration_number}"`);
    expect(link).toBeGreaterThan(subheading);
    expect(link).toBeLessThan(heading);
  });

  it('finds the makers of a good by its name, through the tariff code its products carry', async () => {
    const { html } = await page(`/find-maker?lang=en&q=${encodeURIComponent(sample.name_en)}`);
    expect(html).toContain(`Tariff code ${sample.tariff_code}`);
    expect(html).toContain(`/products/${sample.registration_number}"`);
  });

  it('says so when nothing fits what was typed', async () => {
    const { status, html } = await page('/find-maker?lang=en&q=zzqqxx');
    expect(status).toBe(200);
    expect(html).toContain('No tariff code fits');
    expect((await page('/find-maker?lang=en&q=7700')).html).toContain('No tariff code fits');
    // Digits that are no chapter's are a code mistyped, not a name: a product naming «9999» does not answer.
    await database.db
      .updateTable('products')
      .set({ name_en: `${sample.name_en}, purity 9999` })
      .where('registration_number', '=', sample.registration_number)
      .execute();
    expect((await page('/find-maker?lang=en&q=purity%209999')).html).toContain(
      `Tariff code ${sample.tariff_code}`,
    );
    for (const typed of ['9999', '۹۹۹۹', '99.99'])
      expect((await page(`/find-maker?lang=en&q=${encodeURIComponent(typed)}`)).html, typed).toContain(
        'No tariff code fits',
      );
  });
});

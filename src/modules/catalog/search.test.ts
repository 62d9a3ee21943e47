import { randomBytes } from 'node:crypto';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Client, DATABASE_KINDS, freshDatabase, type TestDatabase, testDeps } from '../../../test/helpers.ts';
import type { Deps } from '../../context.ts';
import { t } from '../../i18n/index.ts';
import { buildApp } from '../../server.ts';
import { ensureAdmin } from '../accounts/service.ts';
import * as catalog from './service.ts';

const steelUnit = {
  nationalId: '10380284790',
  nameFa: 'فولاد سپاهان نمونه',
  nameEn: 'Sepahan Sample Steel',
  province: 'IR-04',
  city: 'اصفهان',
  isic: '2410',
  licenceNo: '123/45678',
};
const textileUnit = {
  ...steelUnit,
  nationalId: '10100012342',
  nameFa: 'نساجی یزدباف',
  nameEn: 'Yazdbaf Textiles',
  province: 'IR-25',
  city: 'یزد',
  isic: '1392',
};

const base = {
  descriptionFa: 'محصول ساخت داخل با کیفیت بالا.',
  descriptionEn: 'Made at home to a high standard.',
  brand: 'نمونه',
  model: 'M1',
  unit: 'piece',
  annualCapacity: 1000,
  exWorksPrice: 100,
  importedInputsCost: 10,
  attributes: {},
};
const rebar = {
  ...base,
  nameFa: 'میلگرد آجدار A3 قطر ۱۶',
  nameEn: 'Deformed rebar A3, 16 mm',
  tariffCode: '72142000',
  brand: 'سپاهان',
  gtin: '6260000000019',
  importedInputsCost: 15,
};
const beam = {
  ...base,
  nameFa: 'تیرآهن هاش ۱۴',
  nameEn: 'Steel H-beam 14',
  tariffCode: '72163300',
  importedInputsCost: 60,
};
const gloves = {
  ...base,
  nameFa: 'دست‌کش ایمنی چرمی',
  nameEn: 'Leather safety gloves',
  tariffCode: '42032900',
};
const cake = {
  ...base,
  nameFa: 'کیک شکلاتی خانگی',
  nameEn: 'Homemade chocolate cake',
  tariffCode: '19059000',
};
const towel = {
  ...base,
  nameFa: 'حوله حمام نخی',
  nameEn: 'Cotton bath towel',
  tariffCode: '63026000',
  importedInputsCost: 90,
  attributes: { جنس: 'پنبه مصری', weave: 'terry loop' },
};

const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((p) => p.id);

async function approvedUnit(producer: Client, reviewer: Client, fields: typeof steelUnit) {
  const { body } = await producer.post('/api/v1/producers', fields);
  await producer.post(`/api/v1/producers/${body.id}/submit`);
  await reviewer.post(`/api/v1/producers/${body.id}/decisions`, { decision: 'approve' });
  return body.id as string;
}

/** A product of the unit, approved unless asked otherwise. */
async function madeProduct(
  producer: Client,
  reviewer: Client,
  producerId: string,
  fields: object,
  approve = true,
) {
  const { body } = await producer.post('/api/v1/products', { ...fields, producerId });
  if (!approve) return { id: body.id as string, registrationNumber: null };
  await producer.post(`/api/v1/products/${body.id}/submit`);
  const res = await reviewer.post(`/api/v1/products/${body.id}/decisions`, { decision: 'approve' });
  expect(res.body.status).toBe('approved');
  return { id: body.id as string, registrationNumber: res.body.registrationNumber as string };
}

/** Signs in the admin as reviewer and signs up a producer. */
async function people(app: ReturnType<typeof buildApp>, deps: Deps) {
  await ensureAdmin(deps, { email: 'admin@iranmade.ir', password: 'admin-password-1' });
  const reviewer = new Client(app);
  const producer = new Client(app, 'fa');
  await reviewer.post('/api/v1/auth/login', { email: 'admin@iranmade.ir', password: 'admin-password-1' });
  await producer.post('/api/v1/auth/signup', {
    email: 'maker@example.ir',
    password: 'maker-pass-12',
    name: 'سازنده',
  });
  return { reviewer, producer, anon: new Client(app) };
}

describe.each(DATABASE_KINDS)('search over HTTP on %s', (kind) => {
  let database: TestDatabase;
  let stop: () => Promise<void>;
  let reviewer: Client;
  let producer: Client;
  let anon: Client;
  const made: Record<string, { id: string; registrationNumber: string | null }> = {};
  let steelId: string;

  const unit = (fields: typeof steelUnit) => approvedUnit(producer, reviewer, fields);
  const product = (producerId: string, fields: object, approve = true) =>
    madeProduct(producer, reviewer, producerId, fields, approve);

  /** A registry of a steel and a textile unit with five approved products and a draft, and its index. */
  const open = async () => {
    database = await freshDatabase(kind);
    const deps = testDeps(database);
    ({ reviewer, producer, anon } = await people(buildApp(deps), deps));
    steelId = await unit(steelUnit);
    const textileId = await unit(textileUnit);
    made.rebar = await product(steelId, rebar);
    made.beam = await product(steelId, beam);
    made.gloves = await product(textileId, gloves);
    made.cake = await product(textileId, cake);
    made.towel = await product(textileId, towel);
    made.draft = await product(
      textileId,
      { ...base, nameFa: 'پتوی مسافرتی', nameEn: 'Travel blanket', tariffCode: '63014000' },
      false,
    );
    stop = catalog.start(deps, { pollMs: 50 });
    await vi.waitFor(() => expect(catalog.isReady(deps)).toBe(true));
  };
  const close = async () => {
    await stop();
    await database.drop();
  };

  const search = (query: string) => anon.get(`/api/v1/search?${query}`);
  const first = async (q: string) => ids(await search(`q=${encodeURIComponent(q)}`))[0];

  // These tests only search: they share one registry.
  describe('as it was registered', () => {
    beforeAll(open);
    afterAll(close);

    it.each([
      ['Arabic yeh and kaf', 'كيك', 'cake'],
      ['tatweel', 'ميلگـــرد', 'rebar'],
      ['Arabic-Indic digits', 'تیرآهن ١٤', 'beam'],
      ['Persian digits', 'قطر ۱۶', 'rebar'],
      ['a ZWNJ word written joined', 'دستکش', 'gloves'],
      ['a ZWNJ word written with a space', 'دست کش', 'gloves'],
      ['a ZWNJ word written with the ZWNJ', 'دست‌کش', 'gloves'],
      ['an ezafe ending after a ZWNJ', 'دست‌کش‌ی چرمی', 'gloves'],
      ['a plural ending after a ZWNJ', 'کیک‌ها', 'cake'],
      ['English in capitals', 'REBAR', 'rebar'],
      ['the producer name', 'یزدباف', 'cake'],
      ["an attribute's value", 'مصری', 'towel'],
      ["another attribute's value", 'terry', 'towel'],
    ])('finds a product whatever the spelling: %s', async (_, q, name) => {
      const res = await search(`q=${encodeURIComponent(q)}`);
      expect(ids(res)).toContain(made[name]?.id);
    });

    it('puts the product of a registration number first, in any spelling', async () => {
      const number = made.towel?.registrationNumber as string;
      const persian = number.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)] as string).replaceAll('-', ' ');
      expect(await first(persian)).toBe(made.towel?.id);
      expect(await first(number.replaceAll('-', ''))).toBe(made.towel?.id);
    });

    it('finds a product by its GTIN and a producer by its national ID', async () => {
      expect(await first('6260000000019')).toBe(made.rebar?.id);
      const res = await search('q=10380284790');
      expect(ids(res).slice(0, 2).sort()).toEqual([made.rebar?.id, made.beam?.id].sort());
    });

    it('finds the products of a tariff heading by its first digits', async () => {
      expect(await first('7214')).toBe(made.rebar?.id);
      expect(
        ids(await search('q=72'))
          .slice(0, 2)
          .sort(),
      ).toEqual([made.rebar?.id, made.beam?.id].sort());
    });

    it('narrows the words of a query by a tariff prefix among them, in any digits', async () => {
      expect(ids(await search('q=rebar%207214'))).toEqual([made.rebar?.id]);
      expect(ids(await search(`q=${encodeURIComponent('میلگرد ۷۲۱۴')}`))).toEqual([made.rebar?.id]);
      expect(ids(await search('q=steel%2072142000'))).toEqual([made.rebar?.id]);
      expect(ids(await search('q=steel%207216'))).toEqual([made.beam?.id]);
      expect((await search('q=towel%207214')).body.total).toBe(0);
    });

    it('forgives two neighbouring letters swapped', async () => {
      expect(await first('glvoes')).toBe(made.gloves?.id);
      expect(await first('towle')).toBe(made.towel?.id);
      expect(await first('حلوه')).toBe(made.towel?.id);
    });

    it("labels facets in the reader's language", async () => {
      const fa = (await anon.get('/api/v1/search?q=rebar', { 'accept-language': 'fa' })).body.facets;
      expect(fa.isicDivision[0]).toMatchObject({ value: '24' });
      expect(fa.isicDivision[0].label).toMatch(/\p{Script=Arabic}/u);
      expect(fa.section[0]).toMatchObject({ value: 'XV' });
      expect(fa.section[0].label).toContain('XV');
      expect(fa.section[0].label).not.toBe('XV');
      const en = (await search('q=rebar')).body.facets;
      expect(en.section[0].label).toMatch(/^HS section XV: \w/);
    });

    it('forgives one wrong, missing or extra letter', async () => {
      expect(await first('میلگرت')).toBe(made.rebar?.id);
      expect(await first('rebr')).toBe(made.rebar?.id);
      expect(await first('towwel')).toBe(made.towel?.id);
    });

    it('completes the last word as it is typed', async () => {
      expect(await first('حوله حم')).toBe(made.towel?.id);
      const suggest = async (q: string) =>
        (await anon.get(`/api/v1/search/suggest?q=${encodeURIComponent(q)}`)).body.items;
      // Names that start with what was typed, then the words of the catalog that complete one word.
      expect(await suggest('میلگ')).toEqual(['میلگرد آجدار A3 قطر ۱۶', 'میلگرد']);
      expect(await suggest('آجد')).toEqual(['آجدار']);
      expect(await suggest('REB')).toEqual(['rebar']);
      // After other words, a word some product holds with them all, from any of its fields.
      expect(await suggest('Deformed REB')).toEqual(['Deformed rebar A3, 16 mm', 'Deformed rebar']);
      expect(await suggest('steel reb')).toEqual(['steel rebar']);
      expect(await suggest('حمام نخ')).toEqual(['حمام نخی']);
      expect(await suggest('towel reb')).toEqual([]);
      expect(await suggest('nosuchword reb')).toEqual([]);
      expect(await suggest('ايمن')).toEqual(['ایمنی']);
      // A word written with ZWNJ is offered as it is written.
      expect(await suggest('دست‌ک')).toEqual(['دست‌کش ایمنی چرمی', 'دست‌کش']);
      expect(await suggest('دستک')).toEqual(['دست‌کش']);
      // «دست», only ever written here as a part of «دست‌کش», is not offered as a word of its own.
      expect(await suggest('دس')).toEqual(['دست‌کش ایمنی چرمی', 'دست‌کش']);
      // A word is not offered as its own completion; one letter or digits alone are not completed.
      expect(await suggest('steel')).toEqual(['Steel H-beam 14']);
      expect(await suggest('s')).toEqual(['Sepahan Sample Steel', 'Steel H-beam 14']);
      expect(await suggest('72')).toEqual([]);
    });

    it('counts facets over all matches and combines filters', async () => {
      const all = await search('limit=1');
      expect(all.body.total).toBe(5);
      expect(all.body.facets.province).toMatchObject([
        { value: 'IR-25', count: 3 },
        { value: 'IR-04', count: 2 },
      ]);
      expect(all.body.facets.band.find((b: { value: string }) => b.value === '80-100').count).toBe(3);
      expect(all.body.facets.isicDivision.map((d: { value: string }) => d.value).sort()).toEqual([
        '13',
        '24',
      ]);
      const filtered = await search('section=XV&band=80-100&province=IR-04');
      expect(ids(filtered)).toEqual([made.rebar?.id]);
      expect((await search(`producerId=${steelId}&sort=name`)).body.total).toBe(2);
    });

    it('pages through every match once with the cursor', async () => {
      const seen: string[] = [];
      let cursor = '';
      do {
        const res = await search(`sort=name&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...ids(res));
        cursor = res.body.nextCursor ?? '';
      } while (cursor);
      expect(seen).toHaveLength(5);
      expect(new Set(seen).size).toBe(5);
    });

    it('never shows a draft', async () => {
      expect((await search('q=blanket')).body.total).toBe(0);
      expect((await search(`q=${encodeURIComponent('پتو')}`)).body.total).toBe(0);
    });

    it('says what is wrong with a page size that is not a whole number from 1 to 100', async () => {
      for (const [limit, key] of [
        ['abc', 'field.not_integer'],
        ['5.5', 'field.not_integer'],
        ['0', 'field.too_small'],
        ['101', 'field.too_big'],
      ] as const) {
        const res = await search(`q=steel&limit=${limit}`);
        expect(res.status, limit).toBe(400);
        expect(res.body.errors, limit).toEqual([
          { field: 'limit', message: t('en', key, { min: 1, max: 100 }) },
        ]);
      }
    });

    it('answers the public product list from the index, with facets', async () => {
      const res = await anon.get('/api/v1/products?q=rebar');
      expect(ids(res)).toEqual([made.rebar?.id]);
      expect(res.body.items[0].producer.nameEn).toBe('Sepahan Sample Steel');
      expect(res.body.facets.chapter[0].value).toBe('72');
      // Without words too, newest first, counted by the index rather than by reading every approved row.
      const all = await anon.get('/api/v1/products?limit=2');
      expect(all.body.total).toBe(5);
      expect(all.body.facets.chapter.length).toBeGreaterThan(1);
      expect(ids(all)).toEqual([made.towel?.id, made.cake?.id]);
    });
  });

  // These change what is found: each has a registry of its own.
  describe('as the registry changes', () => {
    beforeEach(open);
    afterEach(close);

    it("shows a product's approved revision on result pages, within a second", async () => {
      const shown = async () => (await search('q=towel')).body.items[0];
      expect((await shown()).nameEn).toBe('Cotton bath towel');
      const current = (await producer.get(`/api/v1/products/${made.towel?.id}`)).body;
      await producer.patch(`/api/v1/products/${made.towel?.id}`, {
        version: current.version,
        nameEn: 'Cotton bath towel, 600 gsm',
      });
      await producer.post(`/api/v1/products/${made.towel?.id}/submit`);
      await reviewer.post(`/api/v1/products/${made.towel?.id}/decisions`, { decision: 'approve' });
      await expect
        .poll(async () => (await shown()).nameEn, { timeout: 1000, interval: 50 })
        .toBe('Cotton bath towel, 600 gsm');
    });

    it('drops a suspended product from search and finds a newly approved one, within a second', async () => {
      await reviewer.post(`/api/v1/products/${made.cake?.id}/decisions`, {
        decision: 'suspend',
        reason: 'بازرسی',
      });
      await expect
        .poll(async () => (await search('q=cake')).body.total, { timeout: 1000, interval: 50 })
        .toBe(0);
      const fresh = await product(steelId, {
        ...base,
        nameFa: 'ورق گالوانیزه',
        nameEn: 'Galvanised sheet',
        tariffCode: '72104900',
      });
      await expect
        .poll(async () => ids(await search('q=galvanised')), { timeout: 1000, interval: 50 })
        .toEqual([fresh.id]);
    });
  });
});

describe.each(DATABASE_KINDS)('a cursor handed out while the index loaded, on %s', (kind) => {
  it('goes on from the database in the same order once the index has loaded', async () => {
    const database = await freshDatabase(kind);
    const deps = testDeps(database);
    const { reviewer, producer, anon } = await people(buildApp(deps), deps);
    const steel = await approvedUnit(producer, reviewer, steelUnit);
    const older = await madeProduct(producer, reviewer, steel, rebar);
    const newer = await madeProduct(producer, reviewer, steel, beam);
    let stop = async () => {};
    try {
      // Words too: the database's list matches «m» inside both names, in its order of the newest first.
      for (const path of [
        '/api/v1/products?limit=1',
        '/api/v1/search?limit=1',
        '/api/v1/search?q=m&limit=1',
      ]) {
        await stop();
        const first = await anon.get(path);
        expect(first.body.facets ?? null, path).toBeNull();
        stop = catalog.start(deps, { pollMs: 50 });
        await catalog.loaded(deps);
        const next = await anon.get(`${path}&cursor=${first.body.nextCursor}`);
        expect(next.status, path).toBe(200);
        expect([...ids(first), ...ids(next)], path).toEqual([newer.id, older.id]);
      }
    } finally {
      await stop();
      await database.drop();
    }
  });
});

describe.each(DATABASE_KINDS)('the search index kept between runs on %s', (kind) => {
  it('is read at the next start with what changed meanwhile, and built again from a file it cannot trust', async () => {
    const database = await freshDatabase(kind);
    const dir = mkdtempSync(join(tmpdir(), 'iranmade-index-'));
    const logged: { msg: string; from?: string }[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => logged.push(JSON.parse(line)) });
    const deps = { ...testDeps(database), log };
    const { reviewer, producer, anon } = await people(buildApp(deps), deps);
    const steel = await approvedUnit(producer, reviewer, steelUnit);
    const kept = { rebar: await madeProduct(producer, reviewer, steel, rebar) };
    const found = async (q: string) => ids(await anon.get(`/api/v1/search?q=${q}`));
    const run = async () => {
      const stop = catalog.start(deps, { pollMs: 50, keepIn: dir });
      await catalog.loaded(deps);
      expect(catalog.isReady(deps)).toBe(true);
      return { stop, from: logged.filter((l) => l.msg === 'search index ready').at(-1)?.from };
    };
    try {
      let server = await run();
      expect(server.from).toBe('database');
      expect(await found('rebar')).toEqual([kept.rebar.id]);
      await server.stop();

      // While no server runs, one product is suspended and another approved.
      await reviewer.post(`/api/v1/products/${kept.rebar.id}/decisions`, {
        decision: 'suspend',
        reason: 'بازرسی',
      });
      const beamMade = await madeProduct(producer, reviewer, steel, beam);
      server = await run();
      expect(server.from).toBe('file');
      expect(await found('rebar')).toEqual([]);
      expect(await found('beam')).toEqual([beamMade.id]);
      await server.stop();

      // Half the slots of the index it kept are of a product since suspended: it is built anew, without
      // them, and the next start reads that.
      server = await run();
      expect(server.from).toBe('database');
      await server.stop();
      server = await run();
      expect(server.from).toBe('file');
      expect(await found('beam')).toEqual([beamMade.id]);
      await server.stop();

      const [name] = readdirSync(dir);
      const file = join(dir, name as string);
      // Written by other code, or at an event a restored registry no longer has as it was.
      for (const field of ['code', 'mark']) {
        const bytes = readFileSync(file);
        const length = bytes.readUInt32LE();
        const header = JSON.parse(bytes.subarray(4, 4 + length).toString());
        header[field] = `${header[field]}-other`;
        const head = Buffer.from(JSON.stringify(header));
        const prefix = Buffer.alloc(4);
        prefix.writeUInt32LE(head.byteLength);
        writeFileSync(file, Buffer.concat([prefix, head, bytes.subarray(4 + length)]));
        server = await run();
        expect(server.from, field).toBe('database');
        expect(await found('beam')).toEqual([beamMade.id]);
        await server.stop();
      }
      // Cut short, or not an index at all (its first bytes read as a header of gigabytes).
      for (const damage of [
        () => truncateSync(file, statSync(file).size - 100),
        () => writeFileSync(file, Buffer.from([0xff, 0xff, 0xff, 0xf0, ...randomBytes(1000)])),
      ]) {
        damage();
        server = await run();
        expect(server.from).toBe('database');
        expect(await found('beam')).toEqual([beamMade.id]);
        await server.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await database.drop();
    }
  });
});

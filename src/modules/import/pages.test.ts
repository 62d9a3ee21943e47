import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, fieldError } from '../../../test/browser.ts';
import { rebarRow, steelUnit } from '../../../test/fixtures.ts';
import { DATABASE_KINDS, freshDatabase, type TestDatabase, testDeps } from '../../../test/helpers.ts';
import type { Deps, User } from '../../context.ts';
import { foldDigits } from '../../domain/digits.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { buildApp } from '../../server.ts';
import * as accounts from '../accounts/service.ts';
import * as producers from '../producers/service.ts';
import * as products from '../products/service.ts';
import { columnsFor } from './schema.ts';

const PASSWORD = 'long enough secret';
const MINE = steelUnit.nationalId;
const THEIRS = '10100012342';

/** As the page's HTML spells text. */
const html = (s: string) =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

const product = (ref: string, over: Record<string, string> = {}): Record<string, string> =>
  rebarRow(ref, MINE, over);
const csvOf = (rows: Record<string, string>[]) =>
  [
    columnsFor('products').join(','),
    ...rows.map((r) =>
      columnsFor('products')
        .map((c) => r[c] ?? '')
        .join(','),
    ),
  ].join('\n');
const csvFile = (rows: Record<string, string>[], name = 'products.csv') =>
  new File([csvOf(rows)], name, { type: 'text/csv' });

/** The counts of the result page, by what they count, in either language's digits. */
const counts = (page: string) =>
  Object.fromEntries(
    [...page.matchAll(/class="result-(\w+)"><strong>([^<]+)</g)].map((m) => [
      m[1],
      Number(foldDigits(m[2] ?? '')),
    ]),
  );
const refusedFile = (page: string) => {
  const data = /href="data:text\/csv;charset=utf-8;base64,([^"]+)"/.exec(page)?.[1];
  return data === undefined ? undefined : Buffer.from(data, 'base64').toString('utf8');
};

describe.each(DATABASE_KINDS)('the import page (%s)', (kind) => {
  let database: TestDatabase;
  let deps: Deps;
  let app: ReturnType<typeof buildApp>;
  let maker: User;
  let other: User;
  let mine: producers.Producer;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    deps = testDeps(database);
    app = buildApp(deps);
    maker = (await accounts.signup(deps, {
      email: 'maker@example.ir',
      password: PASSWORD,
      name: 'Maker',
    })) as User;
    other = (await accounts.signup(deps, {
      email: 'other@example.ir',
      password: PASSWORD,
      name: 'Other',
    })) as User;
    mine = await producers.register(deps, maker, steelUnit);
    await producers.register(deps, other, { ...steelUnit, nationalId: THEIRS });
  });
  afterAll(() => database.drop());

  /** Logged in, reading pages in `lang`. */
  async function loggedIn(email: string, lang: Lang = 'en') {
    const b = new Browser(app);
    await b.get(`/login?lang=${lang}`);
    expect((await b.submit('/login', '/login', { email, password: PASSWORD })).status).toBe(303);
    return b;
  }
  const upload = (b: Browser, file: File, fields: Record<string, string> = { kind: 'products' }) =>
    b.upload('/workspace/import', '/workspace/import', file, fields);
  const modelsOf = async (user: User) =>
    (await products.list(deps, user, { mine: true, limit: 100 })).items.map((p) => p.model).sort();

  it('imports the good rows of an uploaded CSV, counts the rest as refused and gives them back as a file', async () => {
    const b = await loggedIn('maker@example.ir');
    const file = csvFile([
      product('P1'),
      product('P2', { tariffCode: '77010000' }),
      product('P3'),
      product('P4', { annualCapacity: '-5' }),
    ]);
    const res = await upload(b, file);
    expect(res.status).toBe(200);
    expect(counts(res.html)).toEqual({ rows: 4, created: 2, unchanged: 0, refused: 2 });
    expect(res.html).toContain(t('en', 'opendata.result.drafts'));
    expect(res.html).toContain(t('en', 'field.tariff'));
    const refused = refusedFile(res.html)?.split('\r\n') ?? [];
    expect(refused[0]).toBe(`\uFEFFrow,errors_fa,errors_en,${columnsFor('products').join(',')}`);
    expect(refused.filter(Boolean).map((line) => line.split(',')[0])).toEqual(['\uFEFFrow', '3', '5']);
    expect(refused[1]).toContain(t('fa', 'field.tariff'));
    expect(refused[1]).toContain(t('en', 'field.tariff'));
    expect(refused[1]).toContain('77010000');
    expect(await modelsOf(maker)).toEqual(['P1', 'P3']);

    const again = await upload(b, file);
    expect(counts(again.html)).toEqual({ rows: 4, created: 0, unchanged: 2, refused: 2 });
    expect(await modelsOf(maker)).toEqual(['P1', 'P3']);
  });

  it('reads an Excel workbook, and submits the new rows for review when asked, once their unit is sent', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('products');
    sheet.addRow(columnsFor('products').map((c) => t('fa', `opendata.column.${c}`)));
    sheet.addRow(columnsFor('products').map((c) => product('X1')[c]));
    const file = new File([await book.xlsx.writeBuffer()], 'products.xlsx');
    const b = await loggedIn('maker@example.ir', 'fa');
    const early = await upload(b, file, { kind: 'products', submit: 'yes' });
    expect(counts(early.html)).toEqual({ rows: 1, created: 0, unchanged: 0, refused: 1 });
    expect(refusedFile(early.html)).toContain(t('en', 'field.unit_not_sent'));
    await producers.move(deps, maker, mine.id, 'submit');
    const res = await upload(b, file, { kind: 'products', submit: 'yes' });
    expect(counts(res.html)).toEqual({ rows: 1, created: 1, unchanged: 0, refused: 0 });
    expect(res.html).toContain(t('fa', 'opendata.result.submitted'));
    const x1 = (await products.list(deps, maker, { mine: true, limit: 100 })).items.find(
      (p) => p.model === 'X1',
    );
    expect(x1?.status).toBe('submitted');
  });

  it("lists the producer's own units by national ID, and refuses rows for another producer's unit, leaving it untouched", async () => {
    const b = await loggedIn('maker@example.ir');
    const page = await b.get('/workspace/import?lang=en');
    expect(page.html).toContain(`<td dir="ltr">${MINE}</td>`);
    expect(page.html).not.toContain(THEIRS);
    const res = await upload(b, csvFile([product('O1', { unitNationalId: THEIRS })]));
    expect(counts(res.html)).toEqual({ rows: 1, created: 0, unchanged: 0, refused: 1 });
    expect(res.html).toContain(html(t('en', 'opendata.import.not_your_unit')));
    expect(await modelsOf(other)).toEqual([]);
  });

  it('refuses a file that is not CSV or Excel, too large, of no chosen kind, of unknown columns or no rows, beside its field', async () => {
    const b = await loggedIn('maker@example.ir');
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])], 'photo.png', {
      type: 'image/png',
    });
    const renamed = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2])], 'scan.csv', {
      type: 'text/csv',
    });
    for (const file of [png, renamed]) {
      const res = await upload(b, file);
      expect(res.status).toBe(400);
      expect(fieldError(res.html, 'file')).toBe(t('en', 'opendata.upload.type'));
    }
    const unsaid = await upload(b, csvFile([product('K1')]), {});
    expect(fieldError(unsaid.html, 'kind')).toBe(t('en', 'field.required'));
    const huge = new File([new Uint8Array(10 * 1024 * 1024 + 100 * 1024).fill(0x41)], 'big.csv');
    const res = await upload(b, huge);
    expect(res.status).toBe(413);
    expect(fieldError(res.html, 'file')).toBe(t('en', 'opendata.upload.too_large'));
    const misspelt = new File([csvOf([product('K2')]).replace('gtin', 'gtn')], 'products.csv');
    const columns = await upload(b, misspelt);
    expect(columns.status).toBe(400);
    expect(fieldError(columns.html, 'file')).toBe(
      html(t('en', 'opendata.import.unknown_columns', { columns: '«gtn»' })),
    );
    expect(fieldError((await upload(b, csvFile([]))).html, 'file')).toBe(t('en', 'opendata.import.no_rows'));
  });

  it('sends anonymous visitors to log in, and keeps reviewers out', async () => {
    const res = await new Browser(app).get('/workspace/import');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Fworkspace%2Fimport');
    const admin = (await accounts.ensureAdmin(deps, { email: 'admin@example.ir', password: PASSWORD })).user;
    await accounts.createUser(deps, admin, {
      email: 'reviewer@example.ir',
      password: PASSWORD,
      name: 'R',
      role: 'reviewer',
    });
    expect((await (await loggedIn('reviewer@example.ir')).get('/workspace/import')).status).toBe(403);
    const adminPage = await (await loggedIn('admin@example.ir')).get('/workspace/import?lang=en');
    expect(adminPage.status).toBe(200);
    // An admin, who has no unit, imports units: no list of units to name.
    expect(adminPage.html).not.toContain(html(t('en', 'opendata.upload.units')));
  });
});

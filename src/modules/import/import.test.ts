import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rebarRow, steelMaker, steelUnit } from '../../../test/fixtures.ts';
import { DATABASE_KINDS, freshDatabase, type TestDatabase, testDeps } from '../../../test/helpers.ts';
import type { Deps, User } from '../../context.ts';
import { parseVerifierKey, signerKey } from '../../domain/tlog/note.ts';
import { AppError } from '../../errors.ts';
import { t } from '../../i18n/index.ts';
import { buildApp } from '../../server.ts';
import { signup } from '../accounts/service.ts';
import { logOf } from '../log/service.ts';
import { audit } from '../log/verifier.ts';
import * as producers from '../producers/service.ts';
import * as products from '../products/service.ts';
import { type InvalidRow, importFile } from './service.ts';

const dir = mkdtempSync(join(tmpdir(), 'iranmade-import-'));
const SIGNER = signerKey('test.iranmade.ir/log', generateKeyPairSync('ed25519').privateKey);
const utf8 = (s: string) => Buffer.from(s, 'utf8');

const unitsCsv = Buffer.concat([
  utf8('\uFEFFمرجع شما;شناسه ملی;نام فارسی;nameEn;province;city;isic;licenceNo\r\n'),
  utf8('U1;10860123456;کاشی یزد;Yazd Tiles;ir-25;یزد;2392;77/1\r\n'),
  utf8('U2;10380284791;فولاد بد;Bad Steel;IR-04;اصفهان;2410;77/2\r\n'),
  utf8('U3;14001234562;فولاد گم;Lost Steel;IR-99;اصفهان;2410;77/3\r\n'),
]);

const header =
  'ref,unitNationalId,nameFa,nameEn,descriptionFa,descriptionEn,tariffCode,brand,model,gtin,unit,annualCapacity,exWorksPrice,importedInputsCost,exportMarkets\n';
const row = (ref: string, over: Record<string, string> = {}) => {
  const r = rebarRow(ref, '10380284790', { exportMarkets: 'IQ AF', ...over });
  return `${Object.values(r)
    .map((v) => (/[,"\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v))
    .join(',')}\n`;
};
const productsCsv = Buffer.concat([
  utf8(header),
  utf8(row('P1')),
  utf8(row('P2', { gtin: '6260000000018' })),
  utf8(row('P3', { tariffCode: '77010000' })),
  utf8(row('P4', { annualCapacity: '-5' })),
  utf8(row('P5', { nameFa: '', importedInputsCost: '400000000' })),
  utf8(row('P6', { unitNationalId: '10100012342' })),
  utf8('P7,10380284790,"میلگرد "ویژه",Rebar,م,d,72142000,b,m,,tonne,1,2,1,\n'),
  Buffer.concat([
    utf8('P8,10380284790,'),
    Buffer.from([0xe3, 0xed, 0xe1]),
    utf8(',Rebar,م,d,72142000,b,m,,tonne,1,2,1,\n'),
  ]),
  utf8(row('P9', { annualCapacity: '۲۵۰٬۰۰۰', description: 'multi\nline' })),
]);

describe.each(DATABASE_KINDS)('bulk import on %s', (kind) => {
  let database: TestDatabase;
  let deps: Deps;
  let maker: User;

  // What a test imports changes what the next would import: each test has a registry of its own.
  beforeEach(async () => {
    database = await freshDatabase(kind);
    const plain = testDeps(database);
    deps = {
      ...plain,
      config: { ...plain.config, logOrigin: 'test.iranmade.ir/log', logKey: SIGNER, dataDir: dir },
    };
    ({ maker } = await steelMaker(deps));
    const other = (await signup(deps, {
      email: 'other@example.ir',
      password: 'other-pass-12',
      name: 'Other',
    })) as User;
    await producers.register(deps, other, { ...steelUnit, nationalId: '10100012342' });
  });
  afterEach(async () => {
    logOf(deps).stop();
    await database.drop();
  });

  async function run(name: string, content: Buffer, what: 'units' | 'products', submit = false) {
    const path = join(dir, `${kind}-${name}`);
    writeFileSync(path, content);
    const invalid: InvalidRow[] = [];
    const result = await importFile(deps, maker, what, path, {
      submit,
      batchSize: 3,
      onInvalid: (r) => void invalid.push(r),
    });
    const errors = invalid.flatMap((r) => r.errors.map((e) => [e.row, e.column, e.key]));
    return { result, errors, invalid };
  }

  it('imports the valid units of a semicolon file with a BOM and Persian headers, and names each bad one', async () => {
    const { result, errors } = await run('units.csv', unitsCsv, 'units');
    expect(result).toEqual({ rows: 3, created: 1, unchanged: 0, invalid: 2 });
    expect(errors).toEqual([
      [3, 'nationalId', 'field.legal_id'],
      [4, 'province', 'field.province'],
    ]);
  });

  it('reports exactly the bad product rows, each with its column, value and a message in both languages, and imports the rest', async () => {
    const { result, errors, invalid } = await run('products.csv', productsCsv, 'products');
    expect(errors).toEqual([
      [3, 'gtin', 'field.gtin_check_digit'],
      [4, 'tariffCode', 'field.tariff'],
      [5, 'annualCapacity', 'field.positive'],
      // Every error of a row at once: a missing name does not hide costs that do not add up.
      [6, 'nameFa', 'field.required'],
      [6, 'importedInputsCost', 'field.imported_cost'],
      [7, 'unitNationalId', 'opendata.import.not_your_unit'],
      [8, '', 'opendata.import.quoting'],
      [9, '', 'opendata.import.encoding'],
    ]);
    expect(result).toEqual({ rows: 9, created: 2, unchanged: 0, invalid: 7 });
    const tariff = invalid.find((r) => r.row === 4)?.errors[0];
    expect(tariff?.value).toBe('77010000');
    expect(t('fa', tariff?.key ?? 'field.tariff')).not.toBe(t('en', tariff?.key ?? 'field.tariff'));
    const mine = await products.list(deps, maker, { mine: true, limit: 100 });
    expect(mine.items.map((p) => p.model).sort()).toEqual(['P1', 'P9']);
    expect(mine.items.find((p) => p.model === 'P9')?.annualCapacity).toBe(250000);
    expect(mine.items.every((p) => p.status === 'draft')).toBe(true);
  });

  it('takes a unit of measure by its code or its name in either language, and lists them when none fits', async () => {
    const units = ['تن', 'متر مربع', 'Square Metre', 'كيلوگرم', 'بشکه'];
    const csv = utf8(header + units.map((unit, i) => row(`M${i}`, { unit })).join(''));
    const { result, errors, invalid } = await run('measures.csv', csv, 'products');
    expect(result).toEqual({ rows: 5, created: 4, unchanged: 0, invalid: 1 });
    expect(errors).toEqual([[6, 'unit', 'field.unit']]);
    expect(invalid[0]?.errors[0]?.value).toBe('بشکه');
    expect(t('fa', 'field.unit')).toContain('عدد (piece)، کیلوگرم (kg)');
    const mine = await products.list(deps, maker, { mine: true, limit: 100 });
    const byModel = new Map(mine.items.map((p) => [p.model, p.unit]));
    expect(['M0', 'M1', 'M2', 'M3'].map((m) => byModel.get(m))).toEqual(['tonne', 'm2', 'm2', 'kg']);
  });

  it('refuses a unit whose national ID is taken and still commits the rest of its batch', async () => {
    const csv = utf8(
      'ref,nationalId,nameFa,nameEn,province,city,isic,licenceNo\n' +
        'T1,14001234562,کاشی میبد,Meybod Tiles,IR-25,میبد,2392,8/1\n' +
        'T2,10100012342,فولاد دیگر,Other Steel,IR-04,اصفهان,2410,8/2\n' +
        'T3,10320000017,کاشی اردکان,Ardakan Tiles,IR-25,اردکان,2392,8/3\n',
    );
    const { result, errors } = await run('taken.csv', csv, 'units');
    expect(errors).toEqual([[3, 'nationalId', 'field.national_id_taken']]);
    expect(result).toEqual({ rows: 3, created: 2, unchanged: 0, invalid: 1 });
  });

  it('names a reference that comes again in a later batch, and imports its first row only', async () => {
    const csv = utf8(header + ['R1', 'R2', 'R3', 'R4', 'R1'].map((ref) => row(ref)).join(''));
    const { result, errors } = await run('repeated.csv', csv, 'products');
    expect(errors).toEqual([[6, 'ref', 'opendata.import.ref_repeated']]);
    expect(result).toEqual({ rows: 5, created: 4, unchanged: 0, invalid: 1 });
  });

  it('changes nothing when the same files are imported again', async () => {
    await run('units.csv', unitsCsv, 'units');
    await run('products.csv', productsCsv, 'products');
    const before = await products.list(deps, maker, { mine: true, limit: 100 });
    const units = await run('units.csv', unitsCsv, 'units');
    const again = await run('products.csv', productsCsv, 'products');
    expect(units.result).toEqual({ rows: 3, created: 0, unchanged: 1, invalid: 2 });
    expect(again.result).toEqual({ rows: 9, created: 0, unchanged: 2, invalid: 7 });
    const after = await products.list(deps, maker, { mine: true, limit: 100 });
    expect(after.items).toEqual(before.items);
  });

  it('submits imported rows with --submit, and the audit finds every leaf true to its event and chained', async () => {
    const csv = utf8(header + ['S1', 'S2', 'S3', 'S4'].map((ref) => row(ref)).join(''));
    const { result } = await run('submitted.csv', csv, 'products', true);
    expect(result).toEqual({ rows: 4, created: 4, unchanged: 0, invalid: 0 });
    const mine = await products.list(deps, maker, { mine: true, limit: 100 });
    const submitted = mine.items.filter((p) => p.model.startsWith('S'));
    expect(submitted.map((p) => [p.model, p.status, p.version]).sort()).toEqual(
      ['S1', 'S2', 'S3', 'S4'].map((m) => [m, 'submitted', 2]),
    );
    const history = await products.history(deps, maker, submitted[0]?.id ?? '');
    expect(history.map((e) => e.type)).toEqual(['created', 'submitted']);
    const app = buildApp(deps);
    await logOf(deps).signPending();
    const audited = await audit(
      {
        url: 'http://registry.test',
        key: parseVerifierKey(logOf(deps).signer.verifierKey),
        fetch: (url: string) => Promise.resolve(app.request(url)),
      },
      deps.db,
    );
    expect(audited).toMatchObject({ ok: true });
  });

  it('refuses a file whole when its columns do not fit, saying which, and imports none of it', async () => {
    const refusal = async (name: string, content: string) => {
      const err = await run(name, utf8(content), 'products').catch((e: AppError) => e);
      expect(err).toBeInstanceOf(AppError);
      const fields = (err as AppError).detail.fields ?? [];
      return fields.map((f) => [f.key, t('fa', f.key, f.params), t('en', f.key, f.params)]);
    };
    const before = await products.list(deps, maker, { mine: true, limit: 1 });
    // A misspelt optional column: its values would otherwise be dropped unseen.
    const misspelt = header.replace('gtin', 'gtn');
    expect(await refusal('misspelt.csv', misspelt + row('X1'))).toEqual([
      ['opendata.import.unknown_columns', expect.stringContaining('«gtn»'), expect.stringContaining('«gtn»')],
    ]);
    // Without the Persian name every row would be refused for it.
    const cut = header.replace(',nameFa,', ',');
    const [missing] = await refusal('cut.csv', cut);
    expect(missing).toEqual([
      'opendata.import.missing_columns',
      expect.stringContaining(t('fa', 'opendata.column.nameFa')),
      expect.stringContaining(t('en', 'opendata.column.nameFa')),
    ]);
    expect(await refusal('header-only.csv', header)).toEqual([
      ['opendata.import.no_rows', expect.any(String), expect.any(String)],
    ]);
    expect(await refusal('empty.csv', '')).toEqual([
      ['opendata.import.no_rows', expect.any(String), expect.any(String)],
    ]);
    expect((await products.list(deps, maker, { mine: true, limit: 1 })).total).toBe(before.total);
    // Optional columns may be left out, and a blank column name (a trailing separator) is no column.
    const { gtin: _, exportMarkets: __, ...lean } = rebarRow('LEAN1', '10380284790');
    const leanCsv = `${Object.keys(lean).join(',')},\n${Object.values(lean).join(',')},\n`;
    const { result } = await run('lean.csv', utf8(leanCsv), 'products');
    expect(result).toEqual({ rows: 1, created: 1, unchanged: 0, invalid: 0 });
  });
});

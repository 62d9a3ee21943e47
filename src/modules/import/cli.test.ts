import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rebarRow, steelMaker } from '../../../test/fixtures.ts';
import { DATABASE_KINDS, freshDatabase, type TestDatabase, testDeps } from '../../../test/helpers.ts';
import { CommandError, UsageError } from '../../command-errors.ts';
import type { Deps, User } from '../../context.ts';
import { AppError, problem } from '../../errors.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { createToken } from '../accounts/service.ts';
import * as products from '../products/service.ts';
import { parseImportArgs, runImport } from './cli.ts';

describe('the command line of iranmade import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iranmade-import-cli-'));
  const file = join(dir, 'products.csv');
  writeFileSync(file, 'ref\n');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads what to import, the file and the options', () => {
    expect(parseImportArgs(['products', file, '--submit', '--batch', '200'], 'imt_x')).toEqual({
      kind: 'products',
      token: 'imt_x',
      file,
      submit: true,
      errors: undefined,
      batchSize: 200,
    });
  });

  it('answers a wrong command line with its usage, before anything is opened', () => {
    for (const args of [
      [],
      ['products'],
      ['things', file],
      ['units', file, file],
      ['units', file, '--batch', '0'],
    ])
      expect(() => parseImportArgs(args, 'imt_x'), args.join(' ')).toThrow(UsageError);
  });

  it('names a file that is not there, and writes no errors file for it', () => {
    const missing = join(dir, 'missing.csv');
    expect(() => parseImportArgs(['products', missing], 'imt_x')).toThrow(
      new CommandError(`no such file: ${missing}`),
    );
    expect(() => parseImportArgs(['products', dir], 'imt_x')).toThrow(CommandError);
  });

  it('asks for the token before anything is opened', () => {
    expect(() => parseImportArgs(['products', file], '')).toThrow(
      new CommandError('set IRANMADE_TOKEN to an API token of the account that owns the units'),
    );
  });
});

describe.each(DATABASE_KINDS)('iranmade import on %s', (kind) => {
  const dir = mkdtempSync(join(tmpdir(), 'iranmade-import-run-'));
  let database: TestDatabase;
  let deps: Deps;
  let token: string;
  let maker: User;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    deps = testDeps(database);
    ({ maker } = await steelMaker(deps));
    ({ token } = await createToken(deps, maker, 'import'));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const csv = (rows: Record<string, string>[]) =>
    `${Object.keys(rows[0] ?? {}).join(',')}\n${rows.map((r) => `${Object.values(r).join(',')}\n`).join('')}`;
  const run = (name: string, content: string) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return { file, exit: runImport(deps, parseImportArgs(['products', file], token)) };
  };

  it('refuses a file whole for its columns, and leaves no errors file', async () => {
    const { brand: _, ...noBrand } = rebarRow('R1', '10380284790');
    const { file, exit } = run('no-brand.csv', csv([noBrand]));
    const err = await exit.catch((e: AppError) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(problem(err as AppError, 'en').errors).toEqual([
      { field: 'file', message: 'The file lacks required columns: Brand. The template has them all' },
    ]);
    expect(existsSync(`${file}.errors.csv`)).toBe(false);
  });

  it('writes the errors file only when a row is refused', async () => {
    const good = run('good.csv', csv([rebarRow('G1', '10380284790')]));
    expect(await good.exit).toBe(0);
    expect(existsSync(`${good.file}.errors.csv`)).toBe(false);
    const bad = run('bad.csv', csv([rebarRow('B1', '10380284790', { tariffCode: '77010000' })]));
    expect(await bad.exit).toBe(2);
    expect(existsSync(`${bad.file}.errors.csv`)).toBe(true);
  });

  it('imports its errors file again once its rows are fixed, passing over the columns that said why', async () => {
    const bad = run('refused.csv', csv([rebarRow('E1', '10380284790', { tariffCode: '77010000' })]));
    expect(await bad.exit).toBe(2);
    const refused = readFileSync(`${bad.file}.errors.csv`, 'utf8');
    expect(refused.split('\n')[0]).toMatch(/^\uFEFFrow,errors_fa,errors_en,ref,/);
    const fixed = run('fixed.csv', refused.replaceAll('77010000', '72142000'));
    expect(await fixed.exit).toBe(0);
    const mine = await products.list(deps, maker, { mine: true, limit: 100 });
    expect(mine.items.filter((p) => p.model === 'E1').map((p) => p.tariffCode)).toEqual(['72142000']);
    // The first file again: its row, refused then, is imported now, and so left as it is, not refused.
    const again = run('refused-again.csv', readFileSync(bad.file, 'utf8'));
    expect(await again.exit).toBe(0);
    expect(existsSync(`${again.file}.errors.csv`)).toBe(false);
  });

  it("keeps a file's own column names in its errors file", async () => {
    const row = rebarRow('F1', '10380284790', { tariffCode: '77010000' });
    const persian = Object.keys(row).map((k) => t('fa', `opendata.column.${k}` as MessageKey));
    const bad = run('persian.csv', `${persian.join(',')}\n${Object.values(row).join(',')}\n`);
    expect(await bad.exit).toBe(2);
    const header = readFileSync(`${bad.file}.errors.csv`, 'utf8').split('\r\n')[0];
    expect(header).toBe(`\uFEFFrow,errors_fa,errors_en,${persian.join(',')}`);
    // Its messages name the column as the template does in their language.
    const line = readFileSync(`${bad.file}.errors.csv`, 'utf8').split('\r\n')[1];
    for (const lang of ['fa', 'en'] as const)
      expect(line).toContain(
        `${t(lang, 'opendata.column.tariffCode')} «77010000»: ${t(lang, 'field.tariff')}`,
      );
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CommandError, UsageError } from '../../command-errors.ts';
import { parseImportArgs } from './import-cli.ts';

describe('the command line of iranmade import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iranmade-import-cli-'));
  const file = join(dir, 'products.csv');
  writeFileSync(file, 'ref\n');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads what to import, the file and the options', () => {
    expect(parseImportArgs(['products', file, '--submit', '--batch', '200'])).toEqual({
      kind: 'products',
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
      expect(() => parseImportArgs(args), args.join(' ')).toThrow(UsageError);
  });

  it('names a file that is not there, and writes no errors file for it', () => {
    const missing = join(dir, 'missing.csv');
    expect(() => parseImportArgs(['products', missing])).toThrow(
      new CommandError(`no such file: ${missing}`),
    );
    expect(() => parseImportArgs(['products', dir])).toThrow(CommandError);
  });
});

import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Ctx } from '../../http/context.ts';
import { authenticate } from '../accounts/service.ts';
import { errorsCsvHeader, errorsCsvLine, importFile } from './import.ts';
import { IMPORT_KINDS, type ImportKind } from './schema.ts';

export const IMPORT_USAGE = `  iranmade import units|products FILE [--submit] [--errors OUT.csv]
                                       import a CSV or .xlsx as the holder of IRANMADE_TOKEN (an API token);
                                       bad rows go to FILE.errors.csv, to fix and import again`;

/** `iranmade import`: returns the exit code (0 all rows imported or already there, 2 some rows refused). */
export async function runImport(
  ctx: Ctx,
  args: string[],
  token = process.env.IRANMADE_TOKEN,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { submit: { type: 'boolean' }, errors: { type: 'string' } },
  });
  const [kind, file] = positionals;
  if (!IMPORT_KINDS.includes(kind as ImportKind) || !file) throw new Error(`usage:\n${IMPORT_USAGE}`);
  const found = token ? await authenticate(ctx, { bearer: token }) : null;
  if (!found) throw new Error('set IRANMADE_TOKEN to an API token of the account that owns the units');
  const errorsPath = values.errors ?? `${file}.errors.csv`;
  const out = createWriteStream(errorsPath);
  out.write(errorsCsvHeader(kind as ImportKind));
  const started = performance.now();
  const rate = (rows: number) => Math.round(rows / ((performance.now() - started) / 1000 || 1));
  const result = await importFile(ctx, found.user, kind as ImportKind, file, {
    submit: values.submit,
    onInvalid: (row) => {
      if (!out.write(errorsCsvLine(kind as ImportKind, row))) return new Promise((r) => out.once('drain', r));
    },
    onProgress: (rows) => process.stderr.write(`\r${rows} rows, ${rate(rows)} rows/s`),
  });
  await new Promise((r) => out.end(r));
  process.stderr.write(
    `\n${JSON.stringify({ ...result, rowsPerSecond: rate(result.rows), errors: result.invalid ? errorsPath : null })}\n`,
  );
  return result.invalid ? 2 : 0;
}

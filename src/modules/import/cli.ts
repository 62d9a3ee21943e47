import { createWriteStream, statSync, type WriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { CommandError, UsageError } from '../../command-errors.ts';
import type { Ctx } from '../../context.ts';
import { authenticate } from '../accounts/service.ts';
import { progressLine } from './progress.ts';
import { IMPORT_KINDS, type ImportKind } from './schema.ts';
import {
  type ColumnNames,
  errorsCsvHeader,
  errorsCsvLine,
  type ImportProgress,
  importFile,
} from './service.ts';

export const IMPORT_USAGE = `  iranmade import units|products FILE [--submit] [--errors OUT.csv] [--batch N]
                                       import a CSV or .xlsx as the holder of IRANMADE_TOKEN (an API token),
                                       N rows a transaction (500); bad rows go to FILE.errors.csv, to fix
                                       and import again; an import stopped half-way is simply run again`;

export interface ImportJob {
  kind: ImportKind;
  /** The API token whose account imports. */
  token: string;
  file: string;
  submit?: boolean;
  errors?: string;
  batchSize?: number;
}

/** The command line of `iranmade import` and its token, checked before the database is opened. */
export function parseImportArgs(args: string[], token = process.env.IRANMADE_TOKEN): ImportJob {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { submit: { type: 'boolean' }, errors: { type: 'string' }, batch: { type: 'string' } },
  });
  const [kind, file, ...extra] = positionals;
  const batchSize = values.batch === undefined ? undefined : Number(values.batch);
  if (!IMPORT_KINDS.includes(kind as ImportKind) || !file || extra.length)
    throw new UsageError('import takes what to import (units or products) and one file');
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize >= 1))
    throw new UsageError('--batch takes a whole number of rows, 1 or more');
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) throw new CommandError(`no such file: ${file}`);
  if (!token) throw new CommandError('set IRANMADE_TOKEN to an API token of the account that owns the units');
  return { kind: kind as ImportKind, token, file, submit: values.submit, errors: values.errors, batchSize };
}

/** `iranmade import`: returns the exit code (0 all rows imported or already there, 2 some rows refused). */
export async function runImport(ctx: Ctx, job: ImportJob): Promise<number> {
  const { kind, file, batchSize } = job;
  const found = await authenticate(ctx, { bearer: job.token });
  if (!found) throw new CommandError('IRANMADE_TOKEN is not a valid API token: create one in the workspace');
  const errorsPath = job.errors ?? `${file}.errors.csv`;
  // Written from the first refused row on: a file whose rows are all fine leaves none behind.
  let out: WriteStream | undefined;
  let names: ColumnNames = {};
  const errorsFile = () => {
    if (!out) {
      out = createWriteStream(errorsPath);
      out.write(errorsCsvHeader(kind, names));
    }
    return out;
  };
  const started = performance.now();
  const show = progressOn(process.stderr, started);
  const result = await importFile(ctx, found.user, kind, file, {
    submit: job.submit,
    batchSize,
    onHeader: (fileNames) => {
      names = fileNames;
    },
    onInvalid: (row) => {
      const errors = errorsFile();
      if (!errors.write(errorsCsvLine(kind, row))) return new Promise((r) => errors.once('drain', r));
    },
    onProgress: show,
  });
  if (out) await new Promise((r) => out?.end(r));
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(
    `${process.stderr.isTTY ? '\n' : ''}${JSON.stringify({ ...result, seconds: Math.round(seconds * 10) / 10, rowsPerSecond: Math.round(result.rows / seconds), errors: result.invalid ? errorsPath : null })}\n`,
  );
  return result.invalid ? 2 : 0;
}

/** Redraws the bar in place on a terminal, a few times a second; elsewhere (a log) one line a batch. */
function progressOn(stream: NodeJS.WriteStream, started: number) {
  let shown = 0;
  return (p: ImportProgress) => {
    const now = performance.now();
    if (stream.isTTY && now - shown < 250 && p.bytes < p.totalBytes) return;
    shown = now;
    stream.write(`${stream.isTTY ? '\r' : ''}${progressLine(p, now - started)}${stream.isTTY ? '' : '\n'}`);
  };
}

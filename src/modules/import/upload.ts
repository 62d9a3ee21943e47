import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ctx, User } from '../../context.ts';
import { fail } from '../../errors.ts';
import { requireUser } from '../accounts/service.ts';
import type { ImportKind } from './schema.ts';
import {
  type ColumnNames,
  errorsCsvHeader,
  errorsCsvLine,
  type ImportResult,
  type InvalidRow,
  importFile,
} from './service.ts';

/** The largest file a page accepts: a few tens of thousands of rows, imported within a request. */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
export const UPLOAD_ACCEPT =
  '.csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface UploadOutcome extends ImportResult {
  seconds: number;
  /** The refused rows with their reasons, as the file to fix and upload again; empty when none. */
  errorsCsv: string;
  /** The first few refused rows, to show on the page. */
  firstRefused: InvalidRow[];
}

const SHOWN = 20;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** The format a file is in, judged by its name and its first bytes; anything else is refused. */
function formatOf(name: string, bytes: Uint8Array): 'csv' | 'xlsx' {
  const ext = name.toLowerCase().match(/\.(csv|xlsx)$/)?.[1];
  if (ext === 'xlsx' && ZIP_MAGIC.every((b, i) => bytes[i] === b)) return 'xlsx';
  // Text has no NUL bytes; images, PDFs and renamed workbooks do.
  if (ext === 'csv' && !bytes.subarray(0, 8192).includes(0)) return 'csv';
  return fail('validation', { fields: [{ field: 'file', key: 'opendata.upload.type' }] });
}

/**
 * Imports an uploaded file as `user` with the same `importFile` the command line uses, and keeps the
 * refused rows as a file. The upload is written to a temporary file because the reader streams from disk.
 */
export async function importUpload(
  ctx: Ctx,
  viewer: User | null,
  kind: ImportKind,
  file: { name: string; bytes: Uint8Array },
  submit: boolean,
): Promise<UploadOutcome> {
  const user = requireUser(viewer, 'producer', 'admin');
  if (file.bytes.length === 0) fail('validation', { fields: [{ field: 'file', key: 'field.required' }] });
  if (file.bytes.length > UPLOAD_MAX_BYTES)
    fail('validation', { fields: [{ field: 'file', key: 'opendata.upload.too_large' }] });
  const dir = await mkdtemp(join(tmpdir(), 'iranmade-upload-'));
  try {
    const path = join(dir, `upload.${formatOf(file.name, file.bytes)}`);
    await writeFile(path, file.bytes);
    const refused: string[] = [];
    const firstRefused: InvalidRow[] = [];
    const started = performance.now();
    let names: ColumnNames = {};
    const result = await importFile(ctx, user, kind, path, {
      submit,
      onHeader: (fileNames) => {
        names = fileNames;
      },
      onInvalid: (row) => {
        refused.push(errorsCsvLine(kind, row));
        if (firstRefused.length < SHOWN) firstRefused.push(row);
      },
    });
    return {
      ...result,
      seconds: (performance.now() - started) / 1000,
      errorsCsv: refused.length ? errorsCsvHeader(kind, names) + refused.join('') : '',
      firstRefused,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

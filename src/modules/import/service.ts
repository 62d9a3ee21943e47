import { stat } from 'node:fs/promises';
import { setImmediate } from 'node:timers/promises';
import type { z } from 'zod';
import type { Ctx, User } from '../../context.ts';
import { BOM, csvLine } from '../../domain/csv.ts';
import { foldDigits } from '../../domain/digits.ts';
import { type AppError, type FieldError, invalid } from '../../errors.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { t } from '../../i18n/index.ts';
import { fieldErrors } from '../../validation.ts';
import * as producers from '../producers/service.ts';
import { commitBatch, prepareBatch, ROWS_PER_TURN, type Row, subjectKindOf } from './batch.ts';
import type { CsvRecord } from './csv.ts';
import { recordsOf } from './read.ts';
import * as repo from './repo.ts';
import {
  columnsFor,
  type ImportColumn,
  type ImportKind,
  requiredColumns,
  rowInput,
  schemaFor,
} from './schema.ts';

export interface RowError {
  row: number;
  column: string;
  value: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** A row that was not imported: its line in the file, what it held, and every reason. */
export interface InvalidRow {
  row: number;
  values: Record<string, string>;
  errors: RowError[];
}

/** A row its checks refused, with its reference when it names one: imported before, it is unchanged. */
type Refused = InvalidRow & { key?: repo.ImportKey };

export interface ImportResult {
  rows: number;
  created: number;
  unchanged: number;
  invalid: number;
}

/** How far an import has gone: its counts so far, and how much of the file has been read. */
export interface ImportProgress extends ImportResult {
  bytes: number;
  totalBytes: number;
}

export interface ImportOptions {
  submit?: boolean;
  /** Rows committed in one transaction. */
  batchSize?: number;
  /** Called once the header is read: each column's name as the file writes it. */
  onHeader?: (names: ColumnNames) => void;
  onInvalid: (row: InvalidRow) => void | Promise<void>;
  /** Called after each committed batch. */
  onProgress?: (progress: ImportProgress) => void;
}

/** One message a cell: a value that breaks two rules (negative, and not above zero) is one mistake. */
const errorsOf = (
  issues: FieldError[],
  values: Record<string, string>,
  row: number,
  rename: Record<string, string> = {},
): RowError[] => {
  const byColumn = new Map<string, RowError>();
  for (const f of issues) {
    const column = rename[f.field] ?? f.field.split('.')[0] ?? f.field;
    if (!byColumn.has(column))
      byColumn.set(column, { row, column, value: values[column] ?? '', key: f.key, params: f.params });
  }
  return [...byColumn.values()];
};

/**
 * Imports units or products as a stream: each valid row becomes a draft (or a submission) through the
 * same service the API uses, a batch of rows a transaction together with their references, so an
 * import stopped at any point and run again creates each row once (docs/adr/0004-batched-import.md).
 */
export async function importFile(
  ctx: Ctx,
  user: User,
  kind: ImportKind,
  path: string,
  opts: ImportOptions,
): Promise<ImportResult> {
  const result: ImportResult = { rows: 0, created: 0, unchanged: 0, invalid: 0 };
  const totalBytes = (await stat(path)).size;
  let bytes = 0;
  const myUnits = kind === 'products' ? await unitsOf(ctx, user) : new Map<string, string>();
  const since = await repo.databaseNow(ctx.db);
  let header: (ImportColumn | undefined)[] | undefined;
  let batch: Row[] = [];
  const inBatch = new Set<string>();

  const reject = async (row: InvalidRow) => {
    result.invalid++;
    await opts.onInvalid(row);
  };
  // Refused rows wait, a batch at a time, to learn whether their reference was imported before this
  // import: such a row is unchanged, whatever it says now, as a valid one would be.
  let refused: Refused[] = [];
  const settle = async () => {
    const rows = refused;
    refused = [];
    const keys = rows.flatMap((r) => (r.key ? [r.key] : []));
    const imported = await repo.importedRefs(ctx.db, subjectKindOf(kind), keys, since);
    for (const { key, ...row } of rows) {
      if (key && imported.get(repo.importKey(key)) === false) result.unchanged++;
      else await reject(row);
    }
  };
  const batchOptions = { submit: opts.submit ?? false, since };
  // The batch being written, with the reporting of its outcomes. The next batch is read, checked and
  // prepared meanwhile: on PostgreSQL, Node and the database work at the same time.
  let writing = Promise.resolve();
  const flush = async () => {
    await settle();
    const rows = batch;
    batch = [];
    inBatch.clear();
    const prepared = await prepareBatch(ctx, user, kind, rows, batchOptions);
    await writing;
    writing = commitBatch(ctx, user, kind, prepared, batchOptions).then(async (outcomes) => {
      for (const [i, outcome] of outcomes.entries()) {
        const p = rows[i] as Row;
        if (outcome === 'created' || outcome === 'unchanged') result[outcome]++;
        else await reject({ row: p.row, values: p.values, errors: rowErrors(p, outcome) });
      }
      opts.onProgress?.({ ...result, bytes, totalBytes });
    });
    // Its failure is thrown where it is awaited: at the next batch, or at the end.
    writing.catch(() => {});
  };

  try {
    for await (const record of recordsOf(path, (n) => {
      bytes += n;
    })) {
      if (!header) {
        const read = headerOf(kind, record.fields);
        header = read.columns;
        opts.onHeader?.(read.names);
        continue;
      }
      result.rows++;
      const row = checkRecord(kind, user, header, record, myUnits, inBatch);
      if ('errors' in row) {
        refused.push(row);
        if (refused.length >= (opts.batchSize ?? 500)) await settle();
        continue;
      }
      batch.push(row);
      inBatch.add(repo.importKey(row));
      if (batch.length >= (opts.batchSize ?? 500)) await flush();
      // Rows already read are checked without a turn of the event loop: give the batch being written one.
      else if (batch.length % ROWS_PER_TURN === 0) await setImmediate();
    }
    if (!result.rows) invalid([{ field: 'file', key: 'opendata.import.no_rows' }]);
    await flush();
  } catch (err) {
    // The batch being written is let finish (or fail) before the import stops.
    await writing.catch(() => {});
    throw err;
  }
  await writing;
  return result;
}

/**
 * A record of the file as a row for its batch, or every reason it cannot be imported: the file's own
 * problems, the reference, the unit, and the API's schema.
 */
function checkRecord(
  kind: ImportKind,
  user: User,
  header: (ImportColumn | undefined)[],
  record: CsvRecord,
  myUnits: Map<string, string>,
  inBatch: Set<string>,
): Row | Refused {
  const values = Object.fromEntries(
    header.flatMap((key, i) => (key ? [[key, (record.fields[i] ?? '').trim()]] : [])),
  );
  if (record.problem) {
    const value = record.fields.join(',').slice(0, 200);
    return {
      row: record.line,
      values,
      errors: [{ row: record.line, column: '', value, key: `opendata.import.${record.problem}` }],
    };
  }
  const ref = values.ref ?? '';
  const errors: RowError[] = [];
  if (!ref) errors.push({ row: record.line, column: 'ref', value: '', key: 'field.required' });
  let scopeId = user.id;
  const input = rowInput(kind, values);
  if (kind === 'products') {
    const unitId = myUnits.get(foldDigits(values.unitNationalId ?? ''));
    if (!unitId)
      errors.push({
        row: record.line,
        column: 'unitNationalId',
        value: values.unitNationalId ?? '',
        key: 'opendata.import.not_your_unit',
      });
    scopeId = unitId ?? NIL;
    input.producerId = scopeId;
  }
  if (ref && inBatch.has(repo.importKey({ scopeId, ref })))
    errors.push({ row: record.line, column: 'ref', value: ref, key: 'opendata.import.ref_repeated' });
  const parsed = (schemaFor(kind) as z.ZodType).safeParse(input);
  if (!parsed.success)
    errors.push(
      ...errorsOf(fieldErrors(parsed.error), values, record.line, { producerId: 'unitNationalId' }),
    );
  if (errors.length)
    return { row: record.line, values, errors, key: ref && scopeId !== NIL ? { scopeId, ref } : undefined };
  return { row: record.line, ref, scopeId, input: parsed.data, values };
}

/** Why the services refused a row, or that its reference came earlier in the file. */
function rowErrors(p: Row, outcome: AppError | 'repeated'): RowError[] {
  if (outcome === 'repeated')
    return [{ row: p.row, column: 'ref', value: p.ref, key: 'opendata.import.ref_repeated' }];
  const fields = outcome.detail.fields ?? [{ field: '', key: `problem.${outcome.code}` as MessageKey }];
  return errorsOf(fields, p.values, p.row, { producerId: 'unitNationalId' });
}

const NIL = '00000000-0000-0000-0000-000000000000';

/**
 * The keys of the file's columns, and the names it gives them, from its first row. The file is refused
 * whole when a name is no column (a misspelt "gtin" would otherwise drop its values unseen) or a
 * required column is missing (every row would be refused for it).
 */
function headerOf(kind: ImportKind, fields: string[]) {
  const bare = fields.map((name, i) => (i === 0 ? name.replace(/^\uFEFF/, '') : name).trim());
  const header = bare.map((name) => columnKey(kind, name));
  // An errors file, fixed, is imported again as it is: its own columns are passed over.
  const unknown = bare.filter((name, i) => !header[i] && name && !ERRORS_FILE_COLUMNS.includes(name));
  const missing = requiredColumns(kind).filter((c) => !header.includes(c));
  const labels = (lang: 'fa' | 'en') =>
    missing.map((c) => t(lang, `opendata.column.${c}`)).join(lang === 'fa' ? '، ' : ', ');
  const errors: FieldError[] = [];
  if (unknown.length)
    errors.push({
      field: 'file',
      key: 'opendata.import.unknown_columns',
      params: { columns: unknown.map((name) => `«${name}»`).join(', ') },
    });
  if (missing.length)
    errors.push({
      field: 'file',
      key: 'opendata.import.missing_columns',
      params: { fa: labels('fa'), en: labels('en') },
    });
  if (errors.length) invalid(errors);
  const names: ColumnNames = {};
  for (const [i, key] of header.entries()) if (key) names[key] ??= bare[i];
  return { columns: header, names };
}

function columnKey(kind: ImportKind, name: string): ImportColumn | undefined {
  const n = name.trim().toLowerCase();
  return columnsFor(kind).find((c) =>
    [c, t('fa', `opendata.column.${c}`), t('en', `opendata.column.${c}`)].some((x) => x.toLowerCase() === n),
  );
}

async function unitsOf(ctx: Ctx, user: User) {
  const units = new Map<string, string>();
  for (let offset = 0; ; offset += 200) {
    const page = await producers.list(ctx, user, { mine: true, limit: 200, offset });
    for (const u of page.items) units.set(u.nationalId, u.id);
    if (offset + 200 >= page.total) return units;
  }
}

/** The errors file's columns before the row's own: where the row was and what is wrong with it. */
const ERRORS_FILE_COLUMNS = ['row', 'errors_fa', 'errors_en'];

/** A file's own names for its columns («نام فارسی» for nameFa): its errors file keeps them. */
export type ColumnNames = Partial<Record<ImportColumn, string>>;

/**
 * The errors file: each bad row as it was, after its line number and messages, ready to fix and import
 * again, under the column names of the file it came from.
 */
export function errorsCsvHeader(kind: ImportKind, names: ColumnNames = {}) {
  return BOM + csvLine([...ERRORS_FILE_COLUMNS, ...columnsFor(kind).map((c) => names[c] ?? c)]);
}

export function errorsCsvLine(kind: ImportKind, r: InvalidRow) {
  // Each message names its column as the template does in that language («کد تعرفه», "Tariff code").
  const columns = new Set<string>(columnsFor(kind));
  const column = (lang: 'fa' | 'en', c: string) =>
    columns.has(c) ? t(lang, `opendata.column.${c as ImportColumn}`) : c || '*';
  const say = (lang: 'fa' | 'en') =>
    r.errors.map((e) => `${column(lang, e.column)} «${e.value}»: ${t(lang, e.key, e.params)}`).join('; ');
  return csvLine([r.row, say('fa'), say('en'), ...columnsFor(kind).map((c) => r.values[c] ?? '')]);
}

import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { foldDigits } from '../../domain/digits.ts';
import { AppError, type FieldError } from '../../errors.ts';
import type { Ctx, User } from '../../http/context.ts';
import { fieldErrors } from '../../http/validation.ts';
import type { MessageKey } from '../../web/i18n/index.ts';
import { t } from '../../web/i18n/index.ts';
import type { ProducerFields } from '../producers/schema.ts';
import * as producers from '../producers/service.ts';
import type { NewProduct } from '../products/schema.ts';
import * as products from '../products/service.ts';
import { BOM, type CsvRecord, csvLine, csvRecords, decodedLines } from './csv.ts';
import * as repo from './repo.ts';
import { columnsFor, type ImportKind, rowInput, schemaFor } from './schema.ts';

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

export interface ImportResult {
  rows: number;
  created: number;
  unchanged: number;
  invalid: number;
}

export interface ImportOptions {
  submit?: boolean;
  batchSize?: number;
  onInvalid: (row: InvalidRow) => void | Promise<void>;
  onProgress?: (rows: number) => void;
}

/** Records of a CSV (UTF-8, with or without BOM, comma or semicolon) or the first sheet of an .xlsx. */
export async function* recordsOf(path: string): AsyncGenerator<CsvRecord> {
  if (!path.toLowerCase().endsWith('.xlsx')) {
    yield* csvRecords(decodedLines(createReadStream(path)));
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = (row.values as unknown[]).slice(1);
      yield { line: row.number, fields: Array.from(values, cellText) };
    }
    return;
  }
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v !== 'object') return String(v);
  const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown };
  if (o.richText) return o.richText.map((r) => r.text).join('');
  if (o.text !== undefined) return cellText(o.text);
  return cellText(o.result);
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

interface Pending {
  row: number;
  ref: string;
  scopeId: string;
  input: unknown;
  values: Record<string, string>;
}

/**
 * Imports units or products row by row: each valid row becomes a draft (or a submission) through the
 * same service the API uses; a row whose reference was imported before is left as it is.
 */
export async function importFile(
  ctx: Ctx,
  user: User,
  kind: ImportKind,
  path: string,
  opts: ImportOptions,
): Promise<ImportResult> {
  const result: ImportResult = { rows: 0, created: 0, unchanged: 0, invalid: 0 };
  const myUnits = kind === 'products' ? await unitsOf(ctx, user) : new Map<string, string>();
  const seen = new Set<string>();
  let header: (string | undefined)[] | undefined;
  let batch: Pending[] = [];

  const reject = async (row: InvalidRow) => {
    result.invalid++;
    await opts.onInvalid(row);
  };
  const flush = async () => {
    await commitBatch(ctx, user, kind, batch, opts, result, reject);
    batch = [];
    opts.onProgress?.(result.rows);
  };

  for await (const record of recordsOf(path)) {
    if (!header) {
      header = record.fields.map((h, i) => columnKey(kind, i === 0 ? h.replace(/^\uFEFF/, '') : h));
      continue;
    }
    result.rows++;
    const values = Object.fromEntries(
      header.flatMap((key, i) => (key ? [[key, (record.fields[i] ?? '').trim()]] : [])),
    );
    if (record.problem) {
      const value = record.fields.join(',').slice(0, 200);
      await reject({
        row: record.line,
        values,
        errors: [{ row: record.line, column: '', value, key: `opendata.import.${record.problem}` }],
      });
      continue;
    }
    const ref = values.ref ?? '';
    const errors: RowError[] = [];
    if (!ref) errors.push({ row: record.line, column: 'ref', value: '', key: 'field.required' });
    else if (seen.has(ref))
      errors.push({ row: record.line, column: 'ref', value: ref, key: 'opendata.import.ref_repeated' });
    seen.add(ref);
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
    const parsed = (schemaFor(kind) as z.ZodType).safeParse(input);
    if (!parsed.success)
      errors.push(
        ...errorsOf(fieldErrors(parsed.error), values, record.line, { producerId: 'unitNationalId' }),
      );
    if (errors.length) {
      await reject({ row: record.line, values, errors });
      continue;
    }
    batch.push({ row: record.line, ref, scopeId, input: parsed.data, values });
    if (batch.length >= (opts.batchSize ?? 200)) await flush();
  }
  await flush();
  return result;
}

const NIL = '00000000-0000-0000-0000-000000000000';

function columnKey(kind: ImportKind, name: string): string | undefined {
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

/** One batch: a single look-up of the references already imported, then each new row through its service. */
async function commitBatch(
  ctx: Ctx,
  user: User,
  kind: ImportKind,
  batch: Pending[],
  opts: ImportOptions,
  result: ImportResult,
  reject: (row: InvalidRow) => Promise<void>,
) {
  const subjectKind = kind === 'units' ? 'producer' : 'product';
  const known = new Set<string>();
  for (const scopeId of new Set(batch.map((p) => p.scopeId))) {
    const refs = batch.filter((p) => p.scopeId === scopeId).map((p) => p.ref);
    for (const ref of (await repo.importedRefs(ctx.db, subjectKind, scopeId, refs)).keys())
      known.add(`${scopeId}:${ref}`);
  }
  for (const p of batch) {
    if (known.has(`${p.scopeId}:${p.ref}`)) {
      result.unchanged++;
      continue;
    }
    try {
      const id = await createOne(ctx, user, kind, p.input, opts.submit ?? false);
      await repo.saveImportRef(ctx.db, { kind: subjectKind, scopeId: p.scopeId, ref: p.ref, subjectId: id });
      result.created++;
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      const fields = err.detail.fields ?? [{ field: '', key: `problem.${err.code}` as MessageKey }];
      await reject({
        row: p.row,
        values: p.values,
        errors: errorsOf(fields, p.values, p.row, { producerId: 'unitNationalId' }),
      });
    }
  }
}

async function createOne(
  ctx: Ctx,
  user: User,
  kind: ImportKind,
  input: unknown,
  submit: boolean,
): Promise<string> {
  if (kind === 'units') {
    const unit = await producers.register(ctx, user, input as ProducerFields);
    if (submit) await producers.move(ctx, user, unit.id, 'submit');
    return unit.id;
  }
  const product = await products.create(ctx, user, input as NewProduct);
  if (submit) await products.move(ctx, user, product.id, 'submit');
  return product.id;
}

/** The errors file: each bad row as it was, after its line number and messages, ready to fix and import again. */
export function errorsCsvHeader(kind: ImportKind) {
  return BOM + csvLine(['row', 'errors_fa', 'errors_en', ...columnsFor(kind)]);
}

export function errorsCsvLine(kind: ImportKind, r: InvalidRow) {
  const say = (lang: 'fa' | 'en') =>
    r.errors.map((e) => `${e.column || '*'} «${e.value}»: ${t(lang, e.key, e.params)}`).join('; ');
  return csvLine([r.row, say('fa'), say('en'), ...columnsFor(kind).map((c) => r.values[c] ?? '')]);
}

import type { Ctx } from '../../context.ts';
import { BOM, csvLine } from '../../domain/csv.ts';
import * as repo from './repo.ts';

export const LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } as const;
export const FILES = ['products', 'producers', 'decisions'] as const;
export const FORMATS = ['csv', 'jsonl'] as const;
export type FileName = (typeof FILES)[number];
export type Format = (typeof FORMATS)[number];

const PAGE = 1000;
const DECISION_EVENTS = [
  'approved',
  'rejected',
  'changes_requested',
  'suspended',
  'reinstated',
  'revoked',
] as const;
const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * A text a spreadsheet would take for a formula (one starting with = + - @, a tab or a carriage
 * return) with an apostrophe before it, so that a public file opened in Excel runs nothing a producer
 * typed (CSV injection); the JSON Lines files keep every text as written.
 */
const spreadsheetSafe = (v: unknown) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

type Record_ = Record<string, unknown>;
/** A file's rows as records with its columns' names, read a page at a time by a key that only grows. */
interface Source {
  columns: readonly string[];
  pages: (ctx: Ctx) => AsyncGenerator<Record_[]>;
}

async function* keyset<R, K>(
  first: K,
  read: (after: K) => Promise<R[]>,
  keyOf: (r: R) => K,
  shape: (r: R) => Record_,
) {
  for (let after = first; ; ) {
    const rows = await read(after);
    if (rows.length) yield rows.map(shape);
    const last = rows.at(-1);
    if (rows.length < PAGE || !last) return;
    after = keyOf(last);
  }
}

const NIL = '00000000-0000-0000-0000-000000000000';

const SOURCES: Record<FileName, Source> = {
  products: {
    columns: [
      'id',
      'registrationNumber',
      'status',
      'nameFa',
      'nameEn',
      'descriptionFa',
      'descriptionEn',
      'tariffCode',
      'brand',
      'model',
      'gtin',
      'unit',
      'annualCapacity',
      'exWorksPrice',
      'importedInputsCost',
      'valueAddedPercent',
      'exportMarkets',
      'producerId',
      'producerNationalId',
      'producerNameFa',
      'registeredAt',
      'validUntil',
      'updatedAt',
    ],
    pages: (ctx) =>
      keyset(
        NIL,
        (after) => repo.publicProductsPage(ctx.db, after, PAGE),
        (r) => r.id,
        (r) => ({
          id: r.id,
          registrationNumber: r.registration_number,
          status: r.status,
          nameFa: r.name_fa,
          nameEn: r.name_en,
          descriptionFa: r.description_fa,
          descriptionEn: r.description_en,
          tariffCode: r.tariff_code,
          brand: r.brand,
          model: r.model,
          gtin: r.gtin,
          unit: r.unit,
          annualCapacity: Number(r.annual_capacity),
          exWorksPrice: Number(r.ex_works_price),
          importedInputsCost: Number(r.imported_inputs_cost),
          valueAddedPercent: Number(r.value_added_percent),
          exportMarkets: r.export_markets.join(' '),
          producerId: r.producer_id,
          producerNationalId: r.producer_national_id,
          producerNameFa: r.producer_name_fa,
          registeredAt: iso(r.registered_at),
          validUntil: iso(r.valid_until),
          updatedAt: iso(r.updated_at),
        }),
      ),
  },
  producers: {
    columns: [
      'id',
      'status',
      'nationalId',
      'nameFa',
      'nameEn',
      'province',
      'city',
      'isic',
      'licenceNo',
      'website',
      'approvedAt',
      'updatedAt',
    ],
    pages: (ctx) =>
      keyset(
        NIL,
        (after) => repo.publicProducersPage(ctx.db, after, PAGE),
        (r) => r.id,
        (r) => ({
          id: r.id,
          status: r.status,
          nationalId: r.national_id,
          nameFa: r.name_fa,
          nameEn: r.name_en,
          province: r.province,
          city: r.city,
          isic: r.isic,
          licenceNo: r.licence_no,
          website: r.website,
          approvedAt: iso(r.approved_at),
          updatedAt: iso(r.updated_at),
        }),
      ),
  },
  decisions: {
    columns: ['logIndex', 'decision', 'subjectKind', 'subjectId', 'registrationNumber', 'at', 'reason'],
    pages: (ctx) =>
      keyset(
        -1,
        (after) => repo.decisionsPage(ctx.db, DECISION_EVENTS, after, PAGE),
        (r) => Number(r.idx),
        (r) => ({
          logIndex: Number(r.idx),
          decision: r.type,
          subjectKind: r.subject_kind,
          subjectId: r.subject_id,
          registrationNumber: r.registration_number,
          at: iso(r.at),
          reason: r.reason,
        }),
      ),
  },
};

/** The file a page at a time: its text, and how many rows that text holds. */
export async function* filePages(
  ctx: Ctx,
  file: FileName,
  format: Format,
): AsyncGenerator<{ text: string; rows: number }> {
  const { columns, pages } = SOURCES[file];
  if (format === 'csv') yield { text: BOM + csvLine(columns), rows: 0 };
  for await (const page of pages(ctx)) {
    const text = page
      .map((r) =>
        format === 'csv' ? csvLine(columns.map((c) => spreadsheetSafe(r[c]))) : `${JSON.stringify(r)}\n`,
      )
      .join('');
    yield { text, rows: page.length };
  }
}

/** The file as text chunks, one a page, so memory stays constant however large the catalog. */
export async function* fileChunks(ctx: Ctx, file: FileName, format: Format): AsyncGenerator<string> {
  for await (const { text } of filePages(ctx, file, format)) yield text;
}

/** Names this version of every file: each change to public data appends a leaf to the log. */
export const etagAt = (file: FileName, format: Format, logSize: number) => `W/"${file}.${format}-${logSize}"`;

export const etagOf = async (ctx: Ctx, file: FileName, format: Format) =>
  etagAt(file, format, await repo.logSize(ctx.db));

export const columnsOf = (file: FileName) => SOURCES[file].columns;

import type { Ctx } from '../../context.ts';
import { BOM, csvLine } from '../../domain/csv.ts';
import type { EventType } from '../../domain/workflow.ts';
import * as ledger from '../ledger/service.ts';
import * as producers from '../producers/service.ts';
import * as products from '../products/service.ts';
import { registrationNumbersOf } from './service.ts';

export const LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } as const;
export const FILES = ['products', 'producers', 'decisions'] as const;
export const FORMATS = ['csv', 'jsonl'] as const;
export type FileName = (typeof FILES)[number];
export type Format = (typeof FORMATS)[number];

const PAGE = 1000;
const MAKERS_KEPT = 20_000;
const DECISION_EVENTS = [
  'approved',
  'rejected',
  'changes_requested',
  'suspended',
  'reinstated',
  'revoked',
] as const satisfies readonly EventType[];

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
    pages: (ctx) => {
      // The units of the products read so far: a catalog has far fewer units than products, so most
      // pages need none read. Past a bound they are let go, so that memory stays flat.
      const makers = new Map<string, producers.IndexedProducer>();
      return keyset(
        NIL,
        async (after) => {
          const page = await products.publicPage(ctx.db, after, PAGE);
          if (makers.size > MAKERS_KEPT) makers.clear();
          const missing = page.map((p) => p.producerId).filter((id) => !makers.has(id));
          for (const [id, unit] of await producers.indexedByIds(ctx.db, missing)) makers.set(id, unit);
          return page.map((p) => ({ p, maker: makers.get(p.producerId) }));
        },
        (r) => r.p.id,
        ({ p, maker }) => ({
          id: p.id,
          registrationNumber: p.registrationNumber,
          status: p.status,
          nameFa: p.nameFa,
          nameEn: p.nameEn,
          descriptionFa: p.descriptionFa,
          descriptionEn: p.descriptionEn,
          tariffCode: p.tariffCode,
          brand: p.brand,
          model: p.model,
          gtin: p.gtin,
          unit: p.unit,
          annualCapacity: p.annualCapacity,
          exWorksPrice: p.exWorksPrice,
          importedInputsCost: p.importedInputsCost,
          valueAddedPercent: p.valueAddedPercent,
          exportMarkets: p.exportMarkets.join(' '),
          producerId: p.producerId,
          producerNationalId: maker?.nationalId,
          producerNameFa: maker?.nameFa,
          registeredAt: p.registeredAt,
          validUntil: p.validUntil,
          updatedAt: p.updatedAt,
        }),
      );
    },
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
        (after) => producers.publicPage(ctx.db, after, PAGE),
        (p) => p.id,
        (p) => ({
          id: p.id,
          status: p.status,
          nationalId: p.nationalId,
          nameFa: p.nameFa,
          nameEn: p.nameEn,
          province: p.province,
          city: p.city,
          isic: p.isic,
          licenceNo: p.licenceNo,
          website: p.website,
          approvedAt: p.approvedAt,
          updatedAt: p.updatedAt,
        }),
      ),
  },
  decisions: {
    columns: ['logIndex', 'decision', 'subjectKind', 'subjectId', 'registrationNumber', 'at', 'reason'],
    pages: (ctx) =>
      keyset(
        -1,
        async (after) => {
          const page = await ledger.publicLoggedAfter(ctx.db, DECISION_EVENTS, after, PAGE);
          const numbers = await registrationNumbersOf(ctx, page);
          return page.map((e) => ({ ...e, registrationNumber: numbers.get(e.subjectId) ?? null }));
        },
        (e) => e.logIndex,
        (e) => ({
          logIndex: e.logIndex,
          decision: e.type,
          subjectKind: e.subjectKind,
          subjectId: e.subjectId,
          registrationNumber: e.registrationNumber,
          at: e.at,
          reason: e.reason,
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
  etagAt(file, format, await ledger.logSize(ctx.db));

export const columnsOf = (file: FileName) => SOURCES[file].columns;

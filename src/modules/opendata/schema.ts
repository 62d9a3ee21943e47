import { z } from '@hono/zod-openapi';
import { foldDigits } from '../../domain/digits.ts';
import { normaliseText } from '../../domain/persian.ts';
import { MEASUREMENT_UNITS } from '../../domain/registration.ts';
import { queryInteger } from '../../http/fields.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { ProducerFields } from '../producers/schema.ts';
import { NewProduct, PRODUCT_FIELDS } from '../products/schema.ts';
import { FILES, FORMATS } from './files.ts';
import { KEPT_DAYS } from './snapshots.ts';

export const ChangesQuery = z.object({
  // An empty `after=` is absent, not 0: read as 0 it would pass over the log's first entry.
  after: z
    .preprocess(
      (v) => (v === '' ? undefined : v),
      z.coerce
        .number({ error: 'field.invalid' })
        .int({ error: 'field.invalid' })
        .min(-1, { error: 'field.invalid' })
        .default(-1),
    )
    .openapi({
      description:
        'The nextCursor of the previous page: the last log index read (-1, empty or absent: from the start); one past the end of the log is refused',
    }),
  limit: queryInteger(1, 1000).default(100),
});

export const ChangeOut = z
  .object({
    logIndex: z.number().int().openapi({ description: 'Index of the leaf in the transparency log' }),
    type: z.string(),
    subject: z.object({ kind: z.enum(['producer', 'product']), id: z.uuid() }),
    seq: z.number().int(),
    at: z.string(),
    public: z
      .boolean()
      .openapi({ description: 'False: the subject was not public yet; only what the log leaf publishes' }),
    registrationNumber: z.string().nullable(),
    reason: z.string().nullable(),
    fields: z.record(z.string(), z.unknown()).nullable().openapi({
      description:
        'Public fields this event changed; all public fields on the event that made the subject public',
    }),
  })
  .openapi('Change');

export const ChangesPage = z
  .object({ items: z.array(ChangeOut), nextCursor: z.string(), more: z.boolean() })
  .openapi('ChangesPage');

export const FileParam = z.object({
  file: z
    .enum(FILES.flatMap((f) => FORMATS.map((x) => `${f}.${x}` as const)))
    .openapi({ param: { name: 'file', in: 'path' } }),
});

export const IMPORT_KINDS = ['units', 'products'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const TemplateParam = z.object({
  kind: z.enum(IMPORT_KINDS.map((k) => `${k}.csv` as const)).openapi({ param: { name: 'kind', in: 'path' } }),
});

export const TemplateQuery = z.object({
  lang: z
    .enum(['fa', 'en'])
    .optional()
    .openapi({ description: 'The language of the column names (a link cannot set Accept-Language)' }),
});

/** The columns of an import file, by key; headers may also be their Persian or English labels. */
const COLUMNS = {
  units: [
    'ref',
    'nationalId',
    'nameFa',
    'nameEn',
    'province',
    'city',
    'isic',
    'licenceNo',
    'address',
    'phone',
    'website',
  ],
  // A file has no column for the free attributes: their names are the producer's own.
  products: ['ref', 'unitNationalId', ...PRODUCT_FIELDS.filter((f) => f !== 'attributes')],
} as const satisfies Record<ImportKind, readonly string[]>;
export type ImportColumn = (typeof COLUMNS)[ImportKind][number];

export const columnsFor = (kind: ImportKind): readonly ImportColumn[] => COLUMNS[kind];

const NUMBERS = new Set(['annualCapacity', 'exWorksPrice', 'importedInputsCost']);

/** A spreadsheet number: Persian digits, thousands separators and the Persian decimal point allowed. */
function cellNumber(s: string): number | string {
  const plain = foldDigits(s)
    .replace(/[\s,٬]/g, '')
    .replace('٫', '.');
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : s;
}

/** A row's cells as the API's JSON input: empty cells absent, numbers and lists parsed. */
export function rowInput(kind: ImportKind, values: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of columnsFor(kind)) {
    const v = values[key];
    if (key === 'ref' || key === 'unitNationalId' || v === undefined || v === '') continue;
    if (NUMBERS.has(key)) input[key] = cellNumber(v);
    else if (key === 'exportMarkets') input[key] = v.split(/[\s,;،]+/).filter(Boolean);
    else if (key === 'unit') input[key] = measurementUnit(v);
    else input[key] = v;
  }
  return input;
}

/** Each unit of measure by the names a file may write it with: its code, and its name in either language. */
const UNITS_BY_NAME = new Map(
  MEASUREMENT_UNITS.flatMap((u) =>
    [u, t('fa', `web.measure.${u}` as MessageKey), t('en', `web.measure.${u}` as MessageKey)].map(
      (name): [string, string] => [normaliseText(name), u],
    ),
  ),
);

/** A unit of measure as a file writes it («عدد», "square metre", "m2"): its code, or what was written. */
const measurementUnit = (written: string) => UNITS_BY_NAME.get(normaliseText(written)) ?? written;

/** The same schemas the API validates with. */
export const schemaFor = (kind: ImportKind) => (kind === 'units' ? ProducerFields : NewProduct);

/** The columns a file must have: the reference, a product's unit, and each field the API requires. */
export function requiredColumns(kind: ImportKind): ImportColumn[] {
  const shape: Record<string, z.ZodType> = schemaFor(kind).shape;
  return columnsFor(kind).filter((c) => !shape[c]?.safeParse(undefined).success);
}

const SNAPSHOT_NAMES = FILES.flatMap((f) => FORMATS.map((x) => `${f}.${x}.gz`));

export const SnapshotsQuery = z.object({
  before: z.iso
    .date({ error: 'field.invalid' })
    .optional()
    .openapi({ description: 'Only days before this one (YYYY-MM-DD): the nextBefore of the previous page' }),
  days: z.coerce.number().int().min(1).max(366).default(KEPT_DAYS).openapi({ description: 'How many days' }),
});

// Strings, not enums: a day or file the registry has no snapshot of is a 404, whatever its spelling.
export const SnapshotDayParam = z.object({
  day: z
    .string()
    .openapi({ param: { name: 'day', in: 'path' }, example: '2026-03-21', description: 'A UTC day' }),
});
export const SnapshotFileParam = SnapshotDayParam.extend({
  name: z.string().openapi({
    param: { name: 'name', in: 'path' },
    example: 'products.csv.gz',
    description: `One of ${SNAPSHOT_NAMES.join(', ')}`,
  }),
});

export const SnapshotFileOut = z
  .object({
    day: z.string().openapi({ description: 'The UTC day of the snapshot, YYYY-MM-DD' }),
    file: z.enum(FILES),
    format: z.enum(FORMATS),
    sha256: z.string().openapi({ description: 'Hex SHA-256 of the .gz bytes, as downloaded' }),
    bytes: z.number().int(),
    rows: z.number().int(),
    logSize: z
      .number()
      .int()
      .openapi({ description: 'The transparency log size the files are the state at' }),
    takenAt: z.string(),
    seconds: z.number(),
    url: z
      .string()
      .nullable()
      .openapi({ description: 'The .gz file; null once its bytes are no longer kept' }),
  })
  .openapi('SnapshotFile');

export const SnapshotsPage = z
  .object({
    keptDays: z
      .number()
      .int()
      .openapi({ description: 'Days whose files are kept; digests are kept for ever' }),
    items: z.array(SnapshotFileOut),
    nextBefore: z.string().nullable(),
  })
  .openapi('SnapshotsPage');

import { z } from '@hono/zod-openapi';
import { foldDigits } from '../../domain/digits.ts';
import { normaliseText } from '../../domain/persian.ts';
import { MEASUREMENT_UNITS } from '../../domain/registration.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { ProducerFields } from '../producers/schema.ts';
import { NewProduct, PRODUCT_FIELDS } from '../products/schema.ts';

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

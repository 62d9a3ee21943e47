import { foldDigits } from '../digits.ts';
import { normaliseText } from '../persian.ts';
import { ALL_CODES, basisOf, type Flow, type HsEdition, type TradeCell } from './cell.ts';
import { partnerOf } from './countries.ts';
import { type Field, parseAmount, parseHsCode, parseMonth, parseYear } from './fields.ts';
import { type Columns, findColumns, RowReader } from './header.ts';
import type { Parsed } from './problems.ts';

/**
 * The columns of a customs-style table, in the order the template writes them, each with its Persian and
 * English header. A file may use either header (or both languages across columns) in any order.
 */
export const CUSTOMS_TEMPLATE = [
  { key: 'year', fa: 'سال', en: 'year', required: true },
  { key: 'month', fa: 'ماه', en: 'month', required: false },
  { key: 'flow', fa: 'جریان', en: 'flow', required: false },
  { key: 'code', fa: 'کد تعرفه', en: 'tariff code', required: true },
  { key: 'description', fa: 'شرح کالا', en: 'description', required: false },
  { key: 'partner', fa: 'کشور طرف معامله', en: 'partner country', required: true },
  { key: 'valueUsd', fa: 'ارزش دلاری', en: 'value (USD)', required: true },
  { key: 'weightKg', fa: 'وزن (کیلوگرم)', en: 'net weight (kg)', required: false },
  { key: 'weightTonnes', fa: 'وزن (تن)', en: 'net weight (tonnes)', required: false },
  { key: 'quantity', fa: 'مقدار', en: 'quantity', required: false },
  { key: 'unit', fa: 'واحد', en: 'unit', required: false },
] as const;

// Reports often print year and month as one period (1398/04), values in thousands or millions of
// dollars and weights in thousands of tonnes.
const OTHER_COLUMNS = {
  period: ['دوره', 'سال و ماه', 'period'],
  valueThousandUsd: ['ارزش (هزار دلار)', 'value (thousand USD)'],
  valueMillionUsd: ['ارزش (میلیون دلار)', 'value (million USD)'],
  weightThousandTonnes: ['وزن (هزار تن)', 'net weight (thousand tonnes)'],
} as const;
export type CustomsColumn = (typeof CUSTOMS_TEMPLATE)[number]['key'] | keyof typeof OTHER_COLUMNS;
const VALUE_COLUMNS = [
  ['valueUsd', 1],
  ['valueThousandUsd', 1e3],
  ['valueMillionUsd', 1e6],
] as const satisfies readonly (readonly [CustomsColumn, number])[];
const WEIGHT_COLUMNS = [
  ['weightKg', 1],
  ['weightTonnes', 1e3],
  ['weightThousandTonnes', 1e6],
] as const satisfies readonly (readonly [CustomsColumn, number])[];

// Headers that customs reports print for the same columns.
const OTHER_HEADERS: Partial<Record<CustomsColumn, readonly string[]>> = {
  flow: ['نوع تجارت', 'نوع جریان'],
  code: ['کد', 'تعرفه', 'code', 'HS code'],
  partner: ['کشور', 'کشور مقصد', 'کشور مبدا', 'کشور مبدأ', 'partner', 'country'],
  valueUsd: ['ارزش (دلار)', 'ارزش دلار', 'ارزش به دلار', 'value', 'value USD'],
  weightKg: ['وزن', 'وزن (کیلو)', 'وزن کیلوگرم', 'weight (kg)'],
  weightTonnes: ['وزن تن', 'weight (tonnes)', 'net weight (t)'],
};

const CUSTOMS_COLUMNS = Object.fromEntries([
  ...CUSTOMS_TEMPLATE.map(({ key, fa, en }) => [key, [fa, en, ...(OTHER_HEADERS[key] ?? [])]]),
  ...Object.entries(OTHER_COLUMNS),
]) as unknown as Record<CustomsColumn, readonly string[]>;

/** The columns of a customs table; it needs a flow column unless every row's flow is given. */
export const customsColumns = (header: readonly string[], options: Pick<CustomsOptions, 'flow'> = {}) =>
  findColumns(header, CUSTOMS_COLUMNS, [
    ...CUSTOMS_TEMPLATE.filter((c) => c.required && c.key !== 'year' && c.key !== 'valueUsd').map(
      (c) => c.key,
    ),
    ['year', 'period'],
    VALUE_COLUMNS.map(([key]) => key),
    ...(options.flow ? [] : (['flow'] as const)),
  ]);

/** The template's header row in one language, in the template's order. */
export const customsTemplateHeader = (lang: 'fa' | 'en'): string[] =>
  CUSTOMS_TEMPLATE.map((column) => column[lang]);

/** How a customs table is read. */
export interface CustomsOptions {
  asOf: string;
  /** The tariff book's HS edition the codes are of. */
  hsEdition: HsEdition;
  /** Whose customs: Iran's unless said. */
  reporter?: string;
  /** The flow of every row, for a table without a flow column. */
  flow?: Flow;
}

const FLOW_NAMES: Readonly<Record<string, Flow>> = Object.fromEntries(
  (
    [
      ['صادرات', 'export'],
      ['صادرات مجدد', 're-export'],
      ['صدور مجدد', 're-export'],
      ['واردات', 'import'],
      ['واردات مجدد', 're-import'],
      ['ورود مجدد', 're-import'],
      ['export', 'export'],
      ['import', 'import'],
      ['re-export', 're-export'],
      ['re-import', 're-import'],
    ] as const
  ).map(([name, flow]) => [normaliseText(name).replace(/[\s-]/g, ''), flow]),
);

const parseFlow = (text: string): Field<Flow> => {
  const flow = FLOW_NAMES[normaliseText(text).replace(/[\s-]/g, '')];
  return flow
    ? { value: flow }
    : {
        error: 'trade.flow_unknown',
        params: { accepted: 'صادرات، واردات، صدور مجدد، ورود مجدد (export, import, re-export, re-import)' },
      };
};

// A table's total rows write «جمع» where a code would be.
const TOTAL_WORDS = new Set(['جمع', 'جمع کل', 'کل', 'total'].map((w) => normaliseText(w)));
const parseCode = (text: string): Field<string> =>
  TOTAL_WORDS.has(normaliseText(text)) ? { value: ALL_CODES } : parseHsCode(text);

const parsePartner = (text: string): Field<string> => {
  const partner = partnerOf(text);
  return partner ? { value: partner } : { error: 'trade.country_unknown' };
};

const MONTH_NAMES = [
  'فروردین',
  'اردیبهشت',
  'خرداد',
  'تیر',
  'مرداد',
  'شهریور',
  'مهر',
  'آبان',
  'آذر',
  'دی',
  'بهمن',
  'اسفند',
].map((name) => normaliseText(name));

/** An Iranian month by its number or its name (فروردین … اسفند). */
const parseIranianMonth = (text: string): Field<number> => {
  const byName = MONTH_NAMES.indexOf(normaliseText(text));
  return byName >= 0 ? { value: byName + 1 } : parseMonth(text);
};

/** A year and month in separate columns; a row without a month is the whole year. */
const yearAndMonth = (r: RowReader<CustomsColumn>) => ({
  year: r.read('year', (text) => parseYear(text, 'iranian')),
  month: r.text('month') === '' ? null : r.read('month', parseIranianMonth),
});

/** A period of one column: 1398/04, 1398-4, 139804, or 1398 for the whole year; in any digits. */
const parsePeriod = (text: string): Field<{ year: number; month: number | null }> => {
  const match = /^(\d{4})(?:[/\-.](\d{1,2})|(\d{2}))?$/.exec(foldDigits(text).replace(/\s/g, ''));
  if (!match) return { error: 'trade.period_malformed' };
  const [, y = '', m = match[3]] = match;
  const year = parseYear(y, 'iranian');
  if (!('value' in year)) return year;
  if (m === undefined) return { value: { year: year.value, month: null } };
  const month = parseMonth(m);
  return 'value' in month ? { value: { year: year.value, month: month.value } } : month;
};

/**
 * The figure of the first of `columns` the row fills, in base units (dollars, kilograms), to a
 * thousandth so that 1.1 thousand is 1100 and not 1100.0000000000002. Undefined when none is filled.
 */
function scaledFigure(
  r: RowReader<CustomsColumn>,
  columns: readonly (readonly [CustomsColumn, number])[],
): number | null | undefined {
  const filled = columns.find(([key]) => r.text(key) !== '');
  if (!filled) return undefined;
  const [key, factor] = filled;
  const figure = r.read(key, parseAmount);
  return figure === null ? null : Math.round(figure * factor * 1e3) / 1e3;
}

/**
 * One row of a customs-style table as a trade cell of the Iranian calendar. A row without a month is the
 * whole year. In a table of year-to-date figures the cell's month is the last month its figure covers:
 * monthlyFromCumulative turns such cells into months.
 */
export function parseCustomsRow(
  columns: Columns<CustomsColumn>,
  fields: readonly string[],
  row: number,
  options: CustomsOptions,
): Parsed<TradeCell> {
  const r = new RowReader(columns, fields, row);
  const { year, month } = r.has('year')
    ? yearAndMonth(r)
    : (r.read('period', parsePeriod) ?? { year: null, month: null });
  const flow = r.text('flow') !== '' || !options.flow ? r.read('flow', parseFlow) : options.flow;
  const code = r.read('code', parseCode);
  const partner = r.read('partner', parsePartner);
  const valueUsd = scaledFigure(r, VALUE_COLUMNS);
  if (valueUsd === undefined) {
    const [key] = VALUE_COLUMNS.find(([column]) => r.has(column)) ?? VALUE_COLUMNS[0];
    r.fail(key, 'trade.value_missing');
  }
  const netWeightKg = scaledFigure(r, WEIGHT_COLUMNS) ?? null;
  const quantity = r.read('quantity', parseAmount);
  const unit = r.text('unit') || null;
  if (
    r.errors.length > 0 ||
    year === null ||
    flow === null ||
    code === null ||
    partner === null ||
    typeof valueUsd !== 'number'
  )
    return { ok: false, errors: r.errors };
  return {
    ok: true,
    value: {
      source: 'customs',
      asOf: options.asOf,
      calendar: 'iranian',
      year,
      month,
      frequency: month === null ? 'annual' : 'monthly',
      reporter: options.reporter ?? 'IRN',
      flow,
      partner,
      hsEdition: options.hsEdition,
      code,
      valueUsd,
      basis: basisOf(flow),
      netWeightKg,
      quantity: unit === null ? null : quantity,
      unit,
      status: 'reported',
    },
  };
}

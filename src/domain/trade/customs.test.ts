import { describe, expect, it } from 'vitest';
import { CUSTOMS_TEMPLATE, customsColumns, customsTemplateHeader, parseCustomsRow } from './customs.ts';

const FA_HEADER = [
  'سال',
  'ماه',
  'جریان',
  'کد تعرفه',
  'شرح کالا',
  'کشور طرف معامله',
  'ارزش دلاری',
  'وزن (کیلوگرم)',
];
const OPTIONS = { asOf: '2019-08-01', hsEdition: 'HS2017' } as const;

function parse(header: string[], fields: string[], options: { flow?: 'export' } = {}) {
  const found = customsColumns(header, options);
  if (!found.ok) throw new Error(JSON.stringify(found.errors));
  return parseCustomsRow(found.columns, fields, 3, { ...OPTIONS, ...options });
}

describe('customs tables in Persian', () => {
  it('give an export cell of the Iranian calendar from Persian digits and separators', () => {
    const parsed = parse(FA_HEADER, [
      '۱۳۹۸',
      '۴',
      'صادرات',
      '۷۲۰۷۱۲۱۰',
      'شمش فولادی',
      'عراق',
      '۱۲٬۵۰۰٬۰۰۰',
      '۲۵٬۰۰۰٬۰۰۰',
    ]);
    expect(parsed).toEqual({
      ok: true,
      value: {
        source: 'customs',
        asOf: '2019-08-01',
        calendar: 'iranian',
        year: 1398,
        month: 4,
        frequency: 'monthly',
        reporter: 'IRN',
        flow: 'export',
        partner: 'IRQ',
        hsEdition: 'HS2017',
        code: '72071210',
        valueUsd: 12_500_000,
        basis: 'FOB',
        netWeightKg: 25_000_000,
        quantity: null,
        unit: null,
        status: 'reported',
      },
    });
  });

  it('read the English headers of the template, in any order, weight in tonnes, partner by ISO code', () => {
    const header = ['net weight (tonnes)', 'partner country', 'tariff code', 'value (USD)', 'year', 'flow'];
    const parsed = parse(header, ['1.1', 'CN', '26011100', '88,000', '1398', 'export']);
    expect(
      parsed.ok && [
        parsed.value.netWeightKg,
        parsed.value.partner,
        parsed.value.valueUsd,
        parsed.value.month,
      ],
    ).toEqual([1100, 'CHN', 88_000, null]);
  });

  it('read a total row of the table as the total over all goods and partners', () => {
    const parsed = parse(FA_HEADER, ['۱۳۹۸', '۲', 'صادرات', 'جمع کل', '', 'جهان', '۳٬۲۰۰٬۰۰۰٬۰۰۰', '']);
    expect(parsed.ok && [parsed.value.code, parsed.value.partner, parsed.value.valueUsd]).toEqual([
      'TOTAL',
      'W00',
      3_200_000_000,
    ]);
  });

  it('read year and month from one period column', () => {
    const periodOf = (period: string) => {
      const parsed = parse(['دوره', 'کد تعرفه', 'کشور', 'ارزش دلاری'], [period, '2601', 'چین', '1'], {
        flow: 'export',
      });
      return parsed.ok ? [parsed.value.year, parsed.value.month] : parsed.errors.map((e) => e.key);
    };
    expect(['۱۳۹۸/۰۴', '1398-4', '139812', '1398', '1398/13', '98/04'].map(periodOf)).toEqual([
      [1398, 4],
      [1398, 4],
      [1398, 12],
      [1398, null],
      ['trade.month_malformed'],
      ['trade.period_malformed'],
    ]);
  });

  it('read a month by its Persian name', () => {
    const monthOf = (month: string) => {
      const parsed = parse(FA_HEADER, ['1398', month, 'صادرات', '72071210', '', 'عراق', '1', '1']);
      return parsed.ok ? parsed.value.month : parsed.errors[0]?.key;
    };
    expect(['فروردین', 'مهر', 'اسفند', '۱۲', 'ژانویه'].map(monthOf)).toEqual([
      1,
      7,
      12,
      12,
      'trade.month_malformed',
    ]);
  });

  it('read values in thousands or millions of dollars and weights in thousands of tonnes', () => {
    const header = ['سال', 'کد تعرفه', 'کشور', 'ارزش (میلیون دلار)', 'وزن (هزار تن)'];
    const parsed = parse(header, ['1398', '2601', 'چین', '۱٫۱', '۲۵٫۵'], { flow: 'export' });
    expect(parsed.ok && [parsed.value.valueUsd, parsed.value.netWeightKg]).toEqual([1_100_000, 25_500_000]);
    const thousands = parse(
      ['سال', 'کد تعرفه', 'کشور', 'ارزش (هزار دلار)'],
      ['1398', '2601', 'چین', '۸۷٬۵'],
      { flow: 'export' },
    );
    expect(thousands.ok ? thousands.value.valueUsd : thousands.errors.map((e) => e.key)).toEqual([
      'trade.number_malformed',
    ]);
    expect(customsColumns(['سال', 'کد تعرفه', 'کشور'], { flow: 'export' }).ok).toBe(false);
  });

  it('write every template column in both languages', () => {
    for (const column of CUSTOMS_TEMPLATE) {
      expect(column.fa).toMatch(/[\u0600-\u06FF]/);
      expect(column.en).toMatch(/^[a-z (A-Z)]+$/);
    }
    expect(customsTemplateHeader('en').slice(0, 4)).toEqual(['year', 'month', 'flow', 'tariff code']);
    const english = customsColumns(customsTemplateHeader('en'));
    const persian = customsColumns(customsTemplateHeader('fa'));
    expect(english.ok && persian.ok).toBe(true);
  });

  it('take the flow of every row from the import when the table has no flow column', () => {
    const header = FA_HEADER.filter((h) => h !== 'جریان');
    const withoutFlow = customsColumns(header);
    expect(withoutFlow.ok ? [] : withoutFlow.errors.map((e) => [e.row, e.column, e.key])).toEqual([
      [1, 'جریان / flow', 'trade.column_missing'],
    ]);
    const parsed = parse(header, ['1398', '12', '72071210', '', 'ترکیه', '100', ''], { flow: 'export' });
    expect(parsed.ok && [parsed.value.flow, parsed.value.partner, parsed.value.netWeightKg]).toEqual([
      'export',
      'TUR',
      null,
    ]);
  });

  it('read re-exports and re-imports by their Persian names', () => {
    const flowOf = (flow: string) => {
      const parsed = parse(FA_HEADER, ['1398', '1', flow, '72071210', '', 'عراق', '1', '1']);
      return parsed.ok ? parsed.value.flow : parsed.errors[0]?.key;
    };
    expect(['صادرات', 'واردات', 'صدور مجدد', 'ورود مجدد', 'ترانزیت'].map(flowOf)).toEqual([
      'export',
      'import',
      're-export',
      're-import',
      'trade.flow_unknown',
    ]);
  });

  it('report each bad field with its row, column as written and value', () => {
    const parsed = parse(FA_HEADER, ['۹۸', '۱۳', 'صادرات', '۷۷۰۱', '', 'نارنیا', '', '-۵']);
    expect(parsed.ok ? [] : parsed.errors.map((e) => [e.row, e.column, e.value, e.key])).toEqual([
      [3, 'سال', '۹۸', 'trade.year_malformed'],
      [3, 'ماه', '۱۳', 'trade.month_malformed'],
      [3, 'کد تعرفه', '۷۷۰۱', 'trade.code_malformed'],
      [3, 'کشور طرف معامله', 'نارنیا', 'trade.country_unknown'],
      [3, 'ارزش دلاری', '', 'trade.value_missing'],
      [3, 'وزن (کیلوگرم)', '-۵', 'trade.number_negative'],
    ]);
  });
});

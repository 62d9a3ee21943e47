import { describe, expect, it } from 'vitest';
import { rowParserFor } from './formats.ts';

const AS_OF = '2020-07-01';

describe('a trade file', () => {
  it('from Comtrade is read in today’s format or the older one, as its header says', () => {
    const current = rowParserFor(
      [
        'freqCode',
        'refYear',
        'refMonth',
        'reporterISO',
        'flowCode',
        'partnerISO',
        'classificationCode',
        'cmdCode',
        'primaryValue',
      ],
      { source: 'comtrade', asOf: AS_OF },
    );
    expect(current.ok && current.parser.format).toBe('comtrade');
    const parsed = current.ok
      ? current.parser.parse(['M', '2019', '5', 'IRN', 'X', 'IRQ', 'H5', '7207', '1000'], 2)
      : null;
    expect(parsed?.ok && [parsed.value.month, parsed.value.partner, parsed.value.valueUsd]).toEqual([
      5,
      'IRQ',
      1000,
    ]);

    const legacy = rowParserFor(
      [
        '\uFEFFClassification',
        'Period',
        'Trade Flow Code',
        'Reporter ISO',
        'Partner ISO',
        'Commodity Code',
        'Trade Value (US$)',
      ],
      { source: 'comtrade', asOf: AS_OF },
    );
    expect(legacy.ok && legacy.parser.format).toBe('comtrade-legacy');
    const old = legacy.ok ? legacy.parser.parse(['H4', '2017', '2', 'IRN', 'WLD', '7207', '1800'], 2) : null;
    expect(old?.ok && [old.value.year, old.value.partner, old.value.flow]).toEqual([2017, 'W00', 'export']);
  });

  it('from customs is read by the template, or refused with the columns it lacks', () => {
    const customs = rowParserFor(['سال', 'کد تعرفه', 'کشور', 'ارزش دلاری'], {
      source: 'customs',
      asOf: AS_OF,
      hsEdition: 'HS2017',
      flow: 'export',
    });
    expect(customs.ok && customs.parser.format).toBe('customs');
    const refused = rowParserFor(['سال', 'کشور'], { source: 'customs', asOf: AS_OF, hsEdition: 'HS2017' });
    expect(refused.ok ? [] : refused.errors.map((e) => e.column)).toEqual([
      'کد تعرفه / tariff code',
      'ارزش دلاری / value (USD)',
      'جریان / flow',
    ]);
  });
});

import type { TradeCell } from './cell.ts';
import { type ComtradeOptions, currentComtradeColumns, parseCurrentComtradeRow } from './comtrade.ts';
import { legacyComtradeColumns, parseLegacyComtradeRow } from './comtrade-legacy.ts';
import { type CustomsOptions, customsColumns, parseCustomsRow } from './customs.ts';
import type { FieldError, Parsed } from './problems.ts';

export type TradeFormat = 'comtrade' | 'comtrade-legacy' | 'customs';

/** A file's rows, read in the format its header says. */
export interface RowParser {
  format: TradeFormat;
  /** One row's fields as a cell; `row` is its line in the file, the header being line 1. */
  parse(fields: readonly string[], row: number): Parsed<TradeCell>;
}

export type SourceOptions =
  | ({ source: 'comtrade' } & ComtradeOptions)
  | ({ source: 'customs' } & CustomsOptions);

const headerHas = (header: readonly string[], name: string) =>
  header.some(
    (h) =>
      h
        .replace(/^\uFEFF/, '')
        .trim()
        .toLowerCase() === name.toLowerCase(),
  );

/**
 * The parser of a file from its header: a Comtrade file is of today's format when it has cmdCode, of
 * the older one when it has «Commodity Code»; a customs file has one format. Or what the header lacks.
 */
export function rowParserFor(
  header: readonly string[],
  options: SourceOptions,
): { ok: true; parser: RowParser } | { ok: false; errors: FieldError[] } {
  if (options.source === 'customs') {
    const found = customsColumns(header, options);
    if (!found.ok) return found;
    return {
      ok: true,
      parser: { format: 'customs', parse: (f, row) => parseCustomsRow(found.columns, f, row, options) },
    };
  }
  if (headerHas(header, 'Commodity Code') && !headerHas(header, 'cmdCode')) {
    const found = legacyComtradeColumns(header);
    if (!found.ok) return found;
    return {
      ok: true,
      parser: {
        format: 'comtrade-legacy',
        parse: (f, row) => parseLegacyComtradeRow(found.columns, f, row, options),
      },
    };
  }
  const found = currentComtradeColumns(header);
  if (!found.ok) return found;
  return {
    ok: true,
    parser: {
      format: 'comtrade',
      parse: (f, row) => parseCurrentComtradeRow(found.columns, f, row, options),
    },
  };
}

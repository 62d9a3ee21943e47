import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { type CsvRecord, csvRecords, decodedLines } from './csv.ts';

async function* counted(bytes: AsyncIterable<Buffer>, onBytes: (n: number) => void) {
  for await (const chunk of bytes) {
    onBytes(chunk.length);
    yield chunk;
  }
}

/**
 * Records of a CSV (UTF-8, with or without BOM, comma or semicolon) or the first sheet of an .xlsx,
 * read as a stream; `onBytes` hears how much of the file has been read, for progress.
 */
export async function* recordsOf(
  path: string,
  onBytes: (n: number) => void = () => {},
): AsyncGenerator<CsvRecord> {
  const bytes = counted(createReadStream(path), onBytes);
  if (!path.toLowerCase().endsWith('.xlsx')) {
    yield* csvRecords(decodedLines(bytes));
    return;
  }
  // Loaded for a workbook only: exceljs takes about 20 MB and a few tenths of a second to load.
  const { default: ExcelJS } = await import('exceljs');
  // Cells hold indexes into the workbook's shared-strings table, so that table is kept while rows stream.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
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

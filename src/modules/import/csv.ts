/** Reading RFC 4180 CSV records from lines that may each be badly encoded. */
import { BOM } from '../../domain/csv.ts';

export type CsvRecord = { line: number; fields: string[]; problem?: 'quoting' | 'encoding' };

/**
 * Splits bytes into lines at LF (a byte no UTF-8 or single-byte code page uses otherwise) and decodes
 * each strictly, so one line in the wrong encoding is reported and the rest still read.
 */
export async function* decodedLines(
  bytes: AsyncIterable<Uint8Array>,
): AsyncGenerator<{ text: string; bad: boolean }> {
  const strict = new TextDecoder('utf-8', { fatal: true });
  const lenient = new TextDecoder('utf-8');
  let rest = new Uint8Array(0);
  const decode = (b: Uint8Array) => {
    try {
      return { text: strict.decode(b), bad: false };
    } catch {
      return { text: lenient.decode(b), bad: true };
    }
  };
  for await (const chunk of bytes) {
    const buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, start)) {
      yield decode(buf.subarray(start, i + 1));
      start = i + 1;
    }
    rest = buf.slice(start);
  }
  if (rest.length) yield decode(rest);
}

/** The delimiter a header line uses: whichever of comma and semicolon appears more outside quotes. */
export function detectDelimiter(header: string): ',' | ';' {
  const bare = header.replace(/"[^"]*"/g, '');
  return (bare.match(/;/g)?.length ?? 0) > (bare.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/**
 * Records from lines; a quoted field may span lines. A record with a stray or unclosed quote is
 * returned with `problem: 'quoting'` and reading resumes at the next line.
 */
export async function* csvRecords(
  lines: AsyncIterable<{ text: string; bad: boolean }>,
): AsyncGenerator<CsvRecord> {
  let delimiter: string | undefined;
  let lineNo = 0;
  let record: CsvRecord | null = null;
  let field = '';
  let inQuotes = false;
  let afterQuote = false;
  for await (const { text: raw, bad } of lines) {
    lineNo++;
    const text = lineNo === 1 && raw.startsWith(BOM) ? raw.slice(1) : raw;
    delimiter ??= detectDelimiter(text);
    if (!record) {
      if (!inQuotes && text.trim() === '') continue;
      record = { line: lineNo, fields: [] };
      field = '';
      afterQuote = false;
    }
    if (bad) record.problem = 'encoding';
    let broken = false;
    for (let i = 0; i < text.length && !broken; i++) {
      const ch = text[i] as string;
      if (inQuotes) {
        if (ch !== '"') field += ch;
        else if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
          afterQuote = true;
        }
      } else if (ch === delimiter) {
        record.fields.push(field);
        field = '';
        afterQuote = false;
      } else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
        break;
      } else if (ch === '"' && field === '' && !afterQuote) {
        inQuotes = true;
      } else if (ch === '"' || afterQuote) {
        broken = true;
      } else field += ch;
    }
    if (broken) {
      record.fields.push(field);
      yield { ...record, problem: 'quoting' };
      record = null;
      inQuotes = false;
      continue;
    }
    if (inQuotes) continue;
    record.fields.push(field);
    yield record;
    record = null;
  }
  if (record) {
    record.fields.push(field);
    yield { ...record, problem: 'quoting' };
  }
}

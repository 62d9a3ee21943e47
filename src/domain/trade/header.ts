import { normaliseText } from '../persian.ts';
import type { Field } from './fields.ts';
import type { FieldError } from './problems.ts';

/** A header name as it is matched: case, spaces, joiners and the BOM do not matter. */
const headerKey = (name: string) => normaliseText(name.replace(/^\uFEFF/, '')).replace(/\s+/g, '');

/** Where each column a format reads is, and each column's name as the file writes it. */
export interface Columns<K extends string> {
  index: Partial<Record<K, number>>;
  names: Partial<Record<K, string>>;
}

/**
 * The columns of a header, found by name (one or more accepted names each), so that new columns and a
 * new order change nothing. Each required entry is a column, or a list of columns one of which must be
 * there. A missing required column or a column written twice is an error of line 1.
 */
export function findColumns<K extends string>(
  header: readonly string[],
  accepted: Readonly<Record<K, readonly string[]>>,
  required: readonly (NoInfer<K> | readonly NoInfer<K>[])[],
): { ok: true; columns: Columns<K> } | { ok: false; errors: FieldError[] } {
  const columns: Columns<K> = { index: {}, names: {} };
  const errors: FieldError[] = [];
  const keyOf = new Map<string, K>();
  for (const [key, names] of Object.entries(accepted) as [K, readonly string[]][])
    for (const name of names) keyOf.set(headerKey(name), key);
  header.forEach((name, i) => {
    const key = keyOf.get(headerKey(name));
    if (key === undefined) return;
    if (columns.index[key] !== undefined)
      errors.push({
        row: 1,
        column: name,
        value: name,
        key: 'trade.column_repeated',
        params: { column: name },
      });
    columns.index[key] = i;
    columns.names[key] = name.replace(/^\uFEFF/, '').trim();
  });
  for (const entry of required) {
    const alternatives: readonly K[] = typeof entry === 'string' ? [entry] : entry;
    if (alternatives.some((key) => columns.index[key] !== undefined)) continue;
    const first = alternatives[0] as K;
    // A template's column is named in both its languages: «جریان / flow».
    const column = accepted[first].slice(0, 2).join(' / ') || first;
    errors.push({ row: 1, column, value: '', key: 'trade.column_missing', params: { column } });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, columns };
}

/** Reads the fields of one row by column, collecting the errors of the row as it goes. */
export class RowReader<K extends string> {
  readonly errors: FieldError[] = [];

  constructor(
    private readonly columns: Columns<K>,
    private readonly fields: readonly string[],
    readonly row: number,
  ) {}

  has(key: K): boolean {
    return this.columns.index[key] !== undefined;
  }

  /** The field trimmed, '' when the column is absent or the field empty. */
  text(key: K): string {
    const i = this.columns.index[key];
    return i === undefined ? '' : (this.fields[i] ?? '').trim();
  }

  /** The field read by `parse`; null (and an error recorded) when it cannot be read. */
  read<T>(key: K, parse: (text: string) => Field<T>): T | null {
    const field = parse(this.text(key));
    if ('value' in field) return field.value;
    this.fail(key, field.error, field.params);
    return null;
  }

  fail(key: K, message: FieldError['key'], params?: FieldError['params']): void {
    const column = this.columns.names[key] ?? key;
    this.errors.push({
      row: this.row,
      column,
      value: this.text(key),
      key: message,
      ...(params && { params }),
    });
  }
}

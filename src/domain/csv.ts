/** Writing RFC 4180 CSV: the open-data files, and an import's templates and errors files. */

/** Leads a CSV, so that Excel reads it as UTF-8. */
export const BOM = '\uFEFF';

function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const csvLine = (fields: readonly unknown[]) => `${fields.map(csvField).join(',')}\r\n`;

import { fail } from '../../errors.ts';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a database listing goes on: the sort key and id of the last product of the page before. */
export const encodeCursor = (key: string, id: string) =>
  Buffer.from(JSON.stringify([key, id])).toString('base64url');

function readCursor(cursor: string): { key: string; id: string } | null {
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, string];
    if (typeof key === 'string' && !Number.isNaN(Date.parse(key)) && UUID.test(id)) return { key, id };
  } catch {}
  return null;
}

export const decodeCursor = (cursor: string) =>
  readCursor(cursor) ?? fail('validation', { fields: [{ field: 'cursor', key: 'field.invalid' }] });

/** Whether a cursor is one this module's database lists hand out (the search index has its own). */
export const isListCursor = (cursor: string) => readCursor(cursor) !== null;

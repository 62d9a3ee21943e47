import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

export type ImportKey = { scopeId: string; ref: string };
export const importKey = (k: ImportKey) => `${k.scopeId}:${k.ref}`;

/**
 * Which of these references were imported, keyed `scopeId:ref`: true for those imported at or after
 * `since` (a moment of the database's clock, kept as text to keep its microseconds).
 */
export async function importedRefs(
  db: Kysely<DB>,
  kind: 'producer' | 'product',
  keys: ImportKey[],
  since: string,
) {
  if (!keys.length) return new Map<string, boolean>();
  const rows = await db
    .selectFrom('import_refs')
    .select(['scope_id', 'ref', sql<boolean>`imported_at >= ${since}::timestamptz`.as('since')])
    .where('kind', '=', kind)
    .where('scope_id', 'in', [...new Set(keys.map((k) => k.scopeId))])
    .where(
      'ref',
      'in',
      keys.map((k) => k.ref),
    )
    .execute();
  return new Map(rows.map((r) => [importKey({ scopeId: r.scope_id, ref: r.ref }), r.since]));
}

/** Records imported references; one already there (another import at the same time) fails the batch. */
export const saveImportRefs = (
  db: Kysely<DB>,
  kind: 'producer' | 'product',
  rows: (ImportKey & { subjectId: string })[],
) =>
  rows.length
    ? db
        .insertInto('import_refs')
        .values(rows.map((r) => ({ kind, scope_id: r.scopeId, ref: r.ref, subject_id: r.subjectId })))
        .execute()
    : Promise.resolve();

/** Now, by the database's clock that stamps import_refs.imported_at. */
export async function databaseNow(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ now: string }>`SELECT now()::text AS now`.execute(db);
  const now = rows[0]?.now;
  if (!now) throw new Error('the database did not say what time it is');
  return now;
}

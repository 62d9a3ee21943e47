import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** One file of one day's snapshot. */
export interface SnapshotKey {
  day: string;
  file: string;
  format: string;
}

// As text: the drivers would read a date as midnight in the process's time zone.
const day = sql<string>`opendata_snapshots.day::text`.as('day');

/** Makes sure the day has its row, so that the process taking its snapshot can lock it. */
export const ensureDay = (db: Kysely<DB>, d: string) =>
  db
    .insertInto('opendata_snapshots')
    .values({ day: d })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();

export async function isTaken(db: Kysely<DB>, d: string): Promise<boolean> {
  const row = await db
    .selectFrom('opendata_snapshots')
    .select('day')
    .where('day', '=', d)
    .where('taken_at', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Locks the day's row for this transaction if its snapshot is not taken and no other process holds
 * it. The lock is the claim: it ends with the transaction, so a claimant that dies frees the day.
 */
export async function claimDay(trx: Kysely<DB>, d: string): Promise<boolean> {
  const row = await trx
    .selectFrom('opendata_snapshots')
    .select('day')
    .where('day', '=', d)
    .where('taken_at', 'is', null)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  return row !== undefined;
}

/** A claimant that stops talking (its host gone) loses its claim after this, instead of never. */
export const endClaimIfSilentFor = (trx: Kysely<DB>, minutes: number) =>
  sql`SELECT set_config('idle_in_transaction_session_timeout', ${`${minutes}min`}, true)`.execute(trx);

export const saveChunk = (db: Kysely<DB>, key: SnapshotKey, seq: number, data: Uint8Array) =>
  db
    .insertInto('opendata_snapshot_chunks')
    .values({ ...key, seq, data })
    .execute();

export const saveFile = (
  db: Kysely<DB>,
  file: SnapshotKey & { sha256: Uint8Array; bytes: number; rows: number; seconds: number },
) => db.insertInto('opendata_snapshot_files').values(file).execute();

export const markTaken = (db: Kysely<DB>, d: string, logSize: number, takenAt: Date, seconds: number) =>
  db
    .updateTable('opendata_snapshots')
    .set({ log_size: logSize, taken_at: takenAt, seconds })
    .where('day', '=', d)
    .execute();

/** Deletes the bytes of the days before `first`; their digests stay. */
export const dropChunksBefore = (db: Kysely<DB>, first: string) =>
  db.deleteFrom('opendata_snapshot_chunks').where('day', '<', first).execute();

/** Up to `limit` days with a snapshot taken, before `before` if given, newest first. */
export async function takenDays(db: Kysely<DB>, before: string | undefined, limit: number) {
  let q = db
    .selectFrom('opendata_snapshots')
    .select(day)
    .where('taken_at', 'is not', null)
    .orderBy('opendata_snapshots.day', 'desc')
    .limit(limit);
  if (before) q = q.where('opendata_snapshots.day', '<', before);
  return (await q.execute()).map((r) => r.day);
}

/** The files of these days' snapshots, each with whether its bytes are still kept. */
export const filesOf = (db: Kysely<DB>, days: string[]) =>
  days.length
    ? db
        .selectFrom('opendata_snapshot_files as f')
        .innerJoin('opendata_snapshots', 'opendata_snapshots.day', 'f.day')
        .select([
          day,
          'f.file',
          'f.format',
          'f.sha256',
          'f.bytes',
          'f.rows',
          'f.seconds',
          'opendata_snapshots.log_size',
          'opendata_snapshots.taken_at',
          (eb) =>
            eb
              .exists(
                eb
                  .selectFrom('opendata_snapshot_chunks as c')
                  .select('c.seq')
                  .whereRef('c.day', '=', 'f.day')
                  .whereRef('c.file', '=', 'f.file')
                  .whereRef('c.format', '=', 'f.format')
                  .where('c.seq', '=', 0),
              )
              .as('kept'),
        ])
        .where('f.day', 'in', days)
        .orderBy('f.day', 'desc')
        .execute()
    : Promise.resolve([]);

export const chunk = async (db: Kysely<DB>, key: SnapshotKey, seq: number) =>
  (
    await db
      .selectFrom('opendata_snapshot_chunks')
      .select('data')
      .where('day', '=', key.day)
      .where('file', '=', key.file)
      .where('format', '=', key.format)
      .where('seq', '=', seq)
      .executeTakeFirst()
  )?.data;

import type { Kysely } from 'kysely';
import type { DB, IdempotencyKeysTable } from '../../db/schema.ts';

export type Kind = IdempotencyKeysTable['kind'];
export interface Scope {
  userId: string;
  kind: Kind;
  key: string;
}

export const find = (db: Kysely<DB>, s: Scope) =>
  db
    .selectFrom('idempotency_keys')
    .select('subject_id')
    .where('user_id', '=', s.userId)
    .where('kind', '=', s.kind)
    .where('key', '=', s.key)
    .executeTakeFirst();

export const insert = (db: Kysely<DB>, s: Scope, subjectId: string) =>
  db
    .insertInto('idempotency_keys')
    .values({ user_id: s.userId, kind: s.kind, key: s.key, subject_id: subjectId })
    .execute();

export const deleteOlderThan = (db: Kysely<DB>, at: Date) =>
  db.deleteFrom('idempotency_keys').where('created_at', '<', at).execute();

import type { Ctx } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import * as repo from './repo.ts';

/** How long a key is remembered: a retry comes within seconds, Back and Save again within the day. */
export const KEY_LIFETIME_MS = 24 * 3_600_000;

/** A create under a key: made now, or made by an earlier request that carried the same key. */
export type Once<T, E> = { made: T; earlier?: undefined } | { made?: undefined; earlier: E };

/**
 * Runs a create once per key and account: the key is recorded in the create's own transaction, so a
 * create that fails records nothing, and of two sent at once the second waits on the first and finds
 * what it made. Without a key, the create simply runs.
 */
export async function once<T extends { id: string }, E>(
  ctx: Ctx,
  scope: Omit<repo.Scope, 'key'> & { key?: string },
  make: (tx: Ctx) => Promise<T>,
  earlier: (id: string) => Promise<E>,
): Promise<Once<T, E>> {
  const { key } = scope;
  const keyed = key ? { ...scope, key } : undefined;
  const seen = keyed && (await repo.find(ctx.db, keyed));
  if (seen) return { earlier: await earlier(seen.subject_id) };
  try {
    const made = await ctx.db.transaction().execute(async (db) => {
      const value = await make({ ...ctx, db });
      if (keyed) await repo.insert(db, keyed, value.id);
      return value;
    });
    return { made };
  } catch (err) {
    const raced = keyed && isUniqueViolation(err) && (await repo.find(ctx.db, keyed));
    if (raced) return { earlier: await earlier(raced.subject_id) };
    throw err;
  }
}

export const pruneKeys = (ctx: Ctx) =>
  repo.deleteOlderThan(ctx.db, new Date(ctx.now().getTime() - KEY_LIFETIME_MS));

import { AppError } from '../../errors.ts';
import type { Ctx, User } from '../../http/context.ts';
import type { ProducerFields } from '../producers/schema.ts';
import * as producers from '../producers/service.ts';
import type { NewProduct } from '../products/schema.ts';
import * as products from '../products/service.ts';
import * as repo from './repo.ts';
import type { ImportKind } from './schema.ts';

/** A checked row waiting for its batch: its line, its reference within its scope, and the service input. */
export interface Row {
  row: number;
  ref: string;
  /** The account for units (they have no unit yet), the unit for products. */
  scopeId: string;
  input: unknown;
  values: Record<string, string>;
}

/** What became of a row: an AppError is the services' answer to a row they refused. */
export type Outcome = 'created' | 'unchanged' | 'repeated' | AppError;

interface BatchOptions {
  submit: boolean;
  /** When this import started, by the database's clock: a reference imported since came earlier in the file. */
  since: string;
}

/**
 * Commits a batch in one transaction: drafts (or submissions), their events and log leaves, and the
 * references that make the import idempotent. When a service refuses a row by throwing, that
 * transaction is rolled back and each row of the batch is committed in a transaction of its own, to
 * tell which one it was.
 */
export async function commitBatch(
  ctx: Ctx,
  user: User,
  kind: ImportKind,
  batch: Row[],
  opts: BatchOptions,
): Promise<Outcome[]> {
  if (!batch.length) return [];
  const write = (rows: Row[]) =>
    ctx.db.transaction().execute((db) => writeRows({ ...ctx, db }, user, kind, rows, opts));
  try {
    return await write(batch);
  } catch (err) {
    if (!isRefusal(err)) throw err;
  }
  const outcomes: Outcome[] = [];
  for (const row of batch) {
    try {
      outcomes.push(...(await write([row])));
    } catch (err) {
      if (!isRefusal(err)) throw err;
      outcomes.push(err);
    }
  }
  return outcomes;
}

const isRefusal = (err: unknown): err is AppError => err instanceof AppError && err.status < 500;

async function writeRows(tx: Ctx, user: User, kind: ImportKind, rows: Row[], opts: BatchOptions) {
  const subjectKind = kind === 'units' ? 'producer' : 'product';
  const imported = await repo.importedRefs(tx.db, subjectKind, rows, opts.since);
  const fresh = rows.filter((row) => !imported.has(repo.importKey(row)));
  const made = await createAll(tx, user, kind, fresh, opts.submit);
  await repo.saveImportRefs(
    tx.db,
    subjectKind,
    fresh.flatMap((row, i) => (typeof made[i] === 'string' ? [{ ...row, subjectId: made[i] }] : [])),
  );
  const madeOf = new Map(fresh.map((row, i) => [row, made[i] as string | AppError]));
  return rows.map((row): Outcome => {
    const sinceStart = imported.get(repo.importKey(row));
    if (sinceStart !== undefined) return sinceStart ? 'repeated' : 'unchanged';
    const made = madeOf.get(row);
    return typeof made === 'string' ? 'created' : (made as AppError);
  });
}

/**
 * The new subjects' ids, or the services' refusal of a row. Products go through the set-based
 * service, which refuses a row alone; a unit refused (its national ID taken, say) stops the batch.
 */
async function createAll(tx: Ctx, user: User, kind: ImportKind, rows: Row[], submit: boolean) {
  if (kind === 'products') {
    const made = await products.createManyIn(
      tx,
      user,
      rows.map((r) => r.input as NewProduct),
      { submit },
    );
    return made.map((p) => (p instanceof AppError ? p : p.id));
  }
  const ids: string[] = [];
  for (const row of rows) {
    const unit = await producers.registerIn(tx, user, row.input as ProducerFields);
    if (submit) await producers.moveIn(tx, user, unit.id, 'submit');
    ids.push(unit.id);
  }
  return ids;
}

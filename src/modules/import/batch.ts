import { setImmediate } from 'node:timers/promises';
import type { Ctx, User } from '../../context.ts';
import { AppError } from '../../errors.ts';
import type { ProducerFields } from '../producers/schema.ts';
import * as producers from '../producers/service.ts';
import type { NewProduct } from '../products/schema.ts';
import type { PreparedProduct } from '../products/service.ts';
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
 * A batch with the work that needs no transaction done: the products of the rows not imported before
 * are built, with their events and leaves (products.prepareMany). Units have none.
 */
export interface PreparedBatch {
  rows: Row[];
  products: Map<Row, PreparedProduct>;
}

/**
 * Prepares a batch outside any transaction, so that an import can do it while the database writes the
 * previous batch. Rows already imported, as far as can be seen now, are skipped: a file imported
 * again is not hashed again. The transaction reads the references again and decides.
 */
export async function prepareBatch(
  ctx: Ctx,
  user: User,
  kind: ImportKind,
  rows: Row[],
  opts: BatchOptions,
): Promise<PreparedBatch> {
  if (kind === 'units' || !rows.length) return { rows, products: new Map() };
  const imported = await repo.importedRefs(ctx.db, 'product', rows, opts.since);
  const fresh = rows.filter((row) => !imported.has(repo.importKey(row)));
  const products = new Map<Row, PreparedProduct>();
  for (let i = 0; i < fresh.length; i += ROWS_PER_TURN) {
    for (const [row, made] of prepareProducts(ctx, user, fresh.slice(i, i + ROWS_PER_TURN), opts.submit))
      products.set(row, made);
    await setImmediate();
  }
  return { rows, products };
}

/**
 * Rows read, checked or prepared between two turns of the event loop (a few milliseconds of work), so
 * that the batch being written sends its next statement soon after the database answers the last.
 */
export const ROWS_PER_TURN = 50;

function prepareProducts(ctx: Ctx, user: User, rows: Row[], submit: boolean) {
  const prepared = products.prepareMany(
    user,
    rows.map((row) => row.input as NewProduct),
    { submit, at: ctx.now() },
  );
  return new Map(rows.map((row, i) => [row, prepared[i] as PreparedProduct]));
}

/**
 * Commits a prepared batch in one transaction: drafts (or submissions), their events and log leaves,
 * and the references that make the import idempotent. When a service refuses a row by throwing, that
 * transaction is rolled back and each row of the batch is committed in a transaction of its own, to
 * tell which one it was.
 */
export async function commitBatch(
  ctx: Ctx,
  user: User,
  kind: ImportKind,
  batch: PreparedBatch,
  opts: BatchOptions,
): Promise<Outcome[]> {
  if (!batch.rows.length) return [];
  const write = (rows: Row[]) =>
    ctx.db
      .transaction()
      .execute((db) => writeRows({ ...ctx, db }, user, kind, { rows, products: batch.products }, opts));
  try {
    return await write(batch.rows);
  } catch (err) {
    if (!isRefusal(err)) throw err;
  }
  const outcomes: Outcome[] = [];
  for (const row of batch.rows) {
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

/** What the references of an import's rows name, in `import_refs`. */
export const subjectKindOf = (kind: ImportKind) => (kind === 'units' ? 'producer' : 'product');

async function writeRows(tx: Ctx, user: User, kind: ImportKind, batch: PreparedBatch, opts: BatchOptions) {
  const subjectKind = subjectKindOf(kind);
  const imported = await repo.importedRefs(tx.db, subjectKind, batch.rows, opts.since);
  const fresh = batch.rows.filter((row) => !imported.has(repo.importKey(row)));
  const made = await createAll(tx, user, kind, { rows: fresh, products: batch.products }, opts.submit);
  await repo.saveImportRefs(
    tx.db,
    subjectKind,
    fresh.flatMap((row, i) => (typeof made[i] === 'string' ? [{ ...row, subjectId: made[i] }] : [])),
  );
  const madeOf = new Map(fresh.map((row, i) => [row, made[i] as string | AppError]));
  return batch.rows.map((row): Outcome => {
    const sinceStart = imported.get(repo.importKey(row));
    if (sinceStart !== undefined) return sinceStart ? 'repeated' : 'unchanged';
    const made = madeOf.get(row);
    return typeof made === 'string' ? 'created' : (made as AppError);
  });
}

/**
 * The new subjects' ids, or the services' refusal of a row. Products go through the set-based
 * service, which refuses a row alone (a row whose reference was seen when its batch was prepared and
 * is gone now, deleted by hand, is prepared here); a unit refused (its national ID taken, say) stops
 * the batch.
 */
async function createAll(tx: Ctx, user: User, kind: ImportKind, batch: PreparedBatch, submit: boolean) {
  if (kind === 'products') {
    const unprepared = prepareProducts(
      tx,
      user,
      batch.rows.filter((row) => !batch.products.has(row)),
      submit,
    );
    const made = await products.createPreparedIn(
      tx,
      user,
      batch.rows.map((row) => (batch.products.get(row) ?? unprepared.get(row)) as PreparedProduct),
    );
    return made.map((p) => (p instanceof AppError ? p : p.id));
  }
  const ids: string[] = [];
  for (const row of batch.rows) {
    const unit = await producers.registerIn(tx, user, row.input as ProducerFields);
    if (submit) await producers.moveIn(tx, user, unit.id, 'submit');
    ids.push(unit.id);
  }
  return ids;
}

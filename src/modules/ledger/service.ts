import type { Kysely, KyselyPlugin } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { changes, replay, type Snapshot } from '../../domain/history.ts';
import { toHex } from '../../domain/tlog/bytes.ts';
import { encodeLeaf, recordHash } from '../../domain/tlog/leaf.ts';
import { leafHash } from '../../domain/tlog/merkle.ts';
import { type Actor, checkMove, type EventType, type MoveRequest } from '../../domain/workflow.ts';
import { fail } from '../../errors.ts';
import * as repo from './repo.ts';

export interface Change {
  subjectKind: 'producer' | 'product';
  subjectId: string;
  /** The subject's version after this event: its events are numbered 1, 2, 3… */
  seq: number;
  type: EventType;
  actor: { id: string | null; role: Actor };
  reason: string | null;
  at: Date;
  before: Snapshot;
  after: Snapshot;
  registrationNumber: string | null;
  /** Whether the reason may be published in the transparency log. */
  publicReason: boolean;
}

// Identity transforms: the plugin only marks a handle, and every handle and transaction derived from it.
const WITHOUT_LOG: KyselyPlugin = { transformQuery: (a) => a.node, transformResult: async (a) => a.result };

/**
 * The same database, but registry changes made through this handle are written without their log
 * leaves. It exists so that bench/log.ts can measure what the log costs through the real services,
 * which hand the ledger nothing but their transaction; Kysely carries a handle's plugins into its
 * transactions, so the mark reaches record(). The app never makes such a handle.
 */
export const withoutLog = (db: Kysely<DB>): Kysely<DB> => db.withPlugin(WITHOUT_LOG);

/**
 * Appends an event and its transparency-log leaf. Call it inside the transaction that updates the
 * projection, so all of it is written or none.
 */
export async function record(tx: Kysely<DB>, change: Change): Promise<void> {
  const event = eventOf(change);
  if (isWithoutLog(tx)) {
    await repo.insertEvents(tx, [event]);
    return;
  }
  await repo.insertEventWithLeaf(tx, event, splitAtPrevLeafHash(leafOf(change, event, null)));
}

/**
 * Appends many events with their leaves in a few statements, in the order given: the same leaves
 * `record` would write one by one. A subject's previous leaf hash comes from an earlier change of the
 * batch, or else from the database.
 */
export async function recordMany(tx: Kysely<DB>, batch: readonly Change[]): Promise<void> {
  if (!batch.length) return;
  const events = batch.map(eventOf);
  if (isWithoutLog(tx)) {
    await repo.insertEvents(tx, events);
    return;
  }
  const keyOf = (kind: string, id: string, seq: number) => `${kind}:${id}:${seq}`;
  const earlier = batch
    .filter((c) => c.seq > 1)
    .map((c) => ({ kind: c.subjectKind, id: c.subjectId, seq: c.seq - 1 }));
  const hashes = await repo.leafHashesOf(tx, earlier);
  const leaves = batch.map((c, i) => {
    const prev = hashes.get(keyOf(c.subjectKind, c.subjectId, c.seq - 1));
    const leaf = leafOf(c, events[i] as repo.EventRow, prev ? toHex(prev) : null);
    const hash = leafHash(leaf);
    hashes.set(keyOf(c.subjectKind, c.subjectId, c.seq), hash);
    return { leaf, hash };
  });
  await repo.insertEventsWithLeaves(tx, events, leaves);
}

const isWithoutLog = (tx: Kysely<DB>) => tx.getExecutor().plugins.includes(WITHOUT_LOG);

function eventOf(change: Change): repo.EventRow {
  return {
    subjectKind: change.subjectKind,
    subjectId: change.subjectId,
    seq: change.seq,
    type: change.type,
    actorId: change.actor.id,
    actorRole: change.actor.role,
    reason: change.reason,
    at: change.at,
    ...changes(change.before, change.after),
  };
}

/** The leaf bytes of a change (docs/log-format.md). */
function leafOf(change: Change, event: repo.EventRow, prevLeafHash: string | null) {
  return encodeLeaf({
    type: change.type,
    subject: {
      kind: change.subjectKind,
      id: change.subjectId,
      registrationNumber: change.registrationNumber,
    },
    seq: change.seq,
    prevLeafHash,
    recordHash: recordHash(eventRecord(event)),
    actorRole: change.actor.role,
    reason: change.publicReason ? change.reason : null,
    time: change.at.toISOString(),
  });
}

const PREV_NULL = Buffer.from('"prevLeafHash":null');

/**
 * Cuts out the `null` of the leaf's prevLeafHash, for the database to put the previous leaf hash in
 * its place. JCS sorts the keys, so only actorRole comes before it, and escapes every quote inside a
 * string: the first match is the field itself.
 */
function splitAtPrevLeafHash(leaf: Uint8Array) {
  const at =
    Buffer.from(leaf.buffer, leaf.byteOffset, leaf.byteLength).indexOf(PREV_NULL) + PREV_NULL.length - 4;
  return { head: leaf.subarray(0, at), tail: leaf.subarray(at + 4) };
}

/** The full event as committed to by its leaf's recordHash. */
export function eventRecord(e: repo.EventRow) {
  return { ...e, at: e.at.toISOString() };
}

/** Asks the state machine whether a move is allowed, and stops the request with the right error if not. */
export function assertMove(req: MoveRequest) {
  const check = checkMove(req);
  if (check.ok) return check;
  switch (check.problem) {
    case 'forbidden':
      return fail('forbidden', {
        missing:
          req.actor === 'producer'
            ? { key: 'missing.membership' }
            : { key: 'missing.role', params: { role: 'reviewer | admin' } },
      });
    case 'conflict_of_interest':
      return fail('forbidden', { missing: { key: 'missing.not_member' } });
    case 'reason_required':
      return fail('validation', { fields: [{ field: 'reason', key: 'field.reason' }] });
    case 'invalid_transition':
      return fail('invalid_transition', { extra: { currentStatus: req.from } });
  }
}

interface Versioned {
  id: string;
  version: number;
}

/** A registry change of one subject: its projection moves from `before` to `next`. */
export interface Transition<S extends Versioned> {
  kind: 'producer' | 'product';
  before: S | null;
  next: Omit<S, 'version'>;
  type: EventType;
  actor: { id: string | null; role: Actor };
  reason: string | null;
  at: Date;
  registrationNumber: string | null;
  publicReason: boolean;
}

/** The subject's state after a transition (its version one more) and the change that records it. */
export function transit<S extends Versioned>(c: Transition<S>): { state: S; change: Change } {
  const version = (c.before?.version ?? 0) + 1;
  const state = { ...c.next, version } as S;
  const change: Change = {
    subjectKind: c.kind,
    subjectId: state.id,
    seq: version,
    type: c.type,
    actor: c.actor,
    reason: c.reason,
    at: c.at,
    before: (c.before ?? {}) as Snapshot,
    after: state as unknown as Snapshot,
    registrationNumber: c.registrationNumber,
    publicReason: c.publicReason,
  };
  return { state, change };
}

/**
 * One registry change: the projection is saved (only if nobody changed it since it was read) and the
 * event with its log leaf is appended, in the caller's transaction.
 */
export async function commit<S extends Versioned>(
  tx: Kysely<DB>,
  c: Transition<S> & { save: (state: S, readVersion: number) => Promise<boolean> },
): Promise<S> {
  const { state, change } = transit(c);
  if (!(await c.save(state, c.before?.version ?? 0))) fail('stale_version');
  await record(tx, change);
  return state;
}

/** A subject's events in order, each with its transparency-log index. */
export async function history(db: Kysely<DB>, kind: 'producer' | 'product', id: string) {
  const rows = await repo.eventsOf(db, kind, id);
  return rows.map((r) => ({
    seq: r.seq,
    type: r.type as EventType,
    actorRole: r.actor_role,
    reason: r.reason,
    at: r.at.toISOString(),
    before: r.before as Snapshot,
    after: r.after as Snapshot,
    logIndex: r.log_index,
  }));
}

/** Every subject's state rebuilt from its events alone, keyed `kind:id`. */
export async function replayAll(db: Kysely<DB>): Promise<Map<string, Snapshot>> {
  const states = new Map<string, Snapshot>();
  for (let after = 0; ; ) {
    const page = await repo.eventsPage(db, after, 5000);
    if (!page.length) return states;
    for (const e of page) {
      const key = `${e.subject_kind}:${e.subject_id}`;
      states.set(key, replay([{ after: states.get(key) ?? {} }, { after: e.after as Snapshot }]));
    }
    after = page.at(-1)?.id ?? after;
  }
}

import type { Kysely } from 'kysely';
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

/**
 * Appends an event and its transparency-log leaf. Call it inside the transaction that updates the
 * projection, so all of it is written or none.
 */
export async function record(tx: Kysely<DB>, change: Change): Promise<void> {
  const event = eventOf(change);
  await repo.insertEventWithLeaf(
    tx,
    event,
    splitAtPrevLeafHash(leafOf(change, recordHash(eventRecord(event)), null)),
  );
}

/**
 * A change made ready to append before its transaction: its event row, the hash of its full record,
 * and its leaf with the leaf's hash whenever the subject's previous leaf is known without the database
 * (a first event, or one after an earlier change of the same batch). The hashing is most of an
 * append's work in Node, so a bulk import does it while the database writes the previous batch.
 */
export interface PreparedRecord {
  change: Change;
  event: repo.EventRow;
  recordHash: string;
  leaf: FinishedLeaf | null;
}

interface FinishedLeaf {
  leaf: Uint8Array;
  hash: Uint8Array;
}

const keyOf = (kind: string, id: string, seq: number) => `${kind}:${id}:${seq}`;

/**
 * Prepares many changes, in the order they will be appended (see PreparedRecord), for writeRecords to
 * append in a few statements with the same leaves `record` would write one by one.
 */
export function prepareRecords(batch: readonly Change[]): PreparedRecord[] {
  const hashes = new Map<string, Uint8Array>();
  return batch.map((change) => {
    const event = eventOf(change);
    const prepared: PreparedRecord = {
      change,
      event,
      recordHash: recordHash(eventRecord(event)),
      leaf: null,
    };
    const prev =
      change.seq === 1 ? null : hashes.get(keyOf(change.subjectKind, change.subjectId, change.seq - 1));
    if (prev !== undefined) prepared.leaf = finishLeaf(prepared, prev);
    if (prepared.leaf)
      hashes.set(keyOf(change.subjectKind, change.subjectId, change.seq), prepared.leaf.hash);
    return prepared;
  });
}

/**
 * Appends prepared changes, in the order given, in the caller's transaction: the leaves still waiting
 * for a previous leaf hash get it from an earlier record of the same call or from the database.
 */
export async function writeRecords(tx: Kysely<DB>, records: readonly PreparedRecord[]): Promise<void> {
  if (!records.length) return;
  const waiting = records
    .filter((r) => !r.leaf)
    .map(({ change: c }) => ({ kind: c.subjectKind, id: c.subjectId, seq: c.seq - 1 }));
  const hashes = await repo.leafHashesOf(tx, waiting);
  const leaves = records.map((r) => {
    const { subjectKind, subjectId, seq } = r.change;
    const leaf = r.leaf ?? finishLeaf(r, hashes.get(keyOf(subjectKind, subjectId, seq - 1)) ?? null);
    hashes.set(keyOf(subjectKind, subjectId, seq), leaf.hash);
    return leaf;
  });
  await repo.insertEventsWithLeaves(
    tx,
    records.map((r) => r.event),
    leaves,
  );
}

function finishLeaf(r: PreparedRecord, prevLeafHash: Uint8Array | null): FinishedLeaf {
  const leaf = leafOf(r.change, r.recordHash, prevLeafHash ? toHex(prevLeafHash) : null);
  return { leaf, hash: leafHash(leaf) };
}

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

/** The leaf bytes of a change (docs/log-format.md); its fields in canonical order, as in eventRecord. */
function leafOf(change: Change, recordHash: string, prevLeafHash: string | null) {
  return encodeLeaf({
    actorRole: change.actor.role,
    prevLeafHash,
    reason: change.publicReason ? change.reason : null,
    recordHash,
    seq: change.seq,
    subject: {
      id: change.subjectId,
      kind: change.subjectKind,
      registrationNumber: change.registrationNumber,
    },
    time: change.at.toISOString(),
    type: change.type,
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

/**
 * The full event as committed to by its leaf's recordHash, its fields in the order of their names so
 * that its canonical JSON is one JSON.stringify (the type makes a field of EventRow left out an error).
 */
export function eventRecord(e: repo.EventRow): {
  [K in keyof repo.EventRow]: K extends 'at' ? string : repo.EventRow[K];
} {
  return {
    actorId: e.actorId,
    actorRole: e.actorRole,
    after: e.after,
    at: e.at.toISOString(),
    before: e.before,
    reason: e.reason,
    seq: e.seq,
    subjectId: e.subjectId,
    subjectKind: e.subjectKind,
    type: e.type,
  };
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

/** An event as the change feed and the decisions file read it: in log order, with its leaf's index. */
export interface LoggedEvent {
  logIndex: number;
  subjectKind: 'producer' | 'product';
  subjectId: string;
  seq: number;
  type: EventType;
  reason: string | null;
  at: string;
  /** The fields this event changed, as they were after it. */
  after: Snapshot;
  /** The seq of the subject's first event that left it in a public state; null while none has. */
  firstPublicSeq: number | null;
}

type LoggedRow = Awaited<ReturnType<typeof repo.changesPage>>[number];

const loggedEvent = (r: LoggedRow): LoggedEvent => ({
  logIndex: Number(r.idx),
  subjectKind: r.subject_kind,
  subjectId: r.subject_id,
  seq: r.seq,
  type: r.type as EventType,
  reason: r.reason,
  at: r.at.toISOString(),
  after: r.after as Snapshot,
  firstPublicSeq: r.first_public_seq === null ? null : Number(r.first_public_seq),
});

/** Up to `limit` events in log order after a leaf index (-1 for the start). */
export async function loggedAfter(db: Kysely<DB>, afterIdx: number, limit: number): Promise<LoggedEvent[]> {
  return (await repo.changesPage(db, afterIdx, limit)).map(loggedEvent);
}

/** Up to `limit` events of these types taken while their subject was public, in log order after a leaf index. */
export async function publicLoggedAfter(
  db: Kysely<DB>,
  types: readonly EventType[],
  afterIdx: number,
  limit: number,
): Promise<LoggedEvent[]> {
  return (await repo.decisionsPage(db, types, afterIdx, limit)).map(loggedEvent);
}

/** How many leaves the log has: each change to the registry appends one. */
export const logSize = (db: Kysely<DB>) => repo.logSize(db);

/** The log's leaf hashes with index in [from, to), in order. */
export const leafHashes = (db: Kysely<DB>, from: number, to: number) => repo.leafHashes(db, from, to);

/** The log's leaves with index in [from, to), in order. */
export const leaves = (db: Kysely<DB>, from: number, to: number) => repo.leaves(db, from, to);

/** The leaf at an index, null past the end of the log. */
export const leafAt = (db: Kysely<DB>, idx: number) => repo.leafAt(db, idx);

/** For an audit: each leaf with index in [from, to), with the full event it commits to. */
export async function leavesWithEvents(db: Kysely<DB>, from: number, to: number) {
  const rows = await repo.leavesWithEvents(db, from, to);
  return rows.map((r) => ({
    idx: r.idx,
    leaf: r.leaf,
    event: {
      subjectKind: r.subject_kind,
      subjectId: r.subject_id,
      seq: r.seq,
      type: r.type,
      actorId: r.actor_id,
      actorRole: r.actor_role,
      reason: r.reason,
      at: r.at,
      before: r.before,
      after: r.after,
    } satisfies repo.EventRow,
  }));
}

/** For an audit: how many events have no leaf, which the log would not show. */
export const eventsWithoutLeaf = (db: Kysely<DB>) => repo.eventsWithoutLeaf(db);

/** The id of the newest event, 0 when there is none: where a follower of the registry starts. */
export const lastEventId = (db: Kysely<DB>) => repo.lastEventId(db);

/** The subjects (kind and id) of up to `limit` events after `afterId`, oldest first, with their ids. */
export const subjectsAfter = (db: Kysely<DB>, afterId: number, limit: number) =>
  repo.subjectsAfter(db, afterId, limit);

/** The last event up to `id`: its id, subject and time to the microsecond. A restored registry differs. */
export const eventMark = (db: Kysely<DB>, id: number) => repo.eventMark(db, id);

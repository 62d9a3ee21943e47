import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from '../../../test/helpers.ts';
import { toHex } from '../../domain/tlog/bytes.ts';
import { decodeLeaf } from '../../domain/tlog/leaf.ts';
import { leafHash } from '../../domain/tlog/merkle.ts';
import { type Change, prepareRecords, record, writeRecords } from './service.ts';

const change = (subjectId: string, seq: number, reason: string | null): Change => ({
  subjectKind: 'product',
  subjectId,
  seq,
  type: seq === 1 ? 'created' : 'suspended',
  actor: { id: null, role: 'reviewer' },
  reason,
  at: new Date(Date.UTC(2025, 5, 1, 8, seq)),
  before: { version: seq - 1 },
  after: { version: seq },
  registrationNumber: '1404-000123-7',
  publicReason: true,
});

describe.each(DATABASE_KINDS)('appending events to the log on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(kind);
  });
  afterAll(() => database.drop());

  const leavesOf = async (subjectId: string) =>
    (
      await sql<{ idx: number; leaf: Uint8Array; hash: Uint8Array }>`
        SELECT l.idx, l.leaf, l.hash FROM log_leaves l JOIN events e ON e.id = l.event_id
        WHERE e.subject_id = ${subjectId} ORDER BY e.seq`.execute(database.db)
    ).rows;

  it('chains each leaf to the subject’s previous one, even when a reason quotes the field names', async () => {
    const a = randomUUID();
    const b = randomUUID();
    const reasons = [null, '"prevLeafHash":null, "actorRole":"admin"', 'Inspection found imported parts'];
    for (const [i, reason] of reasons.entries()) {
      for (const subject of [a, b]) {
        await database.db.transaction().execute((tx) => record(tx, change(subject, i + 1, reason)));
      }
    }
    for (const subject of [a, b]) {
      const leaves = await leavesOf(subject);
      expect(leaves.map((l) => decodeLeaf(l.leaf).reason)).toEqual(reasons);
      leaves.forEach((l, i) => {
        expect(toHex(l.hash)).toBe(toHex(leafHash(l.leaf)));
        const prev = leaves[i - 1];
        expect(decodeLeaf(l.leaf).prevLeafHash).toBe(prev ? toHex(leafHash(prev.leaf)) : null);
      });
    }
    const all = (await sql<{ idx: number }>`SELECT idx FROM log_leaves ORDER BY idx`.execute(database.db))
      .rows;
    expect(all.map((r) => r.idx)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('writes a batch with the same leaves, hashes and indexes as its changes recorded one at a time', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const first = change(c, 1, null);
    const batch = [
      change(a, 1, null),
      change(b, 1, null),
      change(a, 2, '"prevLeafHash":null, "actorRole":"admin"'),
      change(c, 2, 'Inspection found imported parts'),
      change(a, 3, null),
    ];
    const [oneByOne, setBased] = [await freshDatabase(kind), await freshDatabase(kind)];
    try {
      for (const db of [oneByOne.db, setBased.db]) await db.transaction().execute((tx) => record(tx, first));
      for (const each of batch) await oneByOne.db.transaction().execute((tx) => record(tx, each));
      // Prepared before the transaction, as a bulk import does while the previous batch is written.
      const prepared = prepareRecords(batch);
      await setBased.db.transaction().execute((tx) => writeRecords(tx, prepared));
      const leaves = async (db: TestDatabase) =>
        (
          await sql<{ idx: number; leaf: Uint8Array; hash: Uint8Array; seq: number }>`
            SELECT l.idx, l.leaf, l.hash, e.seq FROM log_leaves l JOIN events e ON e.id = l.event_id
            ORDER BY l.idx`.execute(db.db)
        ).rows.map((r) => ({ ...r, leaf: toHex(r.leaf), hash: toHex(r.hash) }));
      const expected = await leaves(oneByOne);
      expect(expected).toHaveLength(6);
      expect(await leaves(setBased)).toEqual(expected);
    } finally {
      await Promise.all([oneByOne.drop(), setBased.drop()]);
    }
  });
});

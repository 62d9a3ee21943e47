import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { CommandError } from '../../command-errors.ts';
import { openDatabase } from '../../db/connection.ts';
import type { DB } from '../../db/schema.ts';
import { bytesEqual, fromBase64, toHex } from '../../domain/tlog/bytes.ts';
import { openCheckpoint } from '../../domain/tlog/checkpoint.ts';
import { decodeLeaf, type PublicLogEvent, recordHash } from '../../domain/tlog/leaf.ts';
import { leafHash, MemoryTree, rootOf, verifyConsistency } from '../../domain/tlog/merkle.ts';
import { type NoteVerifier, parseVerifierKey } from '../../domain/tlog/note.ts';
import { verifyReceipt } from '../../domain/tlog/receipt.ts';
import { eventRecord, eventsWithoutLeaf, leavesWithEvents, replayAll } from '../ledger/service.ts';
import * as producers from '../producers/service.ts';
import * as products from '../products/service.ts';
import { MAX_ENTRIES } from './service.ts';

/**
 * Checks the registry's transparency log from outside: through its public HTTP API and the log's
 * verifier key only, trusting nothing the server says that a signature or a hash does not prove.
 */

export interface Remote {
  /** The site's address, e.g. https://iranmade.ir; the API is under /api/v1/log. */
  url: string;
  key: NoteVerifier;
  fetch?: (url: string) => Promise<Response>;
}

export type Outcome<T = object> = ({ ok: true } & T) | ({ ok: false; problems: string[] } & Partial<T>);

async function get(remote: Remote, path: string): Promise<Response> {
  const url = `${remote.url.replace(/\/$/, '')}/api/v1/log${path}`;
  // What stops the check before it starts (no such address, no registry there) is said in one line.
  const res = await (remote.fetch ?? fetch)(url).catch(
    (err: Error & { cause?: Error & { code?: string } }) => {
      throw new CommandError(`cannot reach ${url}: ${err.cause?.code ?? err.cause?.message ?? err.message}`);
    },
  );
  if (!res.ok)
    throw new CommandError(`GET ${url} answered ${res.status}: is ${remote.url} the registry's address?`);
  return res;
}

async function signedCheckpoint(remote: Remote) {
  const note = await (await get(remote, '/checkpoint')).text();
  const opened = openCheckpoint(note, remote.key);
  if (!opened.ok) throw new Error(`the latest checkpoint does not verify: ${opened.reason}\n${note}`);
  return { note, checkpoint: opened.checkpoint };
}

/** A receipt alone, offline: the key's signature on its checkpoint and the leaf's path to that root. */
export function checkReceipt(
  text: string,
  key: NoteVerifier,
): Outcome<{ index: number; treeSize: number; event: PublicLogEvent }> {
  const result = verifyReceipt(text, key);
  if (!result.ok) return { ok: false, problems: [result.reason] };
  return { ok: true, index: result.index, treeSize: result.treeSize, event: decodeLeaf(result.leaf) };
}

/**
 * Compares the latest checkpoint with the last one seen (kept in `statePath`): the new one must extend
 * it. An inconsistency is returned with both signed notes, the proof that the log forked or rewrote history.
 */
export async function monitor(
  remote: Remote,
  statePath: string,
): Promise<Outcome<{ previous: number | null; size: number; notes?: [string, string] }>> {
  const latest = await signedCheckpoint(remote);
  const size = latest.checkpoint.size;
  const keep = () => {
    writeFileSync(`${statePath}.tmp`, latest.note);
    renameSync(`${statePath}.tmp`, statePath);
  };
  if (!existsSync(statePath)) {
    keep();
    return { ok: true, previous: null, size };
  }
  const oldNote = readFileSync(statePath, 'utf8');
  const old = openCheckpoint(oldNote, remote.key);
  if (!old.ok) return { ok: false, problems: [`the saved checkpoint does not verify: ${old.reason}`] };
  const notes: [string, string] = [oldNote, latest.note];
  const previous = old.checkpoint.size;
  const inconsistent = (why: string) => ({ ok: false as const, problems: [why], previous, size, notes });
  if (old.checkpoint.origin !== latest.checkpoint.origin) return inconsistent('the origin changed');
  if (size < previous) return inconsistent(`the log shrank from ${previous} to ${size} entries`);
  const proof = (await (await get(remote, `/proof/consistency?first=${previous}&second=${size}`)).json()) as {
    hashes: string[];
  };
  if (
    !verifyConsistency(
      previous,
      size,
      proof.hashes.map(fromBase64),
      old.checkpoint.root,
      latest.checkpoint.root,
    )
  ) {
    return inconsistent(`the checkpoint of size ${size} is not consistent with the one of size ${previous}`);
  }
  keep();
  return { ok: true, previous, size };
}

interface Entry {
  index: number;
  leaf: string;
  event: PublicLogEvent;
}

/**
 * Downloads every entry up to the latest checkpoint, recomputes the tree and its root, and follows each
 * subject's chain of events. Given the registry's database, also checks that each leaf commits to the
 * event stored for it, and that the current rows are what the events say they are.
 */
export async function audit(
  remote: Remote,
  db?: Kysely<DB>,
): Promise<Outcome<{ size: number; subjects: number }>> {
  const { checkpoint } = await signedCheckpoint(remote);
  const problems: string[] = [];
  const tree = new MemoryTree();
  const leaves: Uint8Array[] = [];
  const chains = new Map<string, { seq: number; hash: Uint8Array }>();
  while (tree.size < checkpoint.size) {
    const start = tree.size;
    const end = Math.min(checkpoint.size, start + MAX_ENTRIES);
    const { entries } = (await (await get(remote, `/entries?start=${start}&end=${end}`)).json()) as {
      entries: Entry[];
    };
    if (entries.length === 0) {
      problems.push(`entries from ${start} are missing, though the checkpoint counts ${checkpoint.size}`);
      break;
    }
    for (const e of entries) {
      const at = tree.size;
      if (e.index !== at) problems.push(`entry ${at} came back as ${e.index}`);
      const leaf = fromBase64(e.leaf);
      const hash = leafHash(leaf);
      tree.append(hash);
      leaves.push(leaf);
      const event = decodeLeaf(leaf);
      if (JSON.stringify(event) !== JSON.stringify(e.event))
        problems.push(`entry ${at}: the decoded event shown differs from the leaf`);
      checkChain(chains, event, hash, at, problems);
    }
  }
  if (tree.size === checkpoint.size && !bytesEqual(rootOf(tree.size, tree), checkpoint.root)) {
    problems.push(`the entries do not hash to the root of the signed checkpoint of size ${checkpoint.size}`);
  }
  if (db) problems.push(...(await auditDatabase(db, leaves)));
  return problems.length
    ? { ok: false, problems, size: checkpoint.size, subjects: chains.size }
    : { ok: true, size: checkpoint.size, subjects: chains.size };
}

/** Each subject's events are numbered 1, 2, 3… and each leaf names the hash of the subject's previous one. */
function checkChain(
  chains: Map<string, { seq: number; hash: Uint8Array }>,
  event: PublicLogEvent,
  hash: Uint8Array,
  at: number,
  problems: string[],
) {
  const key = `${event.subject.kind}:${event.subject.id}`;
  const prev = chains.get(key);
  if (event.seq !== (prev?.seq ?? 0) + 1)
    problems.push(`entry ${at}: ${key} jumps from seq ${prev?.seq ?? 0} to ${event.seq}`);
  if (event.prevLeafHash !== (prev ? toHex(prev.hash) : null))
    problems.push(`entry ${at}: ${key} does not link to its previous entry`);
  chains.set(key, { seq: event.seq, hash });
}

async function auditDatabase(db: Kysely<DB>, leaves: Uint8Array[]): Promise<string[]> {
  const problems: string[] = [];
  for (let from = 0; from < leaves.length; from += MAX_ENTRIES) {
    for (const row of await leavesWithEvents(db, from, Math.min(leaves.length, from + MAX_ENTRIES))) {
      const served = leaves[row.idx];
      if (!served || !bytesEqual(served, row.leaf))
        problems.push(`entry ${row.idx}: the database holds another leaf than the API served`);
      const record = eventRecord(row.event);
      if (recordHash(record) !== decodeLeaf(row.leaf).recordHash) {
        problems.push(
          `entry ${row.idx}: the stored event of ${row.event.subjectKind} ${row.event.subjectId} (seq ${row.event.seq}) was changed after it was logged`,
        );
      }
    }
  }
  const unlogged = await eventsWithoutLeaf(db);
  if (unlogged) problems.push(`${unlogged} events have no log entry`);
  problems.push(...(await projectionDrift(db)));
  return problems;
}

/** The rows as stored, compared with a replay of their events: names each subject and field that differ. */
async function projectionDrift(db: Kysely<DB>): Promise<string[]> {
  const ctx = { db, now: () => new Date() };
  const replayed = await replayAll(db);
  const rows = new Map<string, unknown>([
    ...(await producers.allForReplay(ctx)).map((p) => [`producer:${p.id}`, p] as [string, unknown]),
    ...(await products.allForReplay(ctx)).map((p) => [`product:${p.id}`, p] as [string, unknown]),
  ]);
  const problems: string[] = [];
  for (const [key, row] of rows) {
    const expected = replayed.get(key);
    if (!expected) {
      problems.push(`${key} has a row but no events`);
      continue;
    }
    const actual = JSON.parse(JSON.stringify(row)) as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(actual), ...Object.keys(expected)])].filter(
      (f) => JSON.stringify(actual[f]) !== JSON.stringify(expected[f]),
    );
    if (fields.length) problems.push(`${key}: the row differs from its events in ${fields.join(', ')}`);
  }
  for (const key of replayed.keys()) if (!rows.has(key)) problems.push(`${key} has events but no row`);
  return problems;
}

const USAGE = `iranmade verify receipt FILE --key VERIFIERKEY
iranmade verify monitor URL --key VERIFIERKEY --state FILE
iranmade verify audit URL --key VERIFIERKEY [--database postgres://…|PGLITE_DATA_DIR]

VERIFIERKEY is the key text (GET /api/v1/log/key) or a file holding it.`;

function keyFrom(value: string) {
  try {
    return parseVerifierKey((existsSync(value) ? readFileSync(value, 'utf8') : value).trim());
  } catch (err) {
    throw new CommandError(
      `--key: not a verifier key (${(err as Error).message}); GET /api/v1/log/key gives it`,
    );
  }
}

/** `iranmade verify …`: prints what it found; a failure sets a non-zero exit code. */
export async function runVerify(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { key: { type: 'string' }, state: { type: 'string' }, database: { type: 'string' } },
  });
  const [what, target] = positionals;
  const missing = !['receipt', 'monitor', 'audit'].includes(what ?? '')
    ? 'say what to verify: receipt, monitor or audit'
    : !target
      ? `say which ${what === 'receipt' ? 'receipt file' : 'registry address'} to verify`
      : !values.key
        ? '--key is needed: the log verifier key (GET /api/v1/log/key)'
        : what === 'monitor' && !values.state
          ? '--state is needed: the file that keeps the last checkpoint seen'
          : null;
  if (missing || !target || !values.key) {
    console.error(`${missing}\n\n${USAGE}`);
    process.exitCode = 64;
    return;
  }
  const key = keyFrom(values.key);
  if (what === 'receipt') {
    const r = checkReceipt(readFileSync(target, 'utf8'), key);
    if (!r.ok) return failed(r.problems);
    console.log(`OK: entry ${r.index} is in the log of ${r.treeSize} entries signed by ${key.name}`);
    console.log(JSON.stringify(r.event, null, 2));
    return;
  }
  const remote = { url: target, key };
  if (what === 'monitor') {
    const r = await monitor(remote, values.state as string);
    if (!r.ok) {
      if (r.notes) {
        console.error('\n!!! THE LOG IS INCONSISTENT: two signed checkpoints that cannot both be true !!!\n');
        console.error(`--- saved checkpoint ---\n${r.notes[0]}\n--- latest checkpoint ---\n${r.notes[1]}`);
      }
      return failed(r.problems);
    }
    console.log(
      r.previous === null
        ? `OK: first checkpoint saved (${r.size} entries)`
        : `OK: ${r.previous} → ${r.size} entries, consistent`,
    );
    return;
  }
  const database = values.database
    ? await openDatabase(
        /^postgres(ql)?:\/\//.test(values.database) ? { url: values.database } : { dataDir: values.database },
      )
    : undefined;
  try {
    const r = await audit(remote, database?.db);
    if (!r.ok) return failed(r.problems);
    console.log(
      `OK: ${r.size} entries, ${r.subjects} subjects, root matches the signed checkpoint${database ? '; database agrees' : ''}`,
    );
  } finally {
    await database?.close();
  }
}

function failed(problems: string[]) {
  for (const p of problems) console.error(`FAIL: ${p}`);
  process.exitCode = 1;
}

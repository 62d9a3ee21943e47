import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Ctx } from '../../context.ts';
import { logSize } from '../ledger/service.ts';
import { FILES, type FileName, FORMATS, type Format, filePages } from './files.ts';
import * as repo from './snapshot-repo.ts';
import { dayOf, firstKeptDay } from './snapshots.ts';

/** Rows of the chunks table: large enough to be few, small enough to hold a handful in memory. */
const CHUNK_BYTES = 1024 * 1024;
const SILENT_CLAIM_MINUTES = 10;
/** PostgreSQL's serialization_failure. */
const SERIALIZATION_FAILURE = '40001';

export interface FrozenFile {
  file: FileName;
  format: Format;
  sha256: string;
  bytes: number;
  rows: number;
  seconds: number;
}

export type TakeOutcome =
  | { day: string; status: 'taken'; logSize: number; seconds: number; files: FrozenFile[] }
  /** Taken before, by this process or another. */
  | { day: string; status: 'done' }
  /** Another process is taking it now. */
  | { day: string; status: 'busy' };

const seconds = (since: number) => (performance.now() - since) / 1000;

/** Gzip output in pieces of at least `size` bytes (the last may be smaller). */
async function* inPiecesOf(size: number, source: AsyncIterable<Buffer>) {
  let held: Buffer[] = [];
  let length = 0;
  for await (const piece of source) {
    held.push(piece);
    length += piece.length;
    if (length >= size) {
      yield Buffer.concat(held);
      held = [];
      length = 0;
    }
  }
  if (length) yield Buffer.concat(held);
}

/** Writes one file, gzip-compressed, as chunks: streamed, so memory stays flat at any size. */
async function freeze(
  tx: Ctx,
  day: string,
  file: FileName,
  format: Format,
  signal?: AbortSignal,
): Promise<FrozenFile> {
  const started = performance.now();
  const key = { day, file, format };
  const hash = createHash('sha256');
  let rows = 0;
  let bytes = 0;
  let seq = 0;
  const text = async function* () {
    for await (const page of filePages(tx, file, format)) {
      signal?.throwIfAborted();
      rows += page.rows;
      yield Buffer.from(page.text);
    }
  };
  await pipeline(Readable.from(text()), createGzip(), async (gzipped: AsyncIterable<Buffer>) => {
    for await (const piece of inPiecesOf(CHUNK_BYTES, gzipped)) {
      hash.update(piece);
      bytes += piece.length;
      await repo.saveChunk(tx.db, key, seq++, piece);
    }
  });
  const sha256 = hash.digest();
  const frozen = { file, format, bytes, rows, seconds: seconds(started) };
  await repo.saveFile(tx.db, { ...key, ...frozen, sha256 });
  return { ...frozen, sha256: sha256.toString('hex') };
}

/**
 * Takes today's (UTC) snapshot of every open-data file unless it is taken or being taken. One
 * repeatable-read transaction reads every file and writes their bytes, so the files agree with each
 * other and with the log size recorded, and a crash half-way leaves nothing behind. Files older than
 * the kept days lose their bytes afterwards. `signal` abandons it (the server stopping).
 */
export async function takeSnapshot(ctx: Ctx, signal?: AbortSignal): Promise<TakeOutcome> {
  const day = dayOf(ctx.now());
  if (await repo.isTaken(ctx.db, day)) return { day, status: 'done' };
  await repo.ensureDay(ctx.db, day);
  const started = performance.now();
  let taken: { logSize: number; seconds: number; files: FrozenFile[] } | null;
  try {
    taken = await ctx.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        if (!(await repo.claimDay(trx, day))) return null;
        await repo.endClaimIfSilentFor(trx, SILENT_CLAIM_MINUTES);
        const size = await logSize(trx);
        const files: FrozenFile[] = [];
        for (const file of FILES)
          for (const format of FORMATS)
            files.push(await freeze({ ...ctx, db: trx }, day, file, format, signal));
        const took = seconds(started);
        await repo.markTaken(trx, day, size, ctx.now(), took);
        return { logSize: size, seconds: took, files };
      });
  } catch (err) {
    // Another process finished the day between this transaction's start and its claim.
    if ((err as { code?: string }).code === SERIALIZATION_FAILURE) return { day, status: 'done' };
    throw err;
  }
  if (!taken) return { day, status: (await repo.isTaken(ctx.db, day)) ? 'done' : 'busy' };
  await repo.dropChunksBefore(ctx.db, firstKeptDay(day));
  return { day, status: 'taken', ...taken };
}

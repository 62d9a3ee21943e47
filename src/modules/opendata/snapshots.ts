import type { Ctx } from '../../context.ts';
import { fail } from '../../errors.ts';
import { FILES, type FileName, FORMATS, type Format } from './files.ts';
import * as repo from './snapshot-repo.ts';

/** How many days' snapshot files are kept, today's included; their digests are kept for ever. */
export const KEPT_DAYS = 31;
const DAY_MS = 86_400_000;

/** The UTC day of an instant, as YYYY-MM-DD: the name of that day's snapshot. */
export const dayOf = (instant: Date) => instant.toISOString().slice(0, 10);

/** The oldest day whose files are kept on `today`. */
export const firstKeptDay = (today: string) => dayOf(new Date(Date.parse(today) - (KEPT_DAYS - 1) * DAY_MS));

/** Whether a string names a real day as YYYY-MM-DD (and so can be given to the database as a date). */
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && dayOf(new Date(Date.parse(s) || 0)) === s;

export const SNAPSHOTS_URL = '/api/v1/opendata/snapshots';
export const snapshotName = (file: FileName, format: Format) => `${file}.${format}.gz`;
export const sumsUrl = (day: string) => `${SNAPSHOTS_URL}/${day}/SHA256SUMS`;

export interface SnapshotFile {
  day: string;
  file: FileName;
  format: Format;
  /** Hex SHA-256 of the gzip bytes, as downloaded. */
  sha256: string;
  bytes: number;
  rows: number;
  /** The transparency log's size when the snapshot was taken: the files hold the state it certifies. */
  logSize: number;
  takenAt: string;
  seconds: number;
  /** Null once the bytes are no longer kept. */
  url: string | null;
}

const order = (f: SnapshotFile) => FILES.indexOf(f.file) * FORMATS.length + FORMATS.indexOf(f.format);

async function filesOf(ctx: Ctx, days: string[]): Promise<SnapshotFile[]> {
  const rows = await repo.filesOf(ctx.db, days.filter(isDay));
  return rows
    .map((r) => {
      const file = r.file as FileName;
      const format = r.format as Format;
      return {
        day: r.day,
        file,
        format,
        sha256: Buffer.from(r.sha256).toString('hex'),
        bytes: Number(r.bytes),
        rows: Number(r.rows),
        logSize: Number(r.log_size),
        takenAt: (r.taken_at as Date).toISOString(),
        seconds: r.seconds,
        url: r.kept ? `${SNAPSHOTS_URL}/${r.day}/${snapshotName(file, format)}` : null,
      };
    })
    .sort((a, b) => b.day.localeCompare(a.day) || order(a) - order(b));
}

/** The snapshots of up to `days` days before `before` (newest first), and where the next page starts. */
export async function snapshotList(ctx: Ctx, before: string | undefined, days: number) {
  const taken = await repo.takenDays(ctx.db, before, days + 1);
  const shown = taken.slice(0, days);
  return {
    keptDays: KEPT_DAYS,
    items: await filesOf(ctx, shown),
    nextBefore: taken.length > days ? (shown.at(-1) ?? null) : null,
  };
}

/** The files of the newest snapshot, none before the first is taken. */
export async function latestSnapshot(ctx: Ctx): Promise<SnapshotFile[]> {
  return filesOf(ctx, await repo.takenDays(ctx.db, undefined, 1));
}

/** A `sha256sum -c` file for one day: each digest beside the name its URL ends with. */
export async function sha256sums(ctx: Ctx, day: string): Promise<string> {
  const files = await filesOf(ctx, [day]);
  if (!files.length) fail('not_found');
  return files.map((f) => `${f.sha256}  ${snapshotName(f.file, f.format)}\n`).join('');
}

/** One kept snapshot file, by its day and name: its record, and its bytes read a chunk at a time. */
export async function snapshotBytes(ctx: Ctx, day: string, name: string) {
  const found = (await filesOf(ctx, [day])).find((f) => snapshotName(f.file, f.format) === name);
  if (!found?.url) return fail('not_found');
  const key = { day, file: found.file, format: found.format };
  async function* chunks() {
    for (let seq = 0; ; seq++) {
      const data = await repo.chunk(ctx.db, key, seq);
      if (!data) return;
      yield data;
    }
  }
  return { file: found, chunks: chunks() };
}

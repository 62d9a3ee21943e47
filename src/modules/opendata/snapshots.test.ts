import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ceramicsUnit, tileProduct } from '../../../test/fixtures.ts';
import { DATABASE_KINDS, freshDatabase, type TestDatabase, testDeps } from '../../../test/helpers.ts';
import type { Deps, User } from '../../context.ts';
import { buildApp } from '../../server.ts';
import { ensureAdmin, signup } from '../accounts/service.ts';
import * as producers from '../producers/service.ts';
import * as products from '../products/service.ts';
import { FILES, FORMATS } from './files.ts';
import { openDataListing } from './listing.ts';
import { runSnapshot } from './snapshot-cli.ts';
import { claimDay, ensureDay, isTaken } from './snapshot-repo.ts';
import { startSnapshots } from './snapshot-schedule.ts';
import { takeSnapshot } from './snapshot-take.ts';
import { KEPT_DAYS, type SnapshotFile, snapshotName } from './snapshots.ts';

const DAY_MS = 86_400_000;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe.each(DATABASE_KINDS)('daily open-data snapshots on %s', (kind) => {
  let database: TestDatabase;
  let deps: Deps;
  let app: ReturnType<typeof buildApp>;
  let admin: User;
  let maker: User;
  let unitId: string;
  const FIRST_DAY = '2026-03-21T09:00:00Z';
  let clock: Date;
  const nextDay = () => {
    clock = new Date(clock.getTime() + DAY_MS);
    return clock.toISOString().slice(0, 10);
  };
  const today = () => clock.toISOString().slice(0, 10);

  const publish = async (model: string) => {
    const p = await products.create(deps, maker, { ...tileProduct, producerId: unitId, model });
    await products.move(deps, maker, p.id, 'submit');
    await products.move(deps, admin, p.id, 'approve');
    return p.id;
  };
  const bytesOf = async (path: string) => {
    const res = await app.request(path);
    expect(res.status, path).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };
  const snapshotsOf = async (day: string): Promise<SnapshotFile[]> => {
    const { items } = (await (await app.request('/api/v1/opendata/snapshots?days=366')).json()) as {
      items: SnapshotFile[];
    };
    return items.filter((i) => i.day === day);
  };
  const problemOf = async (path: string) => {
    const res = await app.request(path);
    const type = res.headers.get('content-type')?.split(';')[0];
    return { status: res.status, type, code: (await res.json()).code };
  };

  /** Takes the snapshot of the day the clock shows. */
  const taken = async () => expect((await takeSnapshot(deps)).status).toBe('taken');

  // Each test has a registry of its own, with two published products, on a clock at the first day.
  beforeEach(async () => {
    clock = new Date(FIRST_DAY);
    database = await freshDatabase(kind);
    deps = testDeps(database, () => clock);
    app = buildApp(deps);
    admin = (await ensureAdmin(deps, { email: 'a@iranmade.ir', password: 'admin-password-1' })).user as User;
    maker = (await signup(deps, { email: 'm@example.ir', password: 'maker-password', name: 'M' })) as User;
    const unit = await producers.register(deps, maker, ceramicsUnit);
    unitId = unit.id;
    await producers.move(deps, maker, unit.id, 'submit');
    await producers.move(deps, admin, unit.id, 'approve');
    for (const model of ['P-1', 'P-2']) await publish(model);
  });
  afterEach(() => database.drop());

  it('freezes every file as gzip that unpacks to the live file, under the SHA-256 it publishes', async () => {
    const live = new Map<string, Buffer>();
    for (const file of FILES)
      for (const format of FORMATS)
        live.set(`${file}.${format}`, await bytesOf(`/api/v1/opendata/${file}.${format}`));

    const outcome = await takeSnapshot(deps);
    expect(outcome.status).toBe('taken');
    const listed = await snapshotsOf(today());
    expect(listed.map((s) => `${s.file}.${s.format}`)).toEqual([...live.keys()]);
    for (const s of listed) {
      const res = await app.request(s.url as string);
      expect(res.headers.get('content-type')).toBe('application/gzip');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      const gz = Buffer.from(await res.arrayBuffer());
      expect(gunzipSync(gz)).toEqual(live.get(`${s.file}.${s.format}`));
      expect(sha256(gz)).toBe(s.sha256);
      expect(res.headers.get('etag')).toBe(`"${s.sha256}"`);
      expect(res.headers.get('repr-digest')).toBe(
        `sha-256=:${Buffer.from(s.sha256, 'hex').toString('base64')}:`,
      );
      expect(Number(res.headers.get('content-length'))).toBe(gz.length);
      expect(s.bytes).toBe(gz.length);
      expect(s.logSize).toBe(outcome.status === 'taken' ? outcome.logSize : -1);
    }
    expect(listed.filter((s) => s.file === 'products').map((s) => s.rows)).toEqual([2, 2]);
    const again = await app.request(listed[0]?.url as string, {
      headers: { 'if-none-match': `"${listed[0]?.sha256}"` },
    });
    expect(again.status).toBe(304);
  });

  it('publishes a SHA256SUMS that sha256sum -c accepts for the downloaded files', async () => {
    await taken();
    const dir = mkdtempSync(join(tmpdir(), 'iranmade-sums-'));
    try {
      for (const s of await snapshotsOf(today()))
        writeFileSync(join(dir, snapshotName(s.file, s.format)), await bytesOf(s.url as string));
      writeFileSync(
        join(dir, 'SHA256SUMS'),
        await bytesOf(`/api/v1/opendata/snapshots/${today()}/SHA256SUMS`),
      );
      const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
      expect(check.stdout.trim().split('\n')).toHaveLength(FILES.length * FORMATS.length);
      expect(check.status, check.stdout + check.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes a day once: a second take the same day does nothing', async () => {
    await taken();
    const before = await snapshotsOf(today());
    expect(await takeSnapshot(deps)).toEqual({ day: today(), status: 'done' });
    expect(await snapshotsOf(today())).toEqual(before);
  });

  it('keeps a snapshot as it was while the live file follows the registry', async () => {
    await taken();
    const frozen = (await snapshotsOf(today())).find((s) => s.file === 'products' && s.format === 'csv');
    const url = frozen?.url as string;
    const snapshot = await bytesOf(url);
    await publish('P-3');
    const live = await bytesOf('/api/v1/opendata/products.csv');
    expect(live).not.toEqual(gunzipSync(snapshot));
    expect(live.toString()).toContain('P-3');
    expect(await bytesOf(url)).toEqual(snapshot);
    expect((await openDataListing(deps)).files[0]?.formats[0]?.snapshot?.sha256).toBe(frozen?.sha256);
  });

  it('lets two takes at once produce one snapshot', async () => {
    const day = nextDay();
    const outcomes = await Promise.all([takeSnapshot(deps), takeSnapshot(deps)]);
    expect(outcomes.map((o) => o.status).filter((s) => s === 'taken')).toHaveLength(1);
    expect(await snapshotsOf(day)).toHaveLength(FILES.length * FORMATS.length);
  });

  it('leaves nothing of a snapshot abandoned half-way, and takes the day again', async () => {
    const day = nextDay();
    let pages = 0;
    const stopping = {
      throwIfAborted: () => {
        if (++pages > 4) throw new Error('the server is stopping');
      },
    } as AbortSignal;
    await expect(takeSnapshot(deps, stopping)).rejects.toThrow('the server is stopping');
    expect(pages).toBeGreaterThan(4);
    expect(await snapshotsOf(day)).toEqual([]);
    expect((await takeSnapshot(deps)).status).toBe('taken');
    expect(await snapshotsOf(day)).toHaveLength(FILES.length * FORMATS.length);
  });

  it.runIf(kind === 'postgres')(
    'leaves a day another process is taking to it, and takes it when that process dies',
    async () => {
      const day = nextDay();
      await ensureDay(deps.db, day);
      await expect(
        deps.db.transaction().execute(async (trx) => {
          expect(await claimDay(trx, day)).toBe(true);
          expect(await takeSnapshot(deps)).toEqual({ day, status: 'busy' });
          throw new Error('the other process dies');
        }),
      ).rejects.toThrow('the other process dies');
      expect((await takeSnapshot(deps)).status).toBe('taken');
    },
  );

  it('answers 404 problem+json for a day or file it has no snapshot of', async () => {
    await taken();
    for (const path of [
      '/api/v1/opendata/snapshots/2020-01-01/products.csv.gz',
      `/api/v1/opendata/snapshots/${today()}/products.xml.gz`,
      '/api/v1/opendata/snapshots/2026-02-30/products.csv.gz',
      '/api/v1/opendata/snapshots/yesterday/products.csv.gz',
      '/api/v1/opendata/snapshots/2020-01-01/SHA256SUMS',
    ]) {
      const problem = await problemOf(path);
      expect(problem, path).toEqual({ status: 404, type: 'application/problem+json', code: 'not_found' });
    }
  });

  it(`keeps the files of the last ${KEPT_DAYS} days and every digest`, async () => {
    await taken();
    const first = (await snapshotsOf('2026-03-21'))[0] as SnapshotFile;
    expect(first.url).not.toBeNull();
    clock = new Date(Date.parse(FIRST_DAY) + (KEPT_DAYS - 1) * DAY_MS);
    expect((await takeSnapshot(deps)).status).toBe('taken');
    expect((await snapshotsOf('2026-03-21'))[0]?.url).toBe(first.url);
    nextDay();
    expect((await takeSnapshot(deps)).status).toBe('taken');
    const pruned = (await snapshotsOf('2026-03-21'))[0];
    expect(pruned).toEqual({ ...first, url: null });
    expect((await problemOf(first.url as string)).status).toBe(404);
    const sums = await bytesOf('/api/v1/opendata/snapshots/2026-03-21/SHA256SUMS');
    expect(sums.toString()).toContain(`${first.sha256}  products.csv.gz\n`);
  });

  it('pages the list of snapshots by day, newest first', async () => {
    // Three days of snapshots, to page two days at a time.
    for (let day = 0; day < 3; day++) {
      await taken();
      nextDay();
    }
    const all = (await (await app.request('/api/v1/opendata/snapshots?days=366')).json())
      .items as SnapshotFile[];
    const days = [...new Set(all.map((s) => s.day))];
    const page = await (await app.request('/api/v1/opendata/snapshots?days=2')).json();
    expect([...new Set(page.items.map((s: SnapshotFile) => s.day))]).toEqual(days.slice(0, 2));
    expect(page.nextBefore).toBe(days[1]);
    const next = await (
      await app.request(`/api/v1/opendata/snapshots?days=2&before=${page.nextBefore}`)
    ).json();
    expect(next.items[0].day).toBe(days[2]);
    expect((await app.request('/api/v1/opendata/snapshots?before=someday')).status).toBe(400);
  });

  it('lists the files with the live ETag and the newest snapshot without reading any file', async () => {
    await taken();
    const read: string[] = [];
    const recorder: KyselyPlugin = {
      transformQuery: ({ node }) => {
        read.push(JSON.stringify(node));
        return node;
      },
      transformResult: async ({ result }) => result,
    };
    const listing = await openDataListing({ ...deps, db: deps.db.withPlugin(recorder) });
    expect(read.join()).not.toMatch(/"name":"(products|producers|events|log_leaves)"/);
    const live = await app.request('/api/v1/opendata/producers.jsonl');
    const producersJsonl = listing.files[1]?.formats[1];
    expect(producersJsonl?.etag).toBe(live.headers.get('etag'));
    expect(producersJsonl?.snapshot?.day).toBe(today());
    expect(listing.snapshots.latest?.day).toBe(today());
  });

  it('is taken by the server soon after it starts, and the job stops with the server', async () => {
    const day = nextDay();
    const stop = startSnapshots(deps, { firstTryMs: 0 });
    await vi.waitFor(async () => expect(await isTaken(deps.db, day)).toBe(true), { timeout: 10_000 });
    await stop();
    expect(await snapshotsOf(day)).toHaveLength(FILES.length * FORMATS.length);
  });

  it('is taken on demand by `iranmade snapshot`, which prints its SHA256SUMS', async () => {
    const day = nextDay();
    const lines: string[] = [];
    expect(await runSnapshot(deps, (line) => lines.push(line))).toBe(0);
    const sums = (await bytesOf(`/api/v1/opendata/snapshots/${day}/SHA256SUMS`)).toString();
    expect(`${lines.slice(1).join('\n')}\n`).toBe(sums);
    expect(await runSnapshot(deps, (line) => lines.push(line))).toBe(0);
    expect(lines.at(-1)).toContain('nothing to do');
  });
});

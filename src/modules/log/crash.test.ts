import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.ts';
import { TransparencyLog } from './service.ts';

const CHILD = join(import.meta.dirname, 'testdata', 'append-forever.ts');

/** Runs the appender until it has committed `atLeast` events, then kills it without warning. */
function appendThenKill(dataDir: string, atLeast: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let last = 0;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      last = Number(chunk.trim().split('\n').at(-1));
      if (last >= atLeast) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(last) : reject(new Error(`appender stopped by itself (${_code})`)),
    );
  });
}

describe('a process killed in the middle of appending', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'iranmade-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('leaves every committed event with exactly one leaf, indexes without gaps, after restart', {
    timeout: 120_000,
  }, async () => {
    const acknowledged = await appendThenKill(dataDir, 40);
    const database = await openDatabase({ dataDir, durable: true });
    try {
      const { rows } = await sql<{
        events: number;
        leaves: number;
        joined: number;
        max: number;
        head: number;
      }>`SELECT
          (SELECT count(*) FROM events)::int AS events,
          (SELECT count(*) FROM log_leaves)::int AS leaves,
          (SELECT count(*) FROM events JOIN log_leaves ON log_leaves.event_id = events.id)::int AS joined,
          (SELECT coalesce(max(idx), -1) FROM log_leaves)::int AS max,
          (SELECT size FROM log_head)::int AS head`.execute(database.db);
      const r = rows[0];
      expect(r?.events).toBeGreaterThanOrEqual(acknowledged);
      expect(r).toEqual({
        events: r?.events,
        leaves: r?.events,
        joined: r?.events,
        max: (r?.events ?? 0) - 1,
        head: r?.events,
      });
      const log = new TransparencyLog({
        db: database.db,
        now: () => new Date(),
        config: { logOrigin: 'crash.test/log', dataDir },
        log: pino({ level: 'silent' }),
      });
      await log.sync();
      expect(log.size).toBe(r?.events);
    } finally {
      await database.close();
    }
  });
});

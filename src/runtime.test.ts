import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { openConfiguredDatabase } from './runtime.ts';

describe('the embedded database as configured', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'iranmade-connection-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });

  it.each([
    ['server', '128MB'],
    ['command', '16MB'],
  ] as const)('keeps every commit on disk, for the %s with shared buffers of %s', async (use, buffers) => {
    const database = await openConfiguredDatabase(config, use);
    try {
      const show = async (setting: string) =>
        Object.values((await sql.raw(`SHOW ${setting}`).execute(database.db)).rows[0] as object)[0];
      expect(await show('fsync')).toBe('on');
      expect(await show('shared_buffers')).toBe(buffers);
    } finally {
      await database.close();
    }
  });
});

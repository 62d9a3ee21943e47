import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, freshDatabase, type TestDatabase, testDeps } from '../../../test/helpers.ts';
import { AppError } from '../../errors.ts';
import { ensureAdmin } from './service.ts';

describe.each(DATABASE_KINDS)('the first admin, from the command line or the environment, on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(kind);
  });
  afterAll(() => database?.drop());

  it('is held to the rules of a sign-up: a malformed email or a short password creates nothing', async () => {
    const deps = testDeps(database);
    for (const input of [
      { email: 'not-an-email', password: 'long enough secret' },
      { email: 'admin@example.ir', password: 'short' },
    ]) {
      const err = await ensureAdmin(deps, input).catch((e: AppError) => e);
      expect(err, input.email).toBeInstanceOf(AppError);
    }
    const first = await ensureAdmin(deps, { email: ' Admin@Example.ir ', password: 'long enough secret' });
    expect(first.created).toBe(true);
    expect(first.user.email).toBe('admin@example.ir');
    const again = await ensureAdmin(deps, { email: 'admin@example.ir', password: 'long enough secret' });
    expect(again.created).toBe(false);
  });
});

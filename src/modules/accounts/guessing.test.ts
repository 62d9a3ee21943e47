import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Browser } from '../../../test/browser.ts';
import { Client, DATABASE_KINDS, freshDatabase, type TestDatabase, testDeps } from '../../../test/helpers.ts';
import { buildApp } from '../../server.ts';

const owner = { email: 'owner@example.ir', password: 'the owner secret', name: 'Owner' };

describe.each(DATABASE_KINDS)('probing for accounts through sign-up, on %s', (kind) => {
  let database: TestDatabase;
  let app: ReturnType<typeof buildApp>;
  beforeEach(async () => {
    database = await freshDatabase(kind);
    const deps = testDeps(database);
    app = buildApp({ ...deps, config: { ...deps.config, trustProxy: true } });
    expect((await new Client(app).post('/api/v1/auth/signup', owner)).status).toBe(201);
  });
  afterEach(() => database?.drop());

  const from = (address: string) => ({ 'x-forwarded-for': address });

  it('counts a taken email against the address: the 21st sign-up waits, the account owner does not', async () => {
    const prober = new Client(app);
    for (let i = 0; i < 20; i++) {
      const res = await prober.post('/api/v1/auth/signup', owner, from('198.51.100.7'));
      expect(res.status, `probe ${i + 1}`).toBe(409);
    }
    const fresh = { email: 'someone.new@example.ir', password: 'long enough secret', name: 'New' };
    const blocked = await prober.post('/api/v1/auth/signup', fresh, from('198.51.100.7'));
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(blocked.body.code).toBe('rate_limited');

    // Another address signs up; the probed account's owner logs in, even after five more probes.
    expect((await new Client(app).post('/api/v1/auth/signup', fresh, from('203.0.113.9'))).status).toBe(201);
    for (let i = 0; i < 5; i++) await prober.post('/api/v1/auth/signup', owner, from(`192.0.2.${i}`));
    expect((await new Client(app).post('/api/v1/auth/login', owner, from('203.0.113.10'))).status).toBe(200);
  });

  it('lets a sign-up that fails for a short password or a bad email go uncounted', async () => {
    const typist = new Client(app);
    for (let i = 0; i < 25; i++) {
      const res = await typist.post(
        '/api/v1/auth/signup',
        { ...owner, password: 'short' },
        from('198.51.100.8'),
      );
      expect(res.status).toBe(400);
    }
    const good = { email: 'typist@example.ir', password: 'long enough secret', name: 'Typist' };
    expect((await typist.post('/api/v1/auth/signup', good, from('198.51.100.8'))).status).toBe(201);
  });

  it('tells the person on the sign-up page how long to wait', async () => {
    const b = new Browser(app);
    for (let i = 0; i < 20; i++) {
      expect((await b.submit('/signup', '/signup', owner)).status).toBe(409);
    }
    const blocked = await b.submit('/signup?lang=en', '/signup', { ...owner, email: 'new@example.ir' });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBeTruthy();
    expect(blocked.html).toContain('Too many failed attempts. Please try again in 15 minutes.');
  });
});

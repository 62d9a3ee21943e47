import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, DATABASE_KINDS } from '../../../test/helpers.ts';
import { openRegistry, PASSWORD, type Registry } from '../../../test/registry.ts';

describe.each(DATABASE_KINDS)('accounts and API tokens over HTTP on %s', (kind) => {
  let r: Registry;
  beforeAll(async () => {
    r = await openRegistry(kind);
  });
  afterAll(() => r.close());

  it('lets an admin create a reviewer account, which logs in with its email in any case', async () => {
    const created = await r.admin.post('/api/v1/users', {
      email: 'rev@iranmade.ir',
      password: 'reviewer-pass-1',
      name: 'Reviewer',
      role: 'reviewer',
    });
    expect(created.status).toBe(201);
    const reviewer = new Client(r.app);
    const res = await reviewer.post('/api/v1/auth/login', {
      email: 'REV@iranmade.ir',
      password: 'reviewer-pass-1',
    });
    expect(res.status).toBe(200);
    expect((await reviewer.get('/api/v1/auth/me')).body).toMatchObject({
      email: 'rev@iranmade.ir',
      role: 'reviewer',
    });
  });

  it('makes an account wait after five wrong passwords, even with the right one, and says how long', async () => {
    const guessed = { email: 'guessed@example.ir', password: 'the right password', name: 'Guessed' };
    expect((await new Client(r.app).post('/api/v1/auth/signup', guessed)).status).toBe(201);
    const guesser = new Client(r.app);
    for (let i = 0; i < 5; i++) {
      expect(
        (await guesser.post('/api/v1/auth/login', { ...guessed, password: `wrong guess ${i}` })).status,
      ).toBe(401);
    }
    const res = await guesser.post('/api/v1/auth/login', guessed);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(res.body.type).toBe('/problems/rate-limited');
  });

  it('issues API tokens that work once shown and stop when revoked', async () => {
    const producer = new Client(r.app);
    const signup = { email: 'erp.owner@example.ir', password: PASSWORD, name: 'ERP owner' };
    expect((await producer.post('/api/v1/auth/signup', signup)).status).toBe(201);
    const created = await producer.post('/api/v1/tokens', { name: 'ERP' });
    expect(created.status).toBe(201);
    const machine = new Client(r.app);
    machine.token = created.body.token;
    expect((await machine.get('/api/v1/auth/me')).body.email).toBe('erp.owner@example.ir');
    expect((await producer.get('/api/v1/tokens')).body.items[0]).not.toHaveProperty('token');
    await producer.request('DELETE', `/api/v1/tokens/${created.body.id}`);
    const revoked = await machine.get('/api/v1/auth/me');
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get('www-authenticate')).toBe('Bearer realm="iranmade"');
    expect(revoked.headers.get('vary')).toContain('Accept-Language');
  });

  it('does not let a producer create reviewer accounts', async () => {
    const producer = await r.producer();
    const res = await producer.post('/api/v1/users', {
      email: 'x@x.ir',
      password: 'xxxxxxxxxxxx',
      name: 'Xavier',
      role: 'admin',
    });
    expect(res.status).toBe(403);
  });

  it('lets an admin, and no one else, disable an account and enable it again', async () => {
    const self = { email: 'other@example.ir', password: 'other-pass-12' };
    const other = new Client(r.app);
    const who = (await other.post('/api/v1/auth/signup', { ...self, name: 'Other' })).body.id as string;
    const producer = await r.producer();
    expect((await producer.post(`/api/v1/users/${who}/disable`)).status).toBe(403);
    expect((await r.admin.post(`/api/v1/users/${who}/disable`)).status).toBe(204);
    expect((await new Client(r.app).post('/api/v1/auth/login', self)).status).toBe(403);
    expect((await r.admin.post(`/api/v1/users/${who}/enable`)).status).toBe(204);
    expect((await new Client(r.app).post('/api/v1/auth/login', self)).status).toBe(200);
  });
});

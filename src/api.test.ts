import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { steelUnit } from '../test/fixtures.ts';
import { DATABASE_KINDS } from '../test/helpers.ts';
import { openRegistry, type Registry } from '../test/registry.ts';

// What every API answer shares, whichever module serves it: health, methods, limits, cross-site writes.
describe.each(DATABASE_KINDS)('the API, whatever the module (%s)', (kind) => {
  let r: Registry;
  beforeAll(async () => {
    r = await openRegistry(kind);
  });
  afterAll(() => r.close());

  it('answers health', async () => {
    const res = await r.anon.get('/api/health');
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('answers a method an address does not take with 405 and the methods it takes, an unknown address with 404', async () => {
    const producer = await r.producer();
    const put = await producer.request('PUT', '/api/v1/products', {}, { 'accept-language': 'en' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(put.body).toMatchObject({ type: '/problems/method-not-allowed', status: 405 });
    expect(put.body.title).toContain('Allow');
    const del = await r.anon.request('DELETE', '/api/v1/products/0b8e3a4c-2f4a-4d2e-9a51-7f0c1d2e3f40');
    expect([del.status, del.headers.get('allow')]).toEqual([405, 'GET, HEAD, PATCH']);
    expect((await r.anon.request('POST', '/api/v1/nothing-here')).status).toBe(404);
    expect((await r.anon.get('/api/v1/products/0b8e3a4c-2f4a-4d2e-9a51-7f0c1d2e3f40/nothing')).status).toBe(
      404,
    );
  });

  it('refuses a JSON body over 1 MB with 413 before reading it whole', async () => {
    const producer = await r.producer();
    const res = await producer.post('/api/v1/producers', {
      ...steelUnit,
      address: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
    expect(res.body.type).toBe('/problems/too-large');
  });

  it('refuses a cookie-authenticated write from another site', async () => {
    const producer = await r.producer();
    const res = await producer.post(
      '/api/v1/tokens',
      { name: 'x' },
      { origin: 'https://evil.example', 'accept-language': 'en' },
    );
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'cross_site', type: '/problems/cross-site' });
    expect(res.body.title).toContain('API token');
  });
});

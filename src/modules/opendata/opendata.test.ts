import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, DATABASE_KINDS, freshDatabase, type TestDatabase, testDeps } from '../../../test/helpers.ts';
import { MOVES, PUBLIC_STATUSES } from '../../domain/workflow.ts';
import { DEFAULT_LIMITS, rateLimit } from '../../http/rate-limit.ts';
import { buildApp } from '../../server.ts';
import { ensureAdmin } from '../accounts/service.ts';

const unit = (nationalId: string, nameEn: string) => ({
  nationalId,
  nameFa: 'کارخانه نمونه',
  nameEn,
  province: 'IR-04',
  city: 'اصفهان',
  isic: '2410',
  licenceNo: '123/45678',
});
const product = (model: string) => ({
  nameFa: 'میلگرد آجدار، "ویژه"',
  nameEn: 'Deformed rebar, "special"',
  descriptionFa: 'میلگرد فولادی.\nخط دوم',
  descriptionEn: 'Steel rebar.',
  tariffCode: '72142000',
  brand: 'سپاهان',
  model,
  unit: 'tonne',
  annualCapacity: 250000,
  exWorksPrice: 300_000_000,
  importedInputsCost: 45_000_000,
  exportMarkets: ['IQ'],
});

type Snap = Record<string, unknown>;

describe('the state machine', () => {
  it('never moves a public registration back to a private state, so the feed may publish from the first public event on', () => {
    for (const m of MOVES) {
      if (m.from.some((s) => PUBLIC_STATUSES.includes(s)) && m.to !== 'unchanged')
        expect(PUBLIC_STATUSES).toContain(m.to);
    }
  });
});

describe.each(DATABASE_KINDS)('the change feed and open data on %s', (kind) => {
  let database: TestDatabase;
  let app: ReturnType<typeof buildApp>;
  let anon: Client;
  let draftId: string;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    const deps = testDeps(database);
    app = buildApp(deps);
    await ensureAdmin(deps, { email: 'admin@iranmade.ir', password: 'admin-password-1' });
    const admin = new Client(app);
    const maker = new Client(app);
    anon = new Client(app);
    await admin.post('/api/v1/auth/login', { email: 'admin@iranmade.ir', password: 'admin-password-1' });
    await maker.post('/api/v1/auth/signup', {
      email: 'maker@example.ir',
      password: 'maker-pass-12',
      name: 'Maker',
    });
    const u = (await maker.post('/api/v1/producers', unit('10380284790', 'Public Mill'))).body;
    await maker.post('/api/v1/producers', unit('10100012342', 'Private Mill'));
    await maker.post(`/api/v1/producers/${u.id}/submit`);
    await admin.post(`/api/v1/producers/${u.id}/decisions`, { decision: 'approve' });
    const ids: string[] = [];
    // B's model is a spreadsheet formula, as anyone may type one.
    for (const model of ['A', '=HYPERLINK("http://evil.example","B")', 'C', 'D']) {
      const p = (await maker.post('/api/v1/products', { ...product(model), producerId: u.id })).body;
      ids.push(p.id);
    }
    const [a, b, c, d] = ids as [string, string, string, string];
    draftId = d;
    for (const id of [a, b, c]) await maker.post(`/api/v1/products/${id}/submit`);
    await admin.post(`/api/v1/products/${a}/decisions`, { decision: 'approve' });
    await admin.post(`/api/v1/products/${b}/decisions`, { decision: 'approve' });
    await admin.post(`/api/v1/products/${c}/decisions`, {
      decision: 'reject',
      reason: 'Private rejection reason',
    });
    // A revision under review stays out of the public view; a suspension is public.
    const current = (await maker.get(`/api/v1/products/${a}`)).body;
    await maker.patch(`/api/v1/products/${a}`, { version: current.version, nameEn: 'Secret new name' });
    await admin.post(`/api/v1/products/${b}/decisions`, { decision: 'suspend', reason: 'Inspection failed' });
    const bNow = (await maker.get(`/api/v1/products/${b}`)).body;
    expect(bNow.status).toBe('suspended');
  });
  afterAll(() => database.drop());

  async function readFeed(limit: number) {
    const items: {
      public: boolean;
      subject: { kind: string; id: string };
      fields: Snap | null;
      logIndex: number;
      reason: string | null;
    }[] = [];
    for (let after = '-1'; ; ) {
      const page = await anon.get(`/api/v1/changes?after=${after}&limit=${limit}`);
      expect(page.status).toBe(200);
      items.push(...page.body.items);
      after = page.body.nextCursor;
      if (!page.body.more) return items;
    }
  }

  it('lets a mirror that replays the feed from the start rebuild the public catalog exactly', async () => {
    const items = await readFeed(3);
    const mirror = new Map<string, Snap>();
    for (const e of items) {
      if (!e.fields) continue;
      const key = `${e.subject.kind}:${e.subject.id}`;
      mirror.set(key, { ...mirror.get(key), ...e.fields });
    }
    const mirroredProducts = [...mirror].filter(([k]) => k.startsWith('product:')).map(([, v]) => v);
    const listed = (await anon.get('/api/v1/products?limit=100')).body.items as Snap[];
    expect(
      mirroredProducts
        .filter((p) => p.status === 'approved')
        .map((p) => p.id)
        .sort(),
    ).toEqual(listed.map((p) => p.id).sort());
    expect(mirroredProducts).toHaveLength(2);
    for (const p of mirroredProducts) {
      const { revision: _, ...published } = (await anon.get(`/api/v1/products/${p.id}`)).body;
      expect(p).toEqual(published);
    }
    const mirroredUnits = [...mirror].filter(([k]) => k.startsWith('producer:')).map(([, v]) => v);
    expect(mirroredUnits).toHaveLength(1);
    const { ownerId: _, ...publishedUnit } = (await anon.get(`/api/v1/producers/${mirroredUnits[0]?.id}`))
      .body;
    expect(mirroredUnits[0]).toEqual(publishedUnit);
  });

  it('lists every log leaf once, in order, and tells nothing private about subjects never made public', async () => {
    const items = await readFeed(1000);
    expect(items.map((e) => e.logIndex)).toEqual(items.map((_, i) => i));
    const draft = items.filter((e) => e.subject.id === draftId);
    expect(draft.length).toBeGreaterThan(0);
    expect(draft.every((e) => !e.public && e.fields === null && e.reason === null)).toBe(true);
    const text = JSON.stringify(items);
    expect(text).not.toContain('Private rejection reason');
    expect(text).not.toContain('Secret new name');
    expect(text).not.toContain('Private Mill');
    expect(text).toContain('Inspection failed');
  });

  it('reads an empty cursor from the start, and refuses one past the end of the log', async () => {
    const all = await readFeed(1000);
    const empty = await anon.get('/api/v1/changes?after=&limit=1');
    expect(empty.body.items[0].logIndex).toBe(0);
    const last = all.length - 1;
    expect((await anon.get(`/api/v1/changes?after=${last}`)).body).toMatchObject({ items: [], more: false });
    for (const after of [all.length, 99_999_999]) {
      const beyond = await anon.get(`/api/v1/changes?after=${after}`, { 'accept-language': 'en' });
      expect(beyond.status, String(after)).toBe(400);
      expect(beyond.body.errors[0]).toMatchObject({ field: 'after' });
      expect(beyond.body.errors[0].message).toContain(`${all.length} entries`);
    }
  });

  it('streams the same feed as NDJSON', async () => {
    const res = await app.request('/api/v1/changes', { headers: { accept: 'application/x-ndjson' } });
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual(await readFeed(1000));
  });

  it('serves the products as RFC 4180 CSV with a BOM, a licence link and an ETag that answers 304', async () => {
    const res = await app.request('/api/v1/opendata/products.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('link')).toContain('creativecommons.org/licenses/by/4.0');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith('id,registrationNumber,status,nameFa')).toBe(true);
    expect(text).toContain('"میلگرد آجدار، ""ویژه"""');
    expect(text).toContain('"میلگرد فولادی.\nخط دوم"');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(text).not.toContain('Secret new name');
    // A spreadsheet opening the file shows the formula as text; the JSON Lines file keeps it as typed.
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"",""B"")",`);
    const jsonl = await (await app.request('/api/v1/opendata/products.jsonl')).text();
    expect(jsonl).toContain('"model":"=HYPERLINK(\\"http://evil.example\\",\\"B\\")"');
    const etag = res.headers.get('etag') as string;
    const again = await app.request('/api/v1/opendata/products.csv', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const any = await app.request('/api/v1/opendata/products.csv', { headers: { 'if-none-match': '*' } });
    expect(any.status).toBe(304);
  });

  it('gzips a file for a client that accepts it, with the same content and the ETag the listing names', async () => {
    const plainRes = await app.request('/api/v1/opendata/decisions.jsonl');
    const plain = Buffer.from(await plainRes.arrayBuffer());
    const res = await app.request('/api/v1/opendata/decisions.jsonl', {
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer()))).toEqual(plain);
    const decisions = plain
      .toString()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(decisions.map((d) => d.decision)).toEqual(['approved', 'approved', 'approved', 'suspended']);
    expect(decisions.at(-1).reason).toBe('Inspection failed');
    const listing = (await anon.get('/api/v1/opendata')).body;
    const entry = listing.files
      .find((f: { name: string }) => f.name === 'decisions')
      .formats.find((f: { format: string }) => f.format === 'jsonl');
    expect(entry.etag).toBe(plainRes.headers.get('etag'));
    expect(entry.snapshot).toBeNull();
    expect(listing.licence.name).toBe('CC BY 4.0');
    for (const file of listing.files)
      for (const f of file.fields) expect(f.description.fa && f.description.en).toBeTruthy();
  });
});

describe('rate limits', () => {
  const from = (address: string) => ({
    incoming: { socket: { remoteAddress: address, remotePort: 1, remoteFamily: 'IPv4' } },
  });

  it('leave the health check out of them, so a monitor asking often never sees a 429', async () => {
    const database = await freshDatabase('pglite');
    try {
      const app = buildApp(testDeps(database));
      for (let i = 0; i < DEFAULT_LIMITS.anonymousPerMinute + 5; i++) {
        const res = await app.request('/api/v1/search/suggest?q=ab', {}, from('203.0.113.7'));
        if (i >= DEFAULT_LIMITS.anonymousPerMinute) expect(res.status).toBe(429);
      }
      const health = await app.request('/api/health', {}, from('203.0.113.7'));
      expect(health.status).toBe(200);
      expect(health.headers.get('ratelimit')).toBeNull();
    } finally {
      await database.drop();
    }
  });

  it('answer with RateLimit headers, then a 429 problem with Retry-After and CORS headers', async () => {
    const database = await freshDatabase('pglite');
    try {
      const app = buildApp(testDeps(database));
      const limited = rateLimit(
        { anonymousPerMinute: 2, tokenPerMinute: 10, trustProxy: false },
        () => 1_000_000,
      );
      app.use('/limited/*', limited);
      app.get('/limited/x', (c) => c.text('ok'));
      const first = await app.request('/api/v1/search/suggest?q=ab', {}, from('203.0.113.9'));
      expect(first.headers.get('ratelimit-policy')).toBe('"default";q=120;w=60');
      expect(first.headers.get('ratelimit')).toMatch(/^"default";r=119;t=\d+$/);
      expect(first.headers.get('access-control-allow-origin')).toBe('*');
      await app.request('/limited/x', {}, from('203.0.113.9'));
      await app.request('/limited/x', {}, from('203.0.113.9'));
      const refused = await app.request('/limited/x', {}, from('203.0.113.9'));
      expect(refused.status).toBe(429);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.headers.get('retry-after')).toBe('60');
      expect(refused.headers.get('ratelimit')).toBe('"default";r=0;t=60');
      expect((await refused.json()).code).toBe('rate_limited');
      expect((await app.request('/limited/x', {}, from('203.0.113.10'))).status).toBe(200);
      const api429 = buildApp(testDeps(database));
      let last: Response | undefined;
      for (let i = 0; i < 121; i++)
        last = await api429.request('/api/v1/search/suggest?q=ab', {}, from('198.51.100.1'));
      expect(last?.status).toBe(429);
      expect(last?.headers.get('access-control-allow-origin')).toBe('*');
      expect(last?.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await database.drop();
    }
  });

  it('do not open cookie-authenticated writes to other sites', async () => {
    const database = await freshDatabase('pglite');
    try {
      const app = buildApp(testDeps(database));
      const preflight = await app.request('/api/v1/products', {
        method: 'OPTIONS',
        headers: { origin: 'https://x.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      const read = await app.request('/api/v1/products', {
        method: 'OPTIONS',
        headers: { origin: 'https://x.example', 'access-control-request-method': 'GET' },
      });
      expect(read.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await database.drop();
    }
  });
});

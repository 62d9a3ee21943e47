import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ceramicsUnit, tileProduct } from '../../../test/fixtures.ts';
import { Client, DATABASE_KINDS, freshDatabase, type TestDatabase, testDeps } from '../../../test/helpers.ts';
import { CommandError } from '../../command-errors.ts';
import type { Deps, User } from '../../context.ts';
import { fromBase64 } from '../../domain/tlog/bytes.ts';
import { openCheckpoint, signCheckpoint } from '../../domain/tlog/checkpoint.ts';
import { ed25519RawPublicKey } from '../../domain/tlog/keys.ts';
import { decodeLeaf } from '../../domain/tlog/leaf.ts';
import {
  EMPTY_ROOT,
  leafHash,
  MemoryTree,
  rootOf,
  verifyConsistency,
  verifyInclusion,
} from '../../domain/tlog/merkle.ts';
import { parseSignerKey, parseVerifierKey, signerKey, verifierKey } from '../../domain/tlog/note.ts';
import { buildApp } from '../../server.ts';
import { ensureAdmin, signup } from '../accounts/service.ts';
import * as producers from '../producers/service.ts';
import * as products from '../products/service.ts';
import { logOf } from './service.ts';
import { audit, checkReceipt, monitor, runVerify } from './verifier.ts';

const ORIGIN = 'test.iranmade.ir/log';
const SIGNER = signerKey(ORIGIN, generateKeyPairSync('ed25519').privateKey);

describe.each(DATABASE_KINDS)('the transparency log on %s', (kind) => {
  let database: TestDatabase;
  let deps: Deps;
  let app: ReturnType<typeof buildApp>;
  let anon: Client;
  let maker: User;
  let admin: User;
  let unitId: string;
  let productIds: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'iranmade-log-'));
  const remote = () => ({
    url: 'http://registry.test',
    key: parseVerifierKey(logOf(deps).signer.verifierKey),
    fetch: (url: string) => Promise.resolve(app.request(url)),
  });
  const signed = async () => {
    await logOf(deps).signPending();
    const note = (await anon.get('/api/v1/log/checkpoint')).body as string;
    const opened = openCheckpoint(note, remote().key);
    if (!opened.ok) throw new Error(opened.reason);
    return opened.checkpoint;
  };
  const addProduct = async (model: string) => {
    const p = await products.create(deps, maker, { ...tileProduct, producerId: unitId, model });
    await products.move(deps, maker, p.id, 'submit');
    await products.move(deps, admin, p.id, 'approve');
    productIds.push(p.id);
  };

  beforeAll(async () => {
    database = await freshDatabase(kind);
    const base = testDeps(database);
    deps = { ...base, config: { ...base.config, logOrigin: ORIGIN, logKey: SIGNER, dataDir: dir } };
    app = buildApp(deps);
    anon = new Client(app);
    admin = (await ensureAdmin(deps, { email: 'a@iranmade.ir', password: 'admin-password-1' })).user as User;
    maker = (await signup(deps, { email: 'm@example.ir', password: 'maker-password', name: 'M' })) as User;
    const unit = await producers.register(deps, maker, ceramicsUnit);
    unitId = unit.id;
    await producers.move(deps, maker, unit.id, 'submit');
    await producers.move(deps, admin, unit.id, 'approve');
    productIds = [];
    for (let i = 0; i < 3; i++) await addProduct(`P-${i}`);
  });
  afterAll(async () => {
    logOf(deps).stop();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs a checkpoint of every leaf, which verifies with the key it publishes', async () => {
    const checkpoint = await signed();
    expect(checkpoint.origin).toBe(ORIGIN);
    // The unit's three events (created, submitted, approved), and as many of each product's.
    expect(checkpoint.size).toBe(3 + 3 * productIds.length);
    const key = await anon.get('/api/v1/log/key');
    expect(key.headers.get('content-type')).toContain('text/plain');
    expect(parseVerifierKey(key.body.trim()).name).toBe(ORIGIN);
  });

  it('proves every entry included in the signed checkpoint, by index and by leaf hash', async () => {
    const checkpoint = await signed();
    const { entries } = (await anon.get(`/api/v1/log/entries?start=0&end=${checkpoint.size}`)).body;
    expect(entries).toHaveLength(checkpoint.size);
    for (const entry of entries) {
      const hash = leafHash(fromBase64(entry.leaf));
      const byIndex = await anon.get(
        `/api/v1/log/proof/inclusion?index=${entry.index}&treeSize=${checkpoint.size}`,
      );
      expect(
        verifyInclusion(
          hash,
          entry.index,
          checkpoint.size,
          byIndex.body.hashes.map(fromBase64),
          checkpoint.root,
        ),
      ).toBe(true);
      const byHash = await anon.get(
        `/api/v1/log/proof/inclusion?hash=${encodeURIComponent(Buffer.from(hash).toString('base64'))}&treeSize=${checkpoint.size}`,
      );
      expect(byHash.body).toEqual({ ...byIndex.body, leafIndex: entry.index });
    }
  });

  it('proves every earlier size consistent with the signed checkpoint', async () => {
    const checkpoint = await signed();
    const { entries } = (await anon.get(`/api/v1/log/entries?start=0&end=${checkpoint.size}`)).body;
    for (let first = 0; first <= checkpoint.size; first++) {
      const proof = await anon.get(`/api/v1/log/proof/consistency?first=${first}&second=${checkpoint.size}`);
      expect(proof.body).toMatchObject({ first, second: checkpoint.size });
      const oldRoot = first === 0 ? EMPTY_ROOT : rootOfPrefix(entries.slice(0, first));
      expect(
        verifyConsistency(
          first,
          checkpoint.size,
          proof.body.hashes.map(fromBase64),
          oldRoot,
          checkpoint.root,
        ),
        `first=${first}`,
      ).toBe(true);
    }
  });

  it('serves entries with their decoded events, chained per subject', async () => {
    const { entries } = (await anon.get('/api/v1/log/entries?start=3')).body;
    expect(entries[0].index).toBe(3);
    for (const e of entries) expect(decodeLeaf(fromBase64(e.leaf))).toEqual(e.event);
    const firstProduct = entries.filter(
      (e: { event: { subject: { id: string } } }) => e.event.subject.id === productIds[0],
    );
    expect(firstProduct.map((e: { event: { seq: number } }) => e.event.seq)).toEqual([1, 2, 3]);
    expect(firstProduct[2].event.subject.registrationNumber).toMatch(/^\d{4}-\d{6}-\d$/);
  });

  it('gives receipts that verify offline with the log key, and not with another', async () => {
    const { size } = await signed();
    const receipt = await anon.get('/api/v1/log/entries/4/receipt');
    expect(receipt.status).toBe(200);
    const ok = checkReceipt(receipt.body, remote().key);
    expect(ok).toMatchObject({
      ok: true,
      index: 4,
      treeSize: size,
      event: { subject: { id: productIds[0] } },
    });
    const stranger = generateKeyPairSync('ed25519').privateKey;
    const otherKey = parseVerifierKey(verifierKey(ORIGIN, ed25519RawPublicKey(stranger)));
    expect(checkReceipt(receipt.body, otherKey).ok).toBe(false);
    expect((await anon.get('/api/v1/log/entries/999/receipt')).status).toBe(404);
  });

  it('keeps every checkpoint it signed and signs each size once', async () => {
    const before = await signed();
    expect(await logOf(deps).signPending()).toBeNull();
    await addProduct('P-extra');
    const after = await signed();
    expect(after.size).toBe(before.size + 3);
    const old = await anon.get(`/api/v1/log/checkpoints/${before.size}`);
    expect(openCheckpoint(old.body, remote().key)).toMatchObject({
      ok: true,
      checkpoint: { size: before.size },
    });
    expect((await anon.get('/api/v1/log/checkpoints/1')).status).toBe(404);
  });

  it('answers a proof for a size beyond the log with a problem naming the field', async () => {
    const res = await anon.get('/api/v1/log/proof/inclusion?index=0&treeSize=100000');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('treeSize');
    const both = await anon.get('/api/v1/log/proof/inclusion?treeSize=3');
    expect(both.status).toBe(400);
  });

  it('signs new entries in the background without being asked', async () => {
    const log = logOf(deps);
    const before = (await signed()).size;
    await addProduct('P-background');
    log.start();
    let size = before;
    for (let tries = 0; tries < 50 && size === before; tries++) {
      await new Promise((r) => setTimeout(r, 100));
      size = Number(((await anon.get('/api/v1/log/checkpoint')).body as string).split('\n')[1]);
    }
    log.stop();
    expect(size).toBe(before + 3);
  });

  it('lets a monitor follow the log, and catches a checkpoint that rewrites history', async () => {
    const state = join(dir, 'monitor-state');
    await logOf(deps).signPending();
    expect(await monitor(remote(), state)).toMatchObject({ ok: true, previous: null });
    await addProduct('P-monitor');
    await logOf(deps).signPending();
    const next = await monitor(remote(), state);
    expect(next).toMatchObject({ ok: true });
    const { name, privateKey } = parseSignerKey(SIGNER);
    const current = await signed();
    const forged = signCheckpoint(
      { origin: ORIGIN, size: current.size - 1, root: new Uint8Array(32).fill(7) },
      name,
      privateKey,
    );
    writeFileSync(state, forged);
    const caught = await monitor(remote(), state);
    expect(caught.ok).toBe(false);
    expect(caught.notes?.[0]).toBe(forged);
    expect(readFileSync(state, 'utf8')).toBe(forged);
  });

  it('audits the whole log, and names a product row changed behind its back', async () => {
    await logOf(deps).signPending();
    expect(await audit(remote(), deps.db)).toMatchObject({ ok: true, subjects: 1 + productIds.length });
    const tampered = productIds[1] as string;
    await database.exec(`UPDATE products SET name_en = 'Imported tile' WHERE id = '${tampered}'`);
    try {
      const found = await audit(remote(), deps.db);
      expect(found.ok).toBe(false);
      if (found.ok) return;
      expect(found.problems).toEqual([`product:${tampered}: the row differs from its events in nameEn`]);
    } finally {
      // The other tests find the registry as its events say it is.
      await database.exec(`UPDATE products SET name_en = '${tileProduct.nameEn}' WHERE id = '${tampered}'`);
    }
  });

  it('says in one line why a check cannot start: no key, a malformed key, an address that does not answer', async () => {
    const key = logOf(deps).signer.verifierKey;
    const closed = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as AddressInfo;
        s.close(() => resolve(port));
      });
    });
    const nobody = `http://127.0.0.1:${closed}`;
    await expect(runVerify(['audit', nobody, '--key', 'garbage'])).rejects.toThrow(
      /^--key: not a verifier key/,
    );
    await expect(runVerify(['audit', nobody, '--key', key])).rejects.toThrow(
      new CommandError(`cannot reach ${nobody}/api/v1/log/checkpoint: ECONNREFUSED`),
    );
    const said: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => said.push(line));
    try {
      await runVerify(['audit', nobody]);
      expect(said[0]).toMatch(/^--key is needed/);
      expect(process.exitCode).toBe(64);
    } finally {
      spy.mockRestore();
      process.exitCode = undefined;
    }
  });

  it('shows the transparency page in Persian by default and in English when asked', async () => {
    await logOf(deps).signPending();
    const fa = await anon.get('/transparency');
    expect(fa.status).toBe(200);
    expect(fa.body).toContain('dir="rtl"');
    expect(fa.body).toContain('دفتر شفافیت');
    expect(fa.body).toContain(logOf(deps).signer.verifierKey);
    const en = await anon.get('/transparency?lang=en');
    expect(en.body).toContain('dir="ltr"');
    const moved = await anon.get('/log');
    expect([moved.status, moved.headers.get('location')]).toEqual([301, '/transparency']);
    expect(en.body).toContain('Entries, newest first');
    expect(en.body).toContain(`/api/v1/log/entries/${logOf(deps).size - 1}/receipt`);
  });
});

/** The root of a prefix of the log, computed by the client from the entries alone. */
function rootOfPrefix(entries: { leaf: string }[]) {
  const tree = new MemoryTree(entries.map((e) => leafHash(fromBase64(e.leaf))));
  return rootOf(tree.size, tree);
}

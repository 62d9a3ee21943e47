import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../context.ts';
import { fromBase64, MalformedError, toBase64 } from '../../domain/tlog/bytes.ts';
import { HASH_SIZE } from '../../domain/tlog/merkle.ts';
import { fail } from '../../errors.ts';
import { json, problems, router } from '../../http/router.ts';
import { logOf, MAX_ENTRIES } from './service.ts';

const count = z.coerce.number({ error: 'field.not_number' }).int({ error: 'field.not_integer' }).min(0);
const hash = z.string().transform((s, ctx) => {
  try {
    const bytes = fromBase64(s);
    if (bytes.length === HASH_SIZE) return bytes;
  } catch (err) {
    if (!(err instanceof MalformedError)) throw err;
  }
  ctx.addIssue({ code: 'custom', message: 'field.invalid' });
  return z.NEVER;
});

const text = (description: string) => ({ description, content: { 'text/plain': { schema: z.string() } } });
const Hashes = z
  .array(z.string())
  .openapi({ description: 'Base64 SHA-256 node hashes, leaf side first (RFC 9162)' });
const Entry = z.object({
  index: z.number().int(),
  leaf: z
    .string()
    .openapi({ description: 'Base64 leaf bytes: 0x01 then the JCS JSON of the event (docs/log-format.md)' }),
  event: z.record(z.string(), z.unknown()).openapi({ description: 'The leaf decoded' }),
});
const b64 = (hashes: Uint8Array[]) => hashes.map(toBase64);

export function logApi(deps: Deps) {
  const app = router();
  const tags = ['Transparency log'];
  const log = logOf(deps);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/log/checkpoint',
      tags,
      summary: 'The latest signed checkpoint (C2SP tlog-checkpoint, a signed note)',
      responses: { 200: text('The signed note'), ...problems(404) },
    }),
    async (c) => c.text((await log.latest()).note, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/log/checkpoints/{size}',
      tags,
      summary: 'The checkpoint signed for one tree size, if there is one',
      request: { params: z.object({ size: count }) },
      responses: { 200: text('The signed note'), ...problems(400, 404) },
    }),
    async (c) => c.text(await log.checkpoint(c.req.valid('param').size), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/log/key',
      tags,
      summary: "The log's verifier key: <name>+<hex key ID>+<base64(0x01 ‖ Ed25519 public key)>",
      responses: { 200: text('The verifier key') },
    }),
    (c) => c.text(`${log.signer.verifierKey}\n`, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/log/entries',
      tags,
      summary: `Entries with start ≤ index < end, at most ${MAX_ENTRIES} a page`,
      request: { query: z.object({ start: count, end: count.optional() }) },
      responses: { 200: json(z.object({ entries: z.array(Entry) }), 'A page of entries'), ...problems(400) },
    }),
    async (c) => {
      const { start, end = start + MAX_ENTRIES } = c.req.valid('query');
      const entries = await log.entries(start, end);
      return c.json({ entries: entries.map((e) => ({ ...e, leaf: toBase64(e.leaf) })) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/log/proof/inclusion',
      tags,
      summary: 'Inclusion proof of an entry, by index or by leaf hash (base64), in a tree of treeSize',
      request: {
        query: z.object({ index: count.optional(), hash: hash.optional(), treeSize: count.min(1) }),
      },
      responses: {
        200: json(
          z.object({ leafIndex: z.number().int(), treeSize: z.number().int(), hashes: Hashes }),
          'The proof',
        ),
        ...problems(400, 404),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      if ((q.index === undefined) === (q.hash === undefined))
        fail('validation', { fields: [{ field: 'index', key: 'field.required' }] });
      const proof =
        q.hash !== undefined
          ? await log.inclusionByHash(q.hash, q.treeSize)
          : { index: q.index as number, hashes: await log.inclusion(q.index as number, q.treeSize) };
      return c.json({ leafIndex: proof.index, treeSize: q.treeSize, hashes: b64(proof.hashes) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/log/proof/consistency',
      tags,
      summary: 'Consistency proof between two tree sizes',
      request: { query: z.object({ first: count, second: count }) },
      responses: {
        200: json(
          z.object({ first: z.number().int(), second: z.number().int(), hashes: Hashes }),
          'The proof',
        ),
        ...problems(400),
      },
    }),
    async (c) => {
      const { first, second } = c.req.valid('query');
      return c.json({ first, second, hashes: b64(await log.consistency(first, second)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/log/entries/{index}/receipt',
      tags,
      summary: 'An offline-verifiable receipt (C2SP tlog-proof) for an entry, against the latest checkpoint',
      request: { params: z.object({ index: count }) },
      responses: { 200: text('The receipt'), ...problems(400, 404) },
    }),
    async (c) => c.text(await log.receipt(c.req.valid('param').index), 200),
  );

  return app;
}

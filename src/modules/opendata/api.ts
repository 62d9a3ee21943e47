import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Deps } from '../../context.ts';
import type { Env } from '../../http/context.ts';
import { json, problems, router } from '../../http/router.ts';
import { etagOf, type FileName, type Format, fileChunks, LICENCE } from './files.ts';
import { openDataListing } from './listing.ts';
import {
  ChangesPage,
  ChangesQuery,
  FileParam,
  SnapshotDayParam,
  SnapshotFileParam,
  SnapshotsPage,
  SnapshotsQuery,
} from './schema.ts';
import { allChanges, changes, requireCursorInLog } from './service.ts';
import { sha256sums, snapshotBytes, snapshotList } from './snapshots.ts';

const MEDIA: Record<Format, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  jsonl: 'application/jsonl; charset=utf-8',
};
const LICENCE_LINK = `<${LICENCE.url}>; rel="license"; title="${LICENCE.name}"`;

/** Chunks as a pull-driven byte stream: the next one is read only when the client takes the last. */
function pulled<T>(chunks: AsyncIterable<T>, bytesOf: (chunk: T) => Uint8Array): ReadableStream<Uint8Array> {
  const it = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await it.next();
      if (next.done) controller.close();
      else controller.enqueue(bytesOf(next.value));
    },
    async cancel() {
      await it.return?.(undefined);
    },
  });
}

const encoder = new TextEncoder();

function streamOf(chunks: AsyncIterable<string>, gzip: boolean): ReadableStream<Uint8Array> {
  const bytes = pulled(chunks, (text) => encoder.encode(text));
  return gzip
    ? bytes.pipeThrough(new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>)
    : bytes;
}

/** Whether the client already holds this version (If-None-Match: this ETag, or `*`, any version). */
const holds = (c: Context<Env>, etag: string) =>
  (c.req.header('if-none-match') ?? '').split(/\s*,\s*/).some((tag) => tag === etag || tag === '*');

const acceptsGzip = (c: Context<Env>) => /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');

function download(c: Context<Env>, chunks: AsyncIterable<string>, headers: Record<string, string>): Response {
  const gzip = acceptsGzip(c);
  return new Response(streamOf(chunks, gzip), {
    status: 200,
    headers: { ...headers, vary: 'accept-encoding', ...(gzip ? { 'content-encoding': 'gzip' } : {}) },
  });
}

export function opendataApi(deps: Deps) {
  const app = router();
  const tags = ['Open data'];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/changes',
      tags,
      summary:
        'The change feed: public events in log order, as JSON pages or NDJSON (Accept: application/x-ndjson)',
      description:
        'Events of subjects that were never public carry only what their transparency-log leaf publishes. ' +
        'Replaying `fields` in order rebuilds the public catalog. NDJSON streams from `after` to the end of the log.',
      request: { query: ChangesQuery },
      responses: {
        200: {
          description: 'A page of changes',
          content: {
            'application/json': { schema: ChangesPage },
            'application/x-ndjson': { schema: { type: 'string' } },
          },
        },
        ...problems(400),
      },
    }),
    async (c) => {
      const { after, limit } = c.req.valid('query');
      await requireCursorInLog(deps, after);
      if ((c.req.header('accept') ?? '').includes('application/x-ndjson')) {
        const lines = (async function* () {
          for await (const item of allChanges(deps, after)) yield `${JSON.stringify(item)}\n`;
        })();
        // The typed route describes the JSON page; the stream is its other representation.
        return download(c, lines, {
          'content-type': 'application/x-ndjson; charset=utf-8',
          link: LICENCE_LINK,
        }) as never;
      }
      c.header('link', LICENCE_LINK);
      return c.json(await changes(deps, after, limit), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/opendata',
      tags,
      summary:
        'The open-data files: their fields in Persian and English, licence, ETag, and the newest daily snapshot with its SHA-256',
      responses: { 200: { description: 'The list of files (JSON)' } },
    }),
    async (c) => c.json(await openDataListing(deps), 200),
  );

  // Before /opendata/{file}, which would take "snapshots" for a file name.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/opendata/snapshots',
      tags,
      summary: 'The daily snapshots, newest day first: each file with its SHA-256, size and log size',
      request: { query: SnapshotsQuery },
      responses: { 200: json(SnapshotsPage, 'A page of days'), ...problems(400) },
    }),
    async (c) => {
      const { before, days } = c.req.valid('query');
      c.header('link', LICENCE_LINK);
      return c.json(await snapshotList(deps, before, days), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/opendata/snapshots/{day}/SHA256SUMS',
      tags,
      summary: "A day's digests in the format of `sha256sum -c`, kept for ever",
      request: { params: SnapshotDayParam },
      responses: {
        200: { description: 'One line a file', content: { 'text/plain': { schema: z.string() } } },
        ...problems(404),
      },
    }),
    async (c) => {
      const sums = await sha256sums(deps, c.req.valid('param').day);
      return c.text(sums, 200, { 'cache-control': 'public, max-age=86400, immutable' });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/opendata/snapshots/{day}/{name}',
      tags,
      summary: "Download a file of a day's snapshot, gzip-compressed as its SHA-256 names it",
      description: 'The ETag is the SHA-256; Repr-Digest carries it too (RFC 9530). The bytes never change.',
      request: { params: SnapshotFileParam },
      responses: {
        200: { description: 'The .gz file', content: { 'application/gzip': { schema: { type: 'string' } } } },
        304: { description: 'Not modified: you hold these bytes' },
        ...problems(404),
      },
    }),
    async (c) => {
      const { day, name } = c.req.valid('param');
      const { file, chunks } = await snapshotBytes(deps, day, name);
      const common = {
        etag: `"${file.sha256}"`,
        'repr-digest': `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`,
        link: LICENCE_LINK,
        'cache-control': 'public, max-age=31536000, immutable',
      };
      if (holds(c, common.etag)) return c.body(null, 304, common);
      return new Response(
        pulled(chunks, (data) => data),
        {
          status: 200,
          headers: {
            ...common,
            'content-type': 'application/gzip',
            'content-length': String(file.bytes),
            'content-disposition': `attachment; filename="${name}"`,
          },
        },
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/opendata/{file}',
      tags,
      summary:
        'Download a file (CSV with a UTF-8 BOM, RFC 4180, or JSON Lines), gzip on request; licence CC BY 4.0',
      request: { params: FileParam },
      responses: {
        200: { description: 'The file' },
        304: { description: 'Not modified since the ETag you hold' },
        ...problems(404),
      },
    }),
    async (c) => {
      const [file, format] = c.req.valid('param').file.split('.') as [FileName, Format];
      const etag = await etagOf(deps, file, format);
      const common = { etag, link: LICENCE_LINK, 'cache-control': 'public, max-age=60' };
      if (holds(c, etag)) return c.body(null, 304, common);
      return download(c, fileChunks(deps, file, format), {
        ...common,
        'content-type': MEDIA[format],
        'content-disposition': `attachment; filename="iranmade-${file}.${format}"`,
      });
    },
  );

  return app;
}

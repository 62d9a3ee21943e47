import { createHash } from 'node:crypto';
import type { Ctx, Viewer } from '../../context.ts';
import { fail } from '../../errors.ts';
import { requireUser } from '../accounts/service.ts';
import * as producers from '../producers/service.ts';
import { canSeePrivate } from './access.ts';
import * as repo from './repo.ts';

const MAX_DOCUMENT = 10 * 1024 * 1024;
/** Enough for a product's certificates and test reports; more is a mistake, or filling the store. */
const MAX_DOCUMENTS = 20;
const SIGNATURES: { type: string; test: (b: Uint8Array) => boolean }[] = [
  { type: 'application/pdf', test: (b) => Buffer.from(b.subarray(0, 5)).toString('latin1') === '%PDF-' },
  {
    type: 'image/png',
    test: (b) =>
      Buffer.from(b.subarray(0, 8)).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: 'image/webp',
    test: (b) =>
      Buffer.from(b.subarray(0, 4)).toString('latin1') === 'RIFF' &&
      Buffer.from(b.subarray(8, 12)).toString('latin1') === 'WEBP',
  },
];

/**
 * Compliance documents: PDF or images up to 10 MB, recognised by their content, not their name, at
 * most MAX_DOCUMENTS a product.
 */
export async function addDocument(
  ctx: Ctx,
  viewer: Viewer,
  id: string,
  file: { name: string; content: Uint8Array },
) {
  const { user } = await ownProduct(ctx, viewer, id);
  if ((await repo.documentCount(ctx.db, id)) >= MAX_DOCUMENTS)
    return fail('validation', {
      fields: [{ field: 'file', key: 'field.too_many_documents', params: { max: MAX_DOCUMENTS } }],
    });
  if (file.content.byteLength > MAX_DOCUMENT) return fail('too_large', { extra: { maxBytes: MAX_DOCUMENT } });
  const kind = SIGNATURES.find((s) => s.test(file.content));
  if (!kind) return fail('unsupported_media_type', { extra: { accepted: SIGNATURES.map((s) => s.type) } });
  const sha256 = createHash('sha256').update(file.content).digest();
  const name = file.name.replace(/[\\/\p{Cc}]/gu, '_').slice(0, 200) || 'document';
  return repo.insertDocument(ctx.db, {
    productId: id,
    fileName: name,
    mediaType: kind.type,
    content: file.content,
    sha256,
    uploadedBy: user.id,
  });
}

/** A product as one of its unit's members sees it, to change; anyone else is told there is none. */
async function ownProduct(ctx: Ctx, viewer: Viewer, id: string) {
  const user = requireUser(viewer);
  const p = await repo.find(ctx.db, id);
  if (!p || !(await producers.isMemberOf(ctx.db, p.producerId, user))) return fail('not_found');
  return { user, product: p };
}

/**
 * Takes back a document uploaded by mistake, while the product is still being drafted (a draft, or
 * sent back for changes); once a reviewer may have decided on it, it stays with the product.
 */
export async function removeDocument(ctx: Ctx, viewer: Viewer, id: string, documentId: string) {
  const { product } = await ownProduct(ctx, viewer, id);
  if (product.status !== 'draft' && product.status !== 'changes_requested')
    fail('invalid_transition', { missing: { key: 'missing.document_removable' } });
  if (!(await repo.deleteDocument(ctx.db, id, documentId))) fail('not_found');
}

async function requirePrivateAccess(ctx: Ctx, viewer: Viewer, id: string) {
  requireUser(viewer);
  const p = await repo.find(ctx.db, id);
  if (!p || !(await canSeePrivate(ctx, viewer, p))) return fail('not_found');
  return p;
}

export async function listDocuments(ctx: Ctx, viewer: Viewer, id: string) {
  await requirePrivateAccess(ctx, viewer, id);
  return repo.listDocuments(ctx.db, id);
}

export async function getDocument(ctx: Ctx, viewer: Viewer, id: string, docId: string) {
  await requirePrivateAccess(ctx, viewer, id);
  return (await repo.findDocument(ctx.db, id, docId)) ?? fail('not_found');
}

import type { Ctx, Viewer } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { sampleSize } from '../../domain/audit.ts';
import { iranianYearOf } from '../../domain/jalali.ts';
import { fail } from '../../errors.ts';
import { requireUser } from '../accounts/service.ts';
import * as producers from '../producers/service.ts';
import * as products from '../products/service.ts';
import * as repo from './repo.ts';
import type { AuditInput } from './schema.ts';

/** The Iranian year whose sample is drawn now (in Tehran's time). */
export const auditYear = (ctx: Ctx) => iranianYearOf(ctx.now());

/**
 * A year's sample, if drawn, with its registrations, and the years drawn; while this year's is still to
 * draw, how many registrations are in force (counted only then: it reads every registration).
 */
export async function overview(ctx: Ctx, viewer: Viewer, year: number) {
  requireUser(viewer, 'reviewer', 'admin');
  const [sample, years] = await Promise.all([repo.findSample(ctx.db, year), repo.sampledYears(ctx.db)]);
  if (sample) return { sample, years, inForce: null, items: await itemsOf(ctx, year) };
  const inForce = year === auditYear(ctx) ? await products.countInForce(ctx.db) : null;
  return { sample, years, inForce, items: [] };
}

/** A sample's registrations, those still to audit first and then by registration number, each named with its unit. */
async function itemsOf(ctx: Ctx, year: number) {
  const rows = await repo.items(ctx.db, year);
  const named = await products.namedByIds(
    ctx.db,
    rows.map((r) => r.product_id),
  );
  const units = await producers.indexedByIds(
    ctx.db,
    [...named.values()].map((p) => p.producerId),
  );
  // A sampled registration is never deleted, nor its unit: every row has both.
  const items = rows.flatMap(({ product_id, outcome, note }) => {
    const product = named.get(product_id);
    const unit = product && units.get(product.producerId);
    return product && unit ? [{ product, unit, outcome, note }] : [];
  });
  const order = (i: (typeof items)[number]) => `${i.outcome ? 1 : 0} ${i.product.registrationNumber ?? '~'}`;
  return items.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

/** Draws this year's sample, once: 5 % of the registrations in force (at least 10), at random. */
export async function draw(ctx: Ctx, viewer: Viewer) {
  const user = requireUser(viewer, 'reviewer', 'admin');
  const year = auditYear(ctx);
  try {
    return await ctx.db.transaction().execute(async (tx) => {
      const population = await products.countInForce(tx);
      if (!population) return fail('invalid_transition', { missing: { key: 'missing.in_force' } });
      const productIds = await products.drawInForce(tx, sampleSize(population));
      await repo.insertSample(tx, { year, drawnBy: user.id, population, productIds });
      return year;
    });
  } catch (err) {
    if (isUniqueViolation(err))
      return fail('duplicate', { missing: { key: 'missing.drawn', params: { year: String(year) } } });
    throw err;
  }
}

/** The samples in which this registration still waits for its audit, for a reviewer. */
export function pendingYears(ctx: Ctx, viewer: Viewer, productId: string) {
  requireUser(viewer, 'reviewer', 'admin');
  return repo.pendingYears(ctx.db, productId);
}

/**
 * What the audit of a sampled registration found, recorded once, by a reviewer who is not of its unit.
 * A discrepancy needs a note; what follows from it is a decision on the registration, made apart.
 */
export async function record(ctx: Ctx, viewer: Viewer, year: number, productId: string, input: AuditInput) {
  const user = requireUser(viewer, 'reviewer', 'admin');
  const { product } = await products.get(ctx, user, productId);
  if (await producers.isMemberOf(ctx.db, product.producerId, user)) fail('forbidden');
  const note = input.note || null;
  if (input.outcome === 'discrepancy' && !note)
    fail('validation', { fields: [{ field: 'note', key: 'field.required' }] });
  const res = await repo.recordOutcome(ctx.db, {
    year,
    productId,
    outcome: input.outcome,
    note,
    by: user.id,
    at: ctx.now(),
  });
  if (!res.numUpdatedRows) {
    const pending = await repo.pendingYears(ctx.db, productId);
    fail(
      pending.includes(year)
        ? 'stale_version'
        : (await repo.findSample(ctx.db, year))
          ? 'invalid_transition'
          : 'not_found',
    );
  }
}

import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx, User } from '../../http/context.ts';
import * as accounts from '../accounts/service.ts';
import * as producers from '../producers/service.ts';
import * as products from '../products/service.ts';
import { type DemoProduct, type DemoUnit, demoCatalog } from './catalog.ts';

export const DEMO_PASSWORD = 'demo-password-1405';
export const DEMO_REVIEWER = 'reviewer@demo.iranmade.ir';
const UNITS_PER_ACCOUNT = 6;
const DAY = 86_400_000;

export interface SeedOptions {
  units?: number;
  products?: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Whether the registry has no production unit yet (a fresh database). */
export async function isEmpty(db: Kysely<DB>) {
  return !(await producers.anyRegistered(db));
}

/**
 * Fills the registry with a realistic demo catalog through the same services people use, so every
 * record has its real events and log leaves. Time runs forward over the past two years, so
 * registrations have realistic dates and some have expired.
 */
export async function seedDemo(ctx: Ctx, opts: SeedOptions = {}) {
  const catalog = demoCatalog({ units: opts.units ?? 300, products: opts.products ?? 3000, seed: opts.seed });
  const end = ctx.now().getTime();
  const start = end - 730 * DAY;
  const steps = catalog.units.length + catalog.products.length;
  let step = 0;
  let clock = start;
  const at: Ctx = { db: ctx.db, now: () => new Date(clock) };
  const tick = () => {
    step += 1;
    clock = start + ((end - start - DAY) * step) / steps;
    if (step % 200 === 0) opts.onProgress?.(step, steps);
  };

  const reviewer = (
    await accounts.ensureAdmin(at, { email: DEMO_REVIEWER, password: DEMO_PASSWORD, name: 'کارشناس نمونه' })
  ).user;
  const reviewerUser: User = { id: reviewer.id, email: reviewer.email, name: reviewer.name, role: 'admin' };

  const owners: User[] = [];
  const unitIds = new Map<string, { id: string; owner: User }>();
  for (const [i, unit] of catalog.units.entries()) {
    const n = Math.floor(i / UNITS_PER_ACCOUNT);
    owners[n] ??= await accounts.signup(at, {
      email: `producer${n + 1}@demo.iranmade.ir`,
      password: DEMO_PASSWORD,
      name: unit.nameFa,
    });
    const owner = owners[n];
    unitIds.set(unit.ref, { id: await registerUnit(at, owner, reviewerUser, unit, i), owner });
    tick();
  }

  // Products meant to lapse are registered first, long enough ago for their validity to have ended.
  const ordered = [...catalog.products].sort(
    (a, b) => Number(b.targetState === 'expired') - Number(a.targetState === 'expired'),
  );
  const live: { product: products.Product; owner: User }[] = [];
  for (const p of ordered) {
    const unit = unitIds.get(p.unitRef);
    const product = unit && (await registerProduct(at, unit.owner, reviewerUser, unit.id, p));
    if (unit && product?.status === 'approved' && p.targetState !== 'expired')
      live.push({ product, owner: unit.owner });
    tick();
  }
  clock = end;
  // Producers renew what is still on sale before it lapses.
  for (const { product, owner } of live) {
    if (product.validUntil && new Date(product.validUntil).getTime() < end)
      await products.move(at, owner, product.id, 'renew');
  }
  await products.expireDue(at, 10_000);
  return { units: catalog.units.length, products: catalog.products.length };
}

async function registerUnit(ctx: Ctx, owner: User, reviewer: User, unit: DemoUnit, i: number) {
  const { ref: _, ...fields } = unit;
  const p = await producers.register(ctx, owner, {
    ...fields,
    address: fields.address ?? null,
    phone: fields.phone ?? null,
    website: fields.website ?? null,
  });
  // One unit in fifty waits in each of the review states; the rest are approved.
  if (i % 50 === 7) return p.id;
  await producers.move(ctx, owner, p.id, 'submit');
  if (i % 50 === 17) return p.id;
  if (i % 50 === 27) {
    await producers.move(ctx, reviewer, p.id, 'request_changes', 'پروانهٔ بهره‌برداری پیوست نشده است.');
    return p.id;
  }
  await producers.move(ctx, reviewer, p.id, 'approve');
  return p.id;
}

const REASONS = {
  reject: 'کد تعرفه با شرح کالا هم‌خوانی ندارد و مدارک استاندارد ارائه نشده است.',
  request_changes: 'لطفاً گواهی استاندارد ملی و برگهٔ مشخصات فنی را پیوست کنید.',
  suspend: 'گزارش بازرسی میدانی: ظرفیت اعلام‌شده با ماشین‌آلات نصب‌شده هم‌خوانی ندارد.',
  revoke: 'پروانهٔ بهره‌برداری واحد تولیدی باطل شده است.',
} as const;

async function registerProduct(ctx: Ctx, owner: User, reviewer: User, producerId: string, d: DemoProduct) {
  const { ref: _, unitRef: __, targetState, ...fields } = d;
  const p = await products.create(ctx, owner, { producerId, ...fields, gtin: fields.gtin ?? null });
  if (targetState === 'draft') return p;
  const unitApproved = (await producers.statusOf(ctx.db, producerId)) === 'approved';
  const submitted = await products.move(ctx, owner, p.id, 'submit');
  if (targetState === 'submitted' || !unitApproved) return submitted;
  if (targetState === 'rejected') return products.move(ctx, reviewer, p.id, 'reject', REASONS.reject);
  if (targetState === 'changes_requested')
    return products.move(ctx, reviewer, p.id, 'request_changes', REASONS.request_changes);
  const approved = await products.move(ctx, reviewer, p.id, 'approve');
  if (targetState === 'suspended' || targetState === 'revoked') {
    const suspended = await products.move(ctx, reviewer, p.id, 'suspend', REASONS.suspend);
    return targetState === 'revoked'
      ? products.move(ctx, reviewer, p.id, 'revoke', REASONS.revoke)
      : suspended;
  }
  if (targetState === 'approved_with_revision') {
    const revised = await products.update(ctx, owner, p.id, {
      version: approved.version,
      exWorksPrice: Math.round(fields.exWorksPrice * 1.15),
    });
    return products.move(ctx, owner, revised.id, 'submit');
  }
  return approved;
}

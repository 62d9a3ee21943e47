import type { Ctx, User } from '../../context.ts';
import { takesSubmissions } from '../../domain/workflow.ts';
import * as accounts from '../accounts/service.ts';
import * as producers from '../producers/service.ts';
import * as products from '../products/service.ts';
import { type DemoProduct, type DemoUnit, demoCatalog } from './catalog.ts';

export const DEMO_PASSWORD = 'demo-password-1405';
export const DEMO_REVIEWER = 'reviewer@demo.iranmade.ir';
const UNITS_PER_ACCOUNT = 6;
const DEMO_UNITS = 300;
const DEMO_PRODUCTS = 3000;
const DAY = 86_400_000;

export interface SeedOptions {
  units?: number;
  products?: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * What of the demo catalog (of the default size) a start loads: all of it into an empty registry, the
 * rest of a load stopped half-way (its reviewer account, its first record, is there, and its last
 * unit lacks products), or nothing.
 */
export async function demoToLoad(ctx: Ctx): Promise<'all' | 'rest' | null> {
  if (!(await producers.anyRegistered(ctx.db))) return 'all';
  if (!(await accounts.findByEmail(ctx, DEMO_REVIEWER))) return null;
  const catalog = demoCatalog({ units: DEMO_UNITS, products: DEMO_PRODUCTS });
  const lastRef = productsInOrder(catalog.products).at(-1)?.unitRef;
  const i = catalog.units.findIndex((u) => u.ref === lastRef);
  const account = await accounts.findByEmail(ctx, demoEmail(Math.floor(i / UNITS_PER_ACCOUNT)));
  const id = account && (await unitsByNationalId(ctx, account)).get(catalog.units[i]?.nationalId ?? '');
  if (!id) return 'rest';
  const wanted = catalog.products.filter((p) => p.unitRef === lastRef).length;
  return ((await products.countsByUnit(ctx, [id])).get(id) ?? 0) < wanted ? 'rest' : null;
}

/**
 * Fills the registry with a realistic demo catalog through the same services people use, so every
 * record has its real events and log leaves. Time runs forward over the past two years, so
 * registrations have realistic dates and some have expired. A load stopped half-way (a server killed
 * during its first start) is taken up where it stopped: the accounts and units already there are
 * kept, and each unit's products are made in the same order, so those it has are its first ones.
 * Returns the catalog's size and how many units and products this call made.
 */
export async function seedDemo(ctx: Ctx, opts: SeedOptions = {}) {
  const catalog = demoCatalog({
    units: opts.units ?? DEMO_UNITS,
    products: opts.products ?? DEMO_PRODUCTS,
    seed: opts.seed,
  });
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

  const made = { units: 0, products: 0 };
  const owners: { user: User; units: Map<string, string> }[] = [];
  const unitIds = new Map<string, { id: string; owner: User }>();
  for (const [i, unit] of catalog.units.entries()) {
    const n = Math.floor(i / UNITS_PER_ACCOUNT);
    owners[n] ??= await demoAccount(at, n, unit.nameFa);
    const { user: owner, units } = owners[n];
    let id = units.get(unit.nationalId);
    if (!id) {
      id = await registerUnit(at, owner, reviewerUser, unit, i);
      made.units++;
    }
    unitIds.set(unit.ref, { id, owner });
    tick();
  }

  const ordered = productsInOrder(catalog.products);
  const already = await products.countsByUnit(
    at,
    [...unitIds.values()].map((u) => u.id),
  );
  const live: { product: products.Product; owner: User }[] = [];
  for (const p of ordered) {
    const unit = unitIds.get(p.unitRef);
    const kept = unit ? (already.get(unit.id) ?? 0) : 0;
    if (unit && kept > 0) already.set(unit.id, kept - 1);
    else if (unit) {
      const product = await registerProduct(at, unit.owner, reviewerUser, unit.id, p);
      made.products++;
      if (product.status === 'approved' && p.targetState !== 'expired')
        live.push({ product, owner: unit.owner });
    }
    tick();
  }
  clock = end;
  // Producers renew what is still on sale before it lapses.
  for (const { product, owner } of live) {
    if (product.validUntil && new Date(product.validUntil).getTime() < end)
      await products.move(at, owner, product.id, 'renew');
  }
  await products.expireDue(at, 10_000);
  return { units: catalog.units.length, products: catalog.products.length, made };
}

/** Products meant to lapse are registered first, long enough ago for their validity to have ended. */
const productsInOrder = (list: readonly DemoProduct[]) =>
  [...list].sort((a, b) => Number(b.targetState === 'expired') - Number(a.targetState === 'expired'));

const demoEmail = (n: number) => `producer${n + 1}@demo.iranmade.ir`;

async function unitsByNationalId(ctx: Ctx, owner: User) {
  const mine = await producers.list(ctx, owner, { mine: true, limit: 100, offset: 0 });
  return new Map(mine.items.map((u) => [u.nationalId, u.id]));
}

/** The n-th demo producer account, with its units by national ID: found, or signed up. */
async function demoAccount(ctx: Ctx, n: number, name: string) {
  const email = demoEmail(n);
  const user =
    (await accounts.findByEmail(ctx, email)) ??
    (await accounts.signup(ctx, { email, password: DEMO_PASSWORD, name }));
  return { user, units: await unitsByNationalId(ctx, user) };
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
  // Under a unit that is not approved, a product waits: sent with a unit under review, else a draft.
  const unit = await producers.statusOf(ctx.db, producerId);
  if (targetState === 'draft' || !takesSubmissions(unit)) return p;
  const submitted = await products.move(ctx, owner, p.id, 'submit');
  if (targetState === 'submitted' || unit !== 'approved') return submitted;
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

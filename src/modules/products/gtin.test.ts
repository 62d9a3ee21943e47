import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, fieldError } from '../../../test/browser.ts';
import { ceramicsUnit, steelUnit, tileProduct } from '../../../test/fixtures.ts';
import { DATABASE_KINDS, freshDatabase, type TestDatabase, testDeps } from '../../../test/helpers.ts';
import type { Deps, User } from '../../context.ts';
import { AppError, problem } from '../../errors.ts';
import { buildApp } from '../../server.ts';
import { ensureAdmin, signup } from '../accounts/service.ts';
import * as producers from '../producers/service.ts';
import * as repo from './repo.ts';
import * as products from './service.ts';

const TAKEN = '6260000000019';
const OTHER = '6260000000026';

describe.each(DATABASE_KINDS)('a GTIN held by one registration in force, on %s', (kind) => {
  let database: TestDatabase;
  let deps: Deps;
  let admin: User;
  let maker: User;
  let rival: User;
  let makerUnit: string;
  let rivalUnit: string;
  /** The registration in force that holds TAKEN, which several tests try to take from it. */
  let holder: products.Product;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    deps = testDeps(database);
    admin = (await ensureAdmin(deps, { email: 'admin@iranmade.ir', password: 'admin-password-1' }))
      .user as User;
    maker = (await signup(deps, { email: 'maker@example.ir', password: 'maker-pass-12', name: 'M' })) as User;
    rival = (await signup(deps, { email: 'rival@example.ir', password: 'rival-pass-12', name: 'R' })) as User;
    makerUnit = (await producers.register(deps, maker, ceramicsUnit)).id;
    rivalUnit = (await producers.register(deps, rival, steelUnit)).id;
    for (const [unit, owner] of [
      [makerUnit, maker],
      [rivalUnit, rival],
    ] as const) {
      await producers.move(deps, owner, unit, 'submit');
      await producers.move(deps, admin, unit, 'approve');
    }
    holder = await registered(maker, makerUnit, TAKEN, 'first');
  });
  afterAll(() => database.drop());

  const draft = (owner: User, producerId: string, gtin: string | null, model: string) =>
    products.create(deps, owner, { ...tileProduct, producerId, gtin, model });
  const registered = async (owner: User, producerId: string, gtin: string | null, model: string) => {
    const p = await draft(owner, producerId, gtin, model);
    await products.move(deps, owner, p.id, 'submit');
    return products.move(deps, admin, p.id, 'approve');
  };
  /** The refusal a call ends in, as the API would answer it in both languages. */
  const refusal = async (call: Promise<unknown>) => {
    const err = await call.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    const { status, errors } = problem(err as AppError, 'en');
    return { status, fields: errors, fa: problem(err as AppError, 'fa').errors };
  };

  it("refuses to submit a product with another registration's GTIN, naming that registration in both languages", async () => {
    const copy = await draft(rival, rivalUnit, TAKEN, 'copy');
    expect(copy.status).toBe('draft');
    const { status, fields, fa } = await refusal(products.move(deps, rival, copy.id, 'submit'));
    expect(status).toBe(409);
    expect(fields).toEqual([
      { field: 'gtin', message: expect.stringContaining(holder.registrationNumber ?? '-') },
    ]);
    // The number reads left to right inside the Persian sentence.
    expect(fa?.[0]?.message).toContain(`\u2066${holder.registrationNumber}\u2069`);
    expect((await products.find(deps, copy.id))?.status).toBe('draft');
  });

  it('refuses the second of two approvals of one GTIN submitted side by side', async () => {
    const a = await draft(maker, makerUnit, OTHER, 'side-a');
    const b = await draft(rival, rivalUnit, OTHER, 'side-b');
    await products.move(deps, maker, a.id, 'submit');
    await products.move(deps, rival, b.id, 'submit');
    const approved = await products.move(deps, admin, a.id, 'approve');
    const { status, fields } = await refusal(products.move(deps, admin, b.id, 'approve'));
    expect(status).toBe(409);
    expect(fields?.[0]?.message).toContain(approved.registrationNumber);
    expect((await products.find(deps, b.id))?.status).toBe('submitted');
  });

  it("refuses a revision that gives an approved product another registration's GTIN", async () => {
    const p = await registered(rival, rivalUnit, null, 'no-barcode');
    const revised = await products.update(deps, rival, p.id, { version: p.version, gtin: TAKEN });
    expect(revised.revision?.fields.gtin).toBe(TAKEN);
    const { fields } = await refusal(products.move(deps, rival, p.id, 'submit'));
    expect(fields?.[0]?.field).toBe('gtin');
    expect((await products.find(deps, p.id))?.gtin).toBeNull();
  });

  it('lets a product keep its own GTIN through suspension, reinstatement and a revision', async () => {
    const p = await registered(maker, makerUnit, '6260000000033', 'own');
    await products.move(deps, admin, p.id, 'suspend', 'Inspection');
    const back = await products.move(deps, admin, p.id, 'reinstate');
    expect(back.status).toBe('approved');
    const revised = await products.update(deps, maker, p.id, {
      version: back.version,
      nameEn: 'Renamed tile',
    });
    await products.move(deps, maker, p.id, 'submit');
    expect((await products.move(deps, admin, p.id, 'approve')).nameEn).toBe('Renamed tile');
    expect(revised.gtin).toBe('6260000000033');
  });

  it('frees the GTIN of a revoked registration', async () => {
    const held = await registered(maker, makerUnit, '6260000000040', 'revoked');
    await products.move(deps, admin, held.id, 'revoke', 'Not made in Iran');
    const next = await registered(rival, rivalUnit, '6260000000040', 'successor');
    expect(next.status).toBe('approved');
  });

  it('refuses a submitted row of a bulk import whose GTIN is held, and creates the others', async () => {
    const inputs = [TAKEN, '6260000000057'].map((gtin) => ({ ...tileProduct, producerId: rivalUnit, gtin }));
    const prepared = products.prepareMany(rival, inputs, { submit: true, at: new Date() });
    const outcomes = await deps.db
      .transaction()
      .execute((tx) => products.createPreparedIn({ ...deps, db: tx }, rival, prepared));
    expect(outcomes[0]).toBeInstanceOf(AppError);
    expect((outcomes[0] as AppError).detail.fields?.[0]).toMatchObject({
      field: 'gtin',
      key: 'field.gtin_taken',
    });
    expect(outcomes[1]).toMatchObject({ status: 'submitted', gtin: '6260000000057' });
  });

  it('says why on the pages: above and beside the GTIN field to its maker, in the summary to the reviewer', async () => {
    const app = buildApp(deps);
    const as = async (email: string, password: string) => {
      const b = new Browser(app);
      expect((await b.submit('/login', '/login', { email, password })).status).toBe(303);
      return b;
    };
    const copy = await draft(rival, rivalUnit, TAKEN, 'on-page');
    const held = (await repo.gtinHolders(deps.db, [TAKEN])).get(TAKEN) ?? '-';
    const page = `/workspace/products/${copy.id}?lang=en`;
    const rivalPages = await as('rival@example.ir', 'rival-pass-12');
    // The draft's page warns before its maker tries to submit it.
    expect((await rivalPages.get(page)).html).toContain(
      `role="note">This GTIN is already registered to another product, ${held}: correct it before you submit.<`,
    );
    const refused = await rivalPages.submit(page, `/workspace/products/${copy.id}/submit`, {});
    expect(refused.status).toBe(409);
    expect(fieldError(refused.html, 'gtin')).toContain(held);
    // The form's summary says what is taken, not that "this already exists".
    expect(refused.html).toContain(
      `role="alert" tabindex="-1" autofocus="">This GTIN is already registered to another product, ${held}<`,
    );

    const a = await draft(maker, makerUnit, '6260000000064', 'page-a');
    const b = await draft(rival, rivalUnit, '6260000000064', 'page-b');
    await products.move(deps, maker, a.id, 'submit');
    await products.move(deps, rival, b.id, 'submit');
    const first = await products.move(deps, admin, a.id, 'approve');
    const review = `/review/products/${b.id}?lang=en`;
    const decided = await (await as('admin@iranmade.ir', 'admin-password-1')).submit(review, review, {
      decision: 'approve',
    });
    expect(decided.html).toContain(`role="alert" tabindex="-1" autofocus="">This GTIN is already registered`);
    expect(decided.html).toContain(first.registrationNumber);
  });

  it('holds the rule in the database too, for two approvals at the same moment', async () => {
    const copy = await draft(rival, rivalUnit, TAKEN, 'forced');
    const forced = sql`UPDATE products SET status = 'approved' WHERE id = ${copy.id}`.execute(deps.db);
    await expect(forced).rejects.toMatchObject({ code: '23505' });
  });
});

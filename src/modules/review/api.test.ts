import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ceramicsUnit, steelMaker, tileProduct } from '../../../test/fixtures.ts';
import { Client, DATABASE_KINDS, freshDatabase, type TestDatabase, testDeps } from '../../../test/helpers.ts';
import type { Deps, User } from '../../context.ts';
import { valueAddedPercent } from '../../domain/registration.ts';
import { buildApp } from '../../server.ts';
import * as accounts from '../accounts/service.ts';
import * as producers from '../producers/service.ts';
import * as products from '../products/service.ts';

const PASSWORD = 'long enough secret';
const rebar = {
  ...tileProduct,
  nameFa: 'میلگرد آجدار',
  nameEn: 'Rebar',
  tariffCode: '72142000',
  unit: 'tonne' as const,
};
const decisions = (body: { decisions: { decision: string; about: string | null }[] }) =>
  body.decisions.map((d) => (d.about ? `${d.about}:${d.decision}` : d.decision));

describe.each(DATABASE_KINDS)('the review API on %s', (kind) => {
  let database: TestDatabase;
  let deps: Deps;
  let app: ReturnType<typeof buildApp>;
  let admin: User;
  let maker: User;
  let reviewer: Client;
  let steelId: string;
  let ceramicsId: string;
  let tileId: string;
  let rebarId: string;

  /** The steel unit, approved: its products may be approved. */
  const approveSteel = async () => {
    if ((await producers.get(deps, admin, steelId)).status !== 'approved')
      await producers.move(deps, admin, steelId, 'approve');
  };

  const clientOf = async (user: User) => {
    const client = new Client(app);
    client.token = (await accounts.createToken(deps, user, 'review')).token;
    return client;
  };

  /** A registry of a steel unit with its rebar and a ceramics unit with its tile, all waiting for review. */
  const open = async () => {
    database = await freshDatabase(kind);
    deps = testDeps(database);
    app = buildApp(deps);
    admin = (await accounts.ensureAdmin(deps, { email: 'admin@example.ir', password: PASSWORD }))
      .user as User;
    const made = await steelMaker(deps);
    maker = made.maker;
    steelId = made.unit.id;
    // A second unit, of another province, still waiting for review.
    const ceramics = await producers.register(deps, maker, ceramicsUnit);
    ceramicsId = (await producers.move(deps, maker, ceramics.id, 'submit')).id;
    const tile = await products.create(deps, maker, { ...tileProduct, producerId: ceramicsId });
    tileId = (await products.move(deps, maker, tile.id, 'submit')).id;
    const bar = await products.create(deps, maker, { ...rebar, producerId: steelId });
    rebarId = (await products.move(deps, maker, bar.id, 'submit')).id;
    const reviewerUser = await accounts.createUser(deps, admin, {
      email: 'reviewer@example.ir',
      password: PASSWORD,
      name: 'Reviewer',
      role: 'reviewer',
    });
    reviewer = await clientOf(reviewerUser as User);
  };
  const close = () => database.drop();

  // These tests only read the queue and the submissions: they share one registry.
  describe('with nothing decided', () => {
    beforeAll(open);
    afterAll(close);

    it('lists the units and products awaiting review, oldest first, marking products whose unit is not approved', async () => {
      const { status, body } = await reviewer.get('/api/v1/review/queue');
      expect(status).toBe(200);
      expect(body.units.items.map((u: { id: string }) => u.id)).toEqual([steelId, ceramicsId]);
      expect(body.units).toMatchObject({ total: 2, nextOffset: null });
      expect(body.units.items[0]).not.toHaveProperty('ownerId');
      expect(body.products.items.map((p: { id: string }) => p.id)).toEqual([tileId, rebarId]);
      expect(body.products.items.map((p: { unitPending: boolean }) => p.unitPending)).toEqual([true, true]);
      expect(body.products.items[0].producer).toMatchObject({ id: ceramicsId, nameEn: ceramicsUnit.nameEn });
      expect(body.products).toMatchObject({ total: 2, nextCursor: null });
    });

    it('filters the queue as the review page does, by kind, province and chapter', async () => {
      const units = (await reviewer.get('/api/v1/review/queue?kind=units')).body;
      expect(units).not.toHaveProperty('products');
      expect(units.units.total).toBe(2);
      const onlyProducts = (await reviewer.get('/api/v1/review/queue?kind=products')).body;
      expect(onlyProducts).not.toHaveProperty('units');
      const yazd = (await reviewer.get(`/api/v1/review/queue?province=${ceramicsUnit.province}`)).body;
      expect(yazd.units.items.map((u: { id: string }) => u.id)).toEqual([ceramicsId]);
      expect(yazd.products.items.map((p: { id: string }) => p.id)).toEqual([tileId]);
      const steel = (await reviewer.get('/api/v1/review/queue?chapter=72')).body;
      expect(steel.products.items.map((p: { id: string }) => p.id)).toEqual([rebarId]);
      // The chapter is a product's: the units are listed whatever it is.
      expect(steel.units.total).toBe(2);
    });

    it('pages each kind: units by offset, products by cursor, every submission once', async () => {
      const first = (await reviewer.get('/api/v1/review/queue?limit=1')).body;
      expect(first.units).toMatchObject({ total: 2, nextOffset: 1 });
      expect(first.products.total).toBe(2);
      expect(first.products.nextCursor).toEqual(expect.any(String));
      const second = (
        await reviewer.get(
          `/api/v1/review/queue?limit=1&unitsOffset=1&cursor=${encodeURIComponent(first.products.nextCursor)}`,
        )
      ).body;
      expect(second.units).toMatchObject({ items: [{ id: ceramicsId }], nextOffset: null });
      expect(second.products).toMatchObject({ items: [{ id: rebarId }], nextCursor: null });
      expect(first.products.items[0].id).toBe(tileId);
    });

    it('refuses a malformed filter or cursor with the field named', async () => {
      for (const query of [
        'kind=drafts',
        'province=Tehran',
        'chapter=7',
        'limit=0',
        'limit=101',
        'cursor=nonsense',
      ]) {
        const res = await reviewer.get(`/api/v1/review/queue?${query}`);
        expect(res.status, query).toBe(400);
        expect(res.headers.get('content-type'), query).toContain('application/problem+json');
        expect(
          res.body.errors.map((e: { field: string }) => e.field),
          query,
        ).toEqual([query.split('=')[0]]);
      }
    });

    it('is for reviewers and admins only: 401 without an account, 403 for a producer', async () => {
      const paths = [
        '/api/v1/review/queue',
        `/api/v1/review/products/${tileId}`,
        `/api/v1/review/units/${steelId}`,
      ];
      const producer = await clientOf(maker);
      const adminClient = await clientOf(admin);
      for (const path of paths) {
        const anonymous = await new Client(app).get(path);
        expect(anonymous.status, path).toBe(401);
        expect(anonymous.headers.get('content-type'), path).toContain('application/problem+json');
        const refused = await producer.get(path);
        expect(refused.status, path).toBe(403);
        expect(refused.body.missing, path).toBe('the role reviewer or administrator');
        expect((await adminClient.get(path)).status, path).toBe(200);
      }
    });

    it('answers 404 for an unknown submission and 400 for an id that is not one', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect((await reviewer.get(`/api/v1/review/products/${unknown}`)).status).toBe(404);
      expect((await reviewer.get(`/api/v1/review/units/${unknown}`)).status).toBe(404);
      expect((await reviewer.get('/api/v1/review/products/1405-000001-0')).status).toBe(400);
      expect((await reviewer.get('/api/v1/review/units/abc')).status).toBe(400);
    });

    it("shows a first submission awaiting its unit's approval without offering to approve it", async () => {
      const { status, body } = await reviewer.get(`/api/v1/review/products/${tileId}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        product: { id: tileId, status: 'submitted' },
        unit: { id: ceramicsId, status: 'submitted' },
        awaiting: true,
        lastReason: null,
        resubmission: null,
        revisionChanges: [],
        proposedValueAdded: null,
        unitPending: true,
        auditYear: null,
      });
      expect(body.unit).not.toHaveProperty('ownerId');
      expect(body.decisions).toEqual([
        { decision: 'reject', about: null, reasonRequired: true },
        { decision: 'request_changes', about: null, reasonRequired: true },
      ]);
    });
  });

  // These decide, and so change what the queue holds: each has a registry of its own.
  describe('deciding', () => {
    beforeEach(open);
    afterEach(close);

    it('shows a unit sent again with the previous reason and the fields changed since', async () => {
      const reason = 'پروانهٔ بهره‌برداری با شمارهٔ اعلام‌شده نمی‌خواند.';
      await producers.move(deps, admin, ceramicsId, 'request_changes', reason);
      const sentBack = (await reviewer.get(`/api/v1/review/units/${ceramicsId}`)).body;
      expect(sentBack).toMatchObject({
        awaiting: false,
        lastReason: reason,
        resubmission: null,
        decisions: [],
      });

      const unit = await producers.get(deps, maker, ceramicsId);
      await producers.update(deps, maker, ceramicsId, { version: unit.version, licenceNo: '55/101' });
      await producers.move(deps, maker, ceramicsId, 'submit');
      const { body } = await reviewer.get(`/api/v1/review/units/${ceramicsId}`);
      expect(body).toMatchObject({
        unit: { id: ceramicsId, status: 'submitted', licenceNo: '55/101' },
        awaiting: true,
        lastReason: null,
        resubmission: { event: 'changes_requested', reason, changedSince: ['licenceNo'] },
      });
      expect(Date.parse(body.resubmission.at)).not.toBeNaN();
      expect(decisions(body)).toEqual(['approve', 'reject', 'request_changes']);
      expect(body.decisions[0].reasonRequired).toBe(false);
    });

    it('shows a product sent again with the previous reason and what changed since, once its unit is approved', async () => {
      await approveSteel();
      const reason = 'ظرفیت سالانه با پروانه نمی‌خواند.';
      await products.move(deps, admin, rebarId, 'request_changes', reason);
      const sent = (await products.get(deps, maker, rebarId)).product;
      await products.update(deps, maker, rebarId, {
        version: sent.version,
        annualCapacity: sent.annualCapacity + 1,
        exportMarkets: ['IQ'],
      });
      await products.move(deps, maker, rebarId, 'submit');
      const { body } = await reviewer.get(`/api/v1/review/products/${rebarId}`);
      expect(body).toMatchObject({
        awaiting: true,
        unitPending: false,
        resubmission: { event: 'changes_requested', reason, changedSince: ['annualCapacity'] },
      });
      expect(decisions(body)).toEqual(['approve', 'reject', 'request_changes']);
      const queue = (await reviewer.get('/api/v1/review/queue?kind=products')).body;
      expect(queue.products.items.find((p: { id: string }) => p.id === rebarId).unitPending).toBe(false);
    });

    it('tells the decisions about a proposed change from those about the registration, with what it changes', async () => {
      await approveSteel();
      const made = await products.create(deps, maker, { ...rebar, producerId: steelId, model: 'B-500' });
      await products.move(deps, maker, made.id, 'submit');
      const approved = await products.move(deps, admin, made.id, 'approve');
      const exWorksPrice = approved.exWorksPrice * 2;
      await products.update(deps, maker, made.id, { version: approved.version, exWorksPrice });
      await products.move(deps, maker, made.id, 'submit');

      const { body } = await reviewer.get(`/api/v1/review/products/${made.id}`);
      expect(body).toMatchObject({
        product: { status: 'approved', revision: { status: 'submitted' } },
        awaiting: true,
        resubmission: null,
        revisionChanges: ['exWorksPrice'],
        proposedValueAdded: valueAddedPercent(exWorksPrice, approved.importedInputsCost),
        unitPending: false,
      });
      expect(decisions(body)).toEqual([
        'revision:approve',
        'revision:reject',
        'revision:request_changes',
        'registration:suspend',
        'registration:revoke',
      ]);

      await products.move(deps, admin, made.id, 'approve');
      const after = (await reviewer.get(`/api/v1/review/products/${made.id}`)).body;
      expect(after).toMatchObject({ awaiting: false, revisionChanges: [], proposedValueAdded: null });
      expect(decisions(after)).toEqual(['suspend', 'revoke']);
    });
  });
});

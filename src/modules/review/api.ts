import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../context.ts';
import { json, problems, router, secured } from '../../http/router.ts';
import * as producers from '../producers/service.ts';
import { ProductReviewOut, QueueOut, QueueQuery, UnitReviewOut } from './schema.ts';
import * as review from './service.ts';

const Id = z.object({ id: z.uuid({ error: 'field.invalid' }) });

type Offered = Awaited<ReturnType<typeof review.unitReview>>['decisions'];

/** The decisions offered, in the order offered, each saying what it is about. */
const decisionsOf = (groups: Offered) =>
  groups.flatMap((g) => g.decisions.map((d) => ({ ...d, about: g.about })));

/** The reviewers' API: the queue and what a reviewer is shown of a submission before deciding on it. */
export function reviewApi(deps: Deps) {
  const app = router();
  const tags = ['Review'];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/review/queue',
      tags,
      summary:
        'Reviewers: the units and products awaiting review, oldest first, as the review page lists them; a page of each',
      ...secured,
      request: { query: QueueQuery },
      responses: { 200: json(QueueOut, 'A page of each kind asked for'), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const { units, products } = await review.queue(deps, c.get('user'), c.req.valid('query'));
      return c.json(
        {
          ...(units && {
            units: {
              items: units.items.map(producers.publicView),
              total: units.total,
              nextOffset: units.nextOffset,
            },
          }),
          ...(products && {
            products: { items: products.items, total: products.total, nextCursor: products.nextCursor },
          }),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/review/products/{id}',
      tags,
      summary:
        'Reviewers: a product as its review shows it, with the previous reason, what changed since and the decisions allowed',
      ...secured,
      request: { params: Id },
      responses: { 200: json(ProductReviewOut, 'The product under review'), ...problems(400, 401, 403, 404) },
    }),
    async (c) => {
      const { documents: _, ...r } = await review.productReview(deps, c.get('user'), c.req.valid('param').id);
      return c.json(
        {
          ...r,
          unit: producers.publicView(r.unit),
          decisions: decisionsOf(r.decisions),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/review/units/{id}',
      tags,
      summary:
        'Reviewers: a production unit as its review shows it, with the previous reason, what changed since and the decisions allowed',
      ...secured,
      request: { params: Id },
      responses: { 200: json(UnitReviewOut, 'The unit under review'), ...problems(400, 401, 403, 404) },
    }),
    async (c) => {
      const r = await review.unitReview(deps, c.get('user'), c.req.valid('param').id);
      return c.json(
        {
          ...r,
          unit: producers.publicView(r.unit),
          decisions: decisionsOf(r.decisions),
        },
        200,
      );
    },
  );

  return app;
}
